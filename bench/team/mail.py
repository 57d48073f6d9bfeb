#!/usr/bin/env python3
"""Reads the loopback SMTP sink of bench/team/walk.sh (GreenMail's REST API).

  mail.py wait  API ADDRESS SUBJECT_REGEX TIMEOUT_S   text of the first message to ADDRESS whose
                                                     subject matches, as "Subject: …" then the body
  mail.py count API ADDRESS                          how many messages ADDRESS has received

Exit status 1 when nothing matched within the timeout.
"""
import email
import email.policy
import json
import re
import sys
import time
import urllib.parse
import urllib.request


def messages(api, address):
    url = f"{api}/api/user/{urllib.parse.quote(address)}/messages/INBOX"
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return json.load(answer)
    except Exception:
        # no such user yet: GreenMail creates the mailbox with the first message
        return []


def text(raw):
    message = email.message_from_string(raw, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return f"Subject: {message['subject']}\n" + "\n".join(parts)


def main():
    command, api, address = sys.argv[1:4]
    if command == "count":
        print(len(messages(api, address)))
        return 0
    pattern, timeout = re.compile(sys.argv[4]), float(sys.argv[5])
    deadline = time.monotonic() + timeout
    while True:
        for m in messages(api, address):
            if pattern.search(m.get("subject") or ""):
                print(text(m["mimeMessage"]))
                return 0
        if time.monotonic() > deadline:
            return 1
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
