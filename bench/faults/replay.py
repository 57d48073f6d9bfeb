#!/usr/bin/env python3
"""Replays the faults an operator meets against the packaged jar, on loopback only.

Scenarios (each on a fresh database; see replay.sh for the databases and docs/operations.md
for the results):
  contended  8 clients send batches over 20 shared contacts: no 500, every event stored once,
             contact attributes as of the last event
  tarpit     an SMTP server that accepts connections and never answers, for --tarpit seconds:
             API and health answer within a second, webhooks keep flowing; then the server
             answers and every e-mail goes out exactly once
  outage     (PostgreSQL only) the database is killed mid-run and started again: health stays
             UP with SMTP down, turns DOWN within a second, the server keeps answering, no
             accepted event is lost, intake and journeys resume without a restart
  sigterm    SIGTERM in the middle of a burst of events and e-mails, then a restart: nothing
             accepted is lost, nobody gets two surveys, no errors logged while stopping

Prints one PASS/FAIL line per check with the counts it read from the database.
"""

import argparse
import concurrent.futures
import http.client
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile

API_KEY = "onps_replay_" + "k" * 40
RESULTS = []
NODES = []


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def check(scenario, name, ok, detail):
    RESULTS.append((scenario, name, ok, detail))
    log(("PASS" if ok else "FAIL") + f" [{scenario}] {name}: {detail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# A tiny SMTP server: silent (a tarpit), closed (connection refused) or answering (a sink that
# records each message with its recipient and Message-ID).


class Smtp:
    def __init__(self, mode, delay=0.0):
        self.port = free_port()
        self.delay = delay
        self.delivered = []  # (recipient, message_id, time)
        self.held = []
        self.lock = threading.Lock()
        self.listener = None
        self.mode = None
        self.switch(mode)

    def switch(self, mode):
        with self.lock:
            if mode == self.mode:
                return
            if self.mode == "tarpit":
                for s in self.held:
                    try:
                        s.close()
                    except OSError:
                        pass
                self.held.clear()
            if mode == "closed" and self.listener:
                self.listener.close()
                self.listener = None
            if mode != "closed" and self.listener is None:
                self.listener = socket.socket()
                self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                self.listener.bind(("127.0.0.1", self.port))
                self.listener.listen(64)
                threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
            self.mode = mode

    def _accept(self, listener):
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with self.lock:
                if self.mode == "tarpit":
                    self.held.append(conn)  # accepted, never answered
                    continue
            threading.Thread(target=self._converse, args=(conn,), daemon=True).start()

    def _converse(self, conn):
        try:
            f = conn.makefile("rb")
            conn.sendall(b"220 replay ESMTP\r\n")
            rcpt = []
            while True:
                line = f.readline()
                if not line:
                    return
                cmd = line.decode("ascii", "replace").strip()
                up = cmd.upper()
                if up.startswith(("EHLO", "HELO")):
                    conn.sendall(b"250 replay\r\n")
                elif up.startswith("MAIL FROM"):
                    rcpt = []
                    conn.sendall(b"250 OK\r\n")
                elif up.startswith("RCPT TO"):
                    rcpt.append(cmd[cmd.index("<") + 1 : cmd.rindex(">")].lower())
                    conn.sendall(b"250 OK\r\n")
                elif up == "DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    message_id = None
                    while True:
                        data = f.readline()
                        if not data or data.rstrip(b"\r\n") == b".":
                            break
                        m = re.match(rb"(?i)message-id:\s*(\S+)", data)
                        if m and message_id is None:
                            message_id = m.group(1).decode()
                    if self.delay:
                        time.sleep(self.delay)  # a real server takes a moment to accept
                    with self.lock:
                        for r in rcpt:
                            self.delivered.append((r, message_id, time.time()))
                    conn.sendall(b"250 OK queued\r\n")
                elif up in ("RSET", "NOOP"):
                    rcpt = []
                    conn.sendall(b"250 OK\r\n")
                elif up == "QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"502 not implemented\r\n")
        except OSError:
            pass
        finally:
            conn.close()

    def per_recipient(self):
        with self.lock:
            counts = {}
            for r, _, _ in self.delivered:
                counts[r] = counts.get(r, 0) + 1
            return counts


class Receiver:
    """Webhook receiver: records each post with the time it arrived."""

    def __init__(self):
        self.posts = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.posts.append((time.time(), self.headers.get("X-OpenNPS-Event"), json.loads(body)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


# ---------------------------------------------------------------------------------------------
# The application under test and its database.


class Database:
    """Where a node stores its data, and how the replay reads counts from it."""

    def __init__(self, kind, work, jar, pg_port=None, name=None):
        self.kind, self.work, self.jar, self.pg_port, self.name = kind, work, jar, pg_port, name
        if kind == "h2":
            self.data_dir = tempfile.mkdtemp(prefix="h2-", dir=work)
            self.h2_jar = os.path.join(work, "h2.jar")
            if not os.path.exists(self.h2_jar):
                with zipfile.ZipFile(jar) as z:
                    entry = next(n for n in z.namelist() if re.match(r"BOOT-INF/lib/h2-.*\.jar", n))
                    with open(self.h2_jar, "wb") as out:
                        out.write(z.read(entry))
        else:
            psql(pg_port, "postgres", f"drop database if exists {name}")
            psql(pg_port, "postgres", f"create database {name}")

    def args(self):
        if self.kind == "h2":
            return [f"--opennps.data-dir={self.data_dir}"]
        return [
            f"--opennps.db.url=jdbc:postgresql://127.0.0.1:{self.pg_port}/{self.name}",
            "--opennps.db.user=postgres",
        ]

    def query(self, sql):
        """First column of the first row. On H2 only while no node has the file open."""
        if self.kind == "pg":
            return psql(self.pg_port, self.name, sql)
        url = (
            f"jdbc:h2:file:{self.data_dir}/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            "DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE"
        )
        out = subprocess.run(
            ["java", "-cp", self.h2_jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-sql", sql],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [l for l in out.splitlines() if l.strip() and not l.startswith("(")]
        return lines[1].split("|")[0].strip() if len(lines) > 1 else None

    def counts(self, sql):
        """Rows of (key, count) from a grouping query, as a dict."""
        if self.kind == "pg":
            out = subprocess.run(
                ["psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-d", self.name,
                 "-AtF", "|", "-c", sql],
                capture_output=True, text=True, check=True).stdout
            rows = [l.split("|") for l in out.splitlines() if l]
        else:
            url = (
                f"jdbc:h2:file:{self.data_dir}/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                "DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE"
            )
            out = subprocess.run(
                ["java", "-cp", self.h2_jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-sql", sql],
                capture_output=True, text=True, check=True).stdout
            rows = [[c.strip() for c in l.split("|")] for l in out.splitlines()[1:] if "|" in l]
        return {r[0]: int(r[1]) for r in rows}


def psql(port, db, sql):
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-At", "-c", sql],
        capture_output=True, text=True, check=True).stdout.strip()
    return out.splitlines()[0] if out else None


class Node:
    """One java -jar process on a free loopback port."""

    def __init__(self, jar, db, smtp_port, work, extra=()):
        self.jar, self.db, self.smtp_port, self.work, self.extra = jar, db, smtp_port, work, list(extra)
        self.port = free_port()
        self.proc = None
        self.logs = []
        NODES.append(self)

    def start(self):
        log_path = os.path.join(self.work, f"node-{self.port}-{len(self.logs)}.log")
        self.logs.append(log_path)
        args = ["java", "-Xmx768m", "-jar", self.jar,
                f"--server.port={self.port}", "--server.address=127.0.0.1",
                f"--spring.mail.host=127.0.0.1", f"--spring.mail.port={self.smtp_port}",
                "--opennps.demo.enabled=false",
                "--opennps.outbound.allow-ranges=127.0.0.0/8",
                "--management.endpoint.health.show-components=always",
                # the replay reports what decided each DOWN (the db check's detail)
                "--management.endpoint.health.show-details=always",
                "--opennps.health.smtp-interval=5s",
                # the replay waits minutes, not the hour the default back-off can grow to
                "--opennps.delivery.max-retry=PT1M",
                "--opennps.public-url=http://127.0.0.1:%d" % self.port,
                ] + self.db.args() + self.extra
        env = dict(os.environ, OPENNPS_BOOTSTRAP_API_KEY=API_KEY, OPENNPS_ADMIN_PASSWORD="replay-password-1")
        out = open(log_path, "w")
        self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 240
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"node exited with {self.proc.returncode}; see {log_path}")
            status, _, _ = self.call("GET", "/actuator/health/readiness", timeout=2)
            if status == 200:
                return self
            time.sleep(0.5)
        raise RuntimeError(f"node not ready in time; see {log_path}")

    def call(self, method, path, body=None, timeout=5.0):
        started = time.time()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            headers = {"Authorization": "Bearer " + API_KEY}
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
            conn.close()
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
            return resp.status, parsed, time.time() - started
        except (OSError, http.client.HTTPException) as e:
            return None, str(e), time.time() - started

    def term(self, timeout=120):
        """SIGTERM and wait: (exit code, seconds to exit)."""
        started = time.time()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        return code, time.time() - started

    def log_text(self):
        with open(self.logs[-1], errors="replace") as f:
            return f.read()


def setup(node, receiver=None, trigger="order.placed"):
    status, survey, _ = node.call("POST", "/api/v1/surveys", {
        "name": "Replay",
        "questions": [{"id": "nps", "type": "nps", "text": "How likely are you to recommend us?"}],
    })
    assert status == 201, (status, survey)
    status, campaign, _ = node.call("POST", "/api/v1/campaigns", {
        "name": "Replay", "survey_id": survey["id"], "status": "active",
        "trigger": {"event_type": trigger},
        "steps": [{"type": "action", "action": "email", "subject": "How did we do?"}],
    })
    assert status == 201, (status, campaign)
    if receiver:
        status, hook, _ = node.call("POST", "/api/v1/webhooks", {
            "url": f"http://127.0.0.1:{receiver.port}/hook", "events": ["response.scored"],
            "secret": "replay-secret-0123456789",
        })
        assert status == 201, (status, hook)
    return survey["id"], campaign["id"]


def order(run, n):
    return {"id": f"e-{run}-{n}", "type": "order.placed",
            "contact": {"external_id": f"c-{run}-{n}", "email": f"c-{run}-{n}@example.com"},
            "properties": {"order_id": f"o-{n}"}}


def wait_until(predicate, timeout, step=1.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def outbox_total(node, status):
    s, body, _ = node.call("GET", f"/api/v1/outbox?status={status}&size=1", timeout=10)
    return body["total"] if s == 200 else None


# ---------------------------------------------------------------------------------------------
# Scenarios


def contended(ctx, kind):
    name = f"contended/{kind}"
    db = ctx.database(kind)
    smtp = Smtp("sink")
    node = Node(ctx.jar, db, smtp.port, ctx.work).start()
    clients, batches, shared = 8, 25, 20
    statuses = {}
    last = {}
    lock = threading.Lock()
    base = 1_700_000_000_000

    def client(c):
        for b in range(batches):
            keys = list(range(shared))
            random.shuffle(keys)
            events = []
            for k in keys:
                stamp = base + (b * clients + c) * 100 + k
                events.append({
                    "id": f"x-{c}-{b}-{k}", "type": "page.view",
                    "contact": {"external_id": f"shared-{k}", "attributes": {"last": f"{c}-{b}"}},
                    "occurred_at": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp // 1000))
                    + ".%03dZ" % (stamp % 1000),
                })
                with lock:
                    if k not in last or last[k][0] < stamp:
                        last[k] = (stamp, f"{c}-{b}")
            for attempt in range(10):
                status, body, _ = node.call("POST", "/api/v1/events", {"events": events}, timeout=30)
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                if status != 503:
                    break
                time.sleep(1)

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    code, _ = node.term()
    stored = int(db.query("select count(*) from event where event_id like 'x-%'"))
    wrong = 0
    for k, (_, value) in last.items():
        attrs = db.query(f"select attributes from contact where external_id = 'shared-{k}'")
        if json.loads(attrs).get("last") != value:
            wrong += 1
    failed = {s: n for s, n in statuses.items() if s not in (202, 503)}
    check(name, "no batch failed", not failed,
          f"answers {statuses} for {clients * batches} batches (503 = retried)")
    check(name, "every event stored once", stored == clients * batches * shared,
          f"{stored} events in the database, {clients * batches * shared} sent")
    check(name, "contacts as of their last event", wrong == 0, f"{wrong} of {shared} contacts differ")


def tarpit(ctx, kind):
    name = f"tarpit/{kind}"
    db = ctx.database(kind)
    smtp = Smtp("tarpit")
    receiver = Receiver()
    node = Node(ctx.jar, db, smtp.port, ctx.work).start()
    survey_id, _ = setup(node, receiver)
    run = uuid.uuid4().hex[:6]
    slow = []  # (path, status, seconds) of answers slower than a second or not 2xx
    worst = {}
    timings = []
    posted = {}  # response id -> time posted
    sent_events = 0
    smtp_degraded = False
    health_up = True
    started = time.time()
    n = 0
    next_response = 0.0
    while time.time() - started < ctx.tarpit_seconds:
        tick = time.time()
        batch = [order(run, n + i) for i in range(5)]
        probes = [("GET", "/api/v1/workspace", None), ("GET", "/actuator/health", None),
                  ("GET", "/actuator/health/liveness", None), ("GET", "/actuator/health/readiness", None),
                  ("POST", "/api/v1/events", {"events": batch})]
        for method, path, body in probes:
            status, answer, seconds = node.call(method, path, body, timeout=5)
            worst[path] = max(worst.get(path, 0), seconds)
            timings.append(seconds)
            if seconds > 1.0 or status is None or status >= 300:
                slow.append((path, status, round(seconds, 2)))
            if path == "/actuator/health" and isinstance(answer, dict):
                health_up &= answer.get("status") == "UP"
                smtp_status = answer.get("components", {}).get("smtp", {}).get("status")
                smtp_degraded |= smtp_status == "DEGRADED"
            if path == "/api/v1/events" and status == 202:
                n += 5
                sent_events += 5
        if tick >= next_response:
            status, response, _ = node.call("POST", "/api/v1/responses", {
                "survey_id": survey_id, "contact": {"external_id": f"r-{run}-{len(posted)}"}, "score": 9})
            if status == 201:
                posted[response["id"]] = time.time()
            next_response = tick + 10
        time.sleep(max(0, 1 - (time.time() - tick)))
    during = time.time() - started
    queued_then = outbox_total(node, "queued")
    sent_then = len(smtp.delivered)
    arrived = {}
    for at, event, body in receiver.posts:
        rid = (body.get("data") or {}).get("response_id") or (body.get("data") or {}).get("id")
        arrived.setdefault(rid, at)
    delays = [arrived[r] - t for r, t in posted.items() if r in arrived]

    smtp.switch("sink")
    back = time.time()
    drained = wait_until(lambda: len(smtp.per_recipient()) >= sent_events and outbox_total(node, "queued") == 0
                         and outbox_total(node, "sending") == 0, 900, 2)
    drain_seconds = time.time() - back
    code, _ = node.term()
    per = smtp.per_recipient()
    mine = {r: c for r, c in per.items() if r.startswith(f"c-{run}-")}
    statuses = db.counts("select status, count(*) from outgoing_email group by status")
    max_attempts = db.query("select max(attempts) from outgoing_email")
    timings.sort()
    p99 = timings[int(len(timings) * 0.99)] if timings else None
    failed = [s for s in slow if s[1] is None or s[1] >= 300]
    # the machine's own load can delay an answer now and then; a request held by SMTP would
    # wait for the read timeout (30 s) or for ever
    check(name, "API and health answered within a second",
          timings and p99 <= 1.0 and max(timings) < 5 and not failed,
          f"{during:.0f} s of tarpit, {len(timings)} calls, 99th percentile {p99:.2f} s, slowest per path"
          f" {json.dumps({k: round(v, 2) for k, v in worst.items()})}, {len(slow)} slower than 1 s or failed"
          f" {slow[:5]}")
    check(name, "health UP, smtp DEGRADED", health_up and smtp_degraded,
          f"overall UP throughout: {health_up}, smtp DEGRADED seen: {smtp_degraded}")
    check(name, "webhooks flowed during the tarpit",
          len(delays) == len(posted) and posted and max(delays) < 10,
          f"{len(delays)} of {len(posted)} response.scored posts arrived during the tarpit,"
          f" slowest {max(delays) if delays else 0:.1f} s after the response")
    check(name, "nothing sent while silent", sent_then == 0,
          f"{sent_then} delivered during the tarpit, {queued_then} queued at its end")
    check(name, "every e-mail once afterwards",
          drained and len(mine) == sent_events and all(c == 1 for c in mine.values()),
          f"{len(mine)} of {sent_events} recipients got mail, {sum(1 for c in mine.values() if c > 1)} more than once,"
          f" all out {drain_seconds:.0f} s after the server answered; outgoing_email {statuses},"
          f" most attempts {max_attempts}")
    receiver.close()


def outage(ctx, kind):
    name = f"outage/{kind}"
    db = ctx.database(kind)
    smtp = Smtp("closed")
    node = Node(ctx.jar, db, smtp.port, ctx.work).start()
    setup(node)
    run = uuid.uuid4().hex[:6]
    accepted, refused = [], []
    health = []  # (time, status code, overall status, seconds)
    live = []
    intake = []  # (time, status, seconds)
    stop = threading.Event()

    def poster():
        n = 0
        while not stop.is_set():
            batch = [order(run, n + i) for i in range(5)]
            status, _, seconds = node.call("POST", "/api/v1/events", {"events": batch}, timeout=60)
            intake.append((time.time(), status, seconds))
            (accepted if status == 202 else refused).extend(e["id"] for e in batch)
            n += 5
            time.sleep(0.2)

    def prober():
        while not stop.is_set():
            asked = time.time()
            status, body, seconds = node.call("GET", "/actuator/health", timeout=5)
            overall = body.get("status") if isinstance(body, dict) else None
            components = body.get("components", {}) if isinstance(body, dict) else {}
            smtp_status = components.get("smtp", {}).get("status")
            # what decided: the db check's status and detail, or the client's own error/timeout
            decided = {k: v for k, v in components.items() if v.get("status") not in ("UP", "DEGRADED", "UNKNOWN")}
            why = json.dumps(decided or components.get("db", {})) if isinstance(body, dict) else repr(body)
            health.append((asked, status, overall, seconds, smtp_status, why))
            time.sleep(0.1)

    def liveness():
        while not stop.is_set():
            status, _, seconds = node.call("GET", "/actuator/health/liveness", timeout=5)
            live.append((time.time(), status, seconds))
            time.sleep(0.2)

    threads = [threading.Thread(target=f) for f in (poster, prober, liveness)]
    for t in threads:
        t.start()
    time.sleep(10)
    asked_to_stop = time.time()
    ctx.pg("stop", "-m", "immediate")
    killed = time.time()  # pg_ctl returns once the server is gone
    time.sleep(ctx.outage_seconds)
    ctx.pg("start", "-w", "-l", os.path.join(ctx.pg_data, "server.log"))
    restarted = time.time()
    time.sleep(20)
    stop.set()
    for t in threads:
        t.join()

    with open(os.path.join(ctx.work, f"outage-{kind}-health.tsv"), "w") as f:
        f.write("asked_s\tanswered_s\tseconds\thttp\tstatus\tsmtp\tdecided (relative to pg_ctl called)\n")
        for h in health:
            f.write(f"{h[0] - asked_to_stop:.3f}\t{h[0] + h[3] - asked_to_stop:.3f}\t{h[3]:.3f}\t{h[1]}"
                    f"\t{h[2]}\t{h[4]}\t{h[5]}\n")
    log(f"pg_ctl stop called at 0.000 s, returned at {killed - asked_to_stop:.3f} s; probes in"
        f" {ctx.work}/outage-{kind}-health.tsv")
    # Before the kill means answered before pg_ctl was even called: a probe that was still running
    # while the server went away may rightly answer DOWN, and is judged by neither side.
    before = [h for h in health if h[0] + h[3] < asked_to_stop]
    for h in health:
        if h[0] < killed and h[2] != "UP":
            log(f"  probe asked {h[0] - asked_to_stop:+.3f} s, answered {h[0] + h[3] - asked_to_stop:+.3f} s"
                f" (after pg_ctl was called): {h[1]} {h[2]} {h[5]}")
    first_down = next((h for h in health if h[0] >= killed and h[2] == "DOWN"), None)
    during = [h for h in health if killed <= h[0] < restarted]
    first_up = next((h for h in health if h[0] >= restarted and h[2] == "UP"), None)
    first_intake = next((i for i in intake if i[0] >= restarted and i[1] == 202), None)
    outage_intake = [i for i in intake if killed <= i[0] < restarted]
    check(name, "UP with SMTP down", before and all(h[2] == "UP" for h in before)
          and any(h[4] == "DEGRADED" for h in before),
          f"{len(before)} probes before the kill: {sorted(set(str(h[2]) for h in before))},"
          f" smtp {sorted(set(str(h[4]) for h in before))}")
    down_after = first_down[0] + first_down[3] - killed if first_down else None
    check(name, "DOWN within a second", down_after is not None and down_after <= 1.0,
          f"first DOWN answer {down_after:.2f} s after the server was gone (pg_ctl stop -m immediate took"
          f" {killed - asked_to_stop:.2f} s); probes every 0.1 s" if down_after is not None else "never DOWN")
    slowest = max((h[3] for h in during), default=0)
    check(name, "health answered during the outage", during and all(h[1] in (200, 503) for h in during)
          and slowest <= 1.5,
          f"{len(during)} probes, answers {sorted(set(str(h[1]) for h in during))}, slowest {slowest:.2f} s")
    check(name, "liveness answered throughout", all(l[1] == 200 for l in live),
          f"{len(live)} probes, answers {sorted(set(str(l[1]) for l in live))},"
          f" slowest {max(l[2] for l in live):.2f} s")
    check(name, "intake during the outage answered 202 or 503, never 500",
          all(i[1] in (202, 503) for i in outage_intake),
          f"{len(outage_intake)} batches answered {sorted(set(str(i[1]) for i in outage_intake))}")
    check(name, "intake resumed without a restart",
          first_intake is not None and first_up is not None,
          f"health UP {first_up[0] - restarted:.1f} s and first 202 {first_intake[0] - restarted:.1f} s after"
          f" PostgreSQL was back; during the outage {len(outage_intake)} batches answered"
          f" {sorted(set(str(i[1]) for i in outage_intake))}, slowest {max((i[2] for i in outage_intake), default=0):.1f} s"
          if first_intake and first_up else "no")

    # Everything accepted is stored and gets its journey and its e-mail once SMTP answers
    smtp.switch("sink")
    want = set(f"c-{run}-{e.split('-')[-1]}@example.com" for e in accepted)
    stored = int(db.query(f"select count(*) from event where event_id like 'e-{run}-%'"))
    journeys_ok = wait_until(lambda: int(db.query(
        f"select count(*) from journey j join contact c on c.id = j.contact_id where c.external_id like 'c-{run}-%'"))
        >= len(accepted), 600, 5)
    mails_ok = wait_until(lambda: want <= set(smtp.per_recipient()), 600, 2)
    time.sleep(5)
    per = smtp.per_recipient()
    accepted_ids = set(accepted)
    stored_ids = int(db.query(
        f"select count(*) from event where event_id like 'e-{run}-%'"))
    retried = node.log_text().count("unfinished event publications to their listeners")
    left = db.query("select count(*) from event_publication")
    code, _ = node.term()
    check(name, "no accepted event lost", stored_ids >= len(accepted_ids),
          f"{len(accepted_ids)} events answered 202, {stored_ids} stored ({len(refused)} refused during the outage)")
    check(name, "work stranded by the outage resumed", journeys_ok and mails_ok
          and all(per.get(r, 0) == 1 for r in want),
          f"journeys for all {len(accepted)} accepted events: {journeys_ok}; {sum(1 for r in want if per.get(r) == 1)}"
          f" of {len(want)} recipients got exactly one e-mail; publication retries logged {retried} times;"
          f" {left} publications left unfinished")


def sigterm(ctx, kind):
    name = f"sigterm/{kind}"
    db = ctx.database(kind)
    smtp = Smtp("sink", delay=0.02)
    node = Node(ctx.jar, db, smtp.port, ctx.work).start()
    setup(node)
    run = uuid.uuid4().hex[:6]
    total = ctx.burst
    accepted = set()
    next_batch = iter(range(0, total, 20))
    lock = threading.Lock()

    def poster():
        while True:
            with lock:
                start = next(next_batch, None)
            if start is None:
                return
            batch = [order(run, n) for n in range(start, min(total, start + 20))]
            status, _, _ = node.call("POST", "/api/v1/events", {"events": batch}, timeout=30)
            if status == 202:
                with lock:
                    accepted.update(e["id"] for e in batch)
            elif status is None:
                return  # the node stopped listening

    posters = [threading.Thread(target=poster) for _ in range(2)]
    for t in posters:
        t.start()
    wait_until(lambda: len(smtp.delivered) >= 100, 300, 0.05)
    at_term = len(smtp.delivered)
    offset = os.path.getsize(node.logs[-1])
    code, seconds = node.term()
    for t in posters:
        t.join()
    text = node.log_text()[offset:]
    # records logged at ERROR, and any sign of work meeting a closed database or pool
    errors = [l.strip()[:240] for l in text.splitlines()
              if re.match(r"^\S+\s+ERROR ", l) or re.search(r"already closed|has been closed|Connection is closed", l)]
    order_ok = 0 <= text.find("Outbox stopped") < text.find("HikariPool-1 - Shutdown initiated") \
        and 0 <= text.find("Scheduler stopped") < text.find("HikariPool-1 - Shutdown initiated")
    sending = db.query("select count(*) from outgoing_email where status = 'sending'")
    picked = db.query("select count(*) from scheduled_tasks where picked = true")
    stored_before = int(db.query(f"select count(*) from event where event_id like 'e-{run}-%'"))
    check(name, "outbox and scheduler stopped before the pool closed", order_ok,
          "log order: Outbox stopped, Scheduler stopped, HikariPool-1 - Shutdown initiated" if order_ok
          else "not in that order")
    check(name, "stopped gracefully", code in (0, 143) and not errors and seconds < 60,
          f"exit {code} {seconds:.1f} s after SIGTERM, sent with {at_term} e-mails delivered and {len(accepted)}"
          f" of {total} events accepted; {len(errors)} error lines while stopping {errors[:3]}")
    check(name, "nothing held after the stop", sending == "0" and picked == "0",
          f"{sending} e-mails 'sending', {picked} scheduler executions still picked")
    check(name, "no accepted event lost", stored_before >= len(accepted),
          f"{len(accepted)} events answered 202 before the stop, {stored_before} stored")

    restarted = time.time()
    node.start()
    for start in range(0, total, 100):  # the client sends what was not accepted (all again: ids are idempotent)
        batch = [order(run, n) for n in range(start, min(total, start + 100))]
        status, _, _ = node.call("POST", "/api/v1/events", {"events": batch}, timeout=30)
        assert status == 202, status
    want = set(f"c-{run}-{n}@example.com" for n in range(total))
    done = wait_until(lambda: want <= set(smtp.per_recipient()) and outbox_total(node, "queued") == 0
                      and outbox_total(node, "sending") == 0, 600, 2)
    drained = time.time() - restarted
    time.sleep(5)
    code, _ = node.term()
    per = smtp.per_recipient()
    twice = [r for r in want if per.get(r, 0) > 1]
    stored = int(db.query(f"select count(*) from event where event_id like 'e-{run}-%'"))
    journeys = db.query("select count(*) from journey")
    statuses = db.counts("select status, count(*) from outgoing_email group by status")
    check(name, "each recipient exactly once after restart", done and not twice and len(want & set(per)) == total,
          f"{len(want & set(per))} of {total} recipients got mail, {len(twice)} twice {twice[:3]},"
          f" all out {drained:.0f} s after the restart; {stored} events, {journeys} journeys stored;"
          f" outgoing_email {statuses}")


class Context:
    def __init__(self, args):
        self.jar = args.jar
        self.work = args.work
        self.pg_port = args.pg_port
        self.pg_data = args.pg_data
        self.pg_user = args.pg_user
        self.tarpit_seconds = args.tarpit
        self.outage_seconds = args.outage
        self.burst = args.burst
        self.dbs = 0

    def database(self, kind):
        self.dbs += 1
        return Database(kind, self.work, self.jar, self.pg_port, f"replay_{self.dbs}")

    def pg(self, *args):
        command = [shutil.which("pg_ctl"), "-D", self.pg_data] + list(args)
        if self.pg_user:
            command = ["runuser", "-u", self.pg_user, "--"] + command
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--pg-port", type=int)
    p.add_argument("--pg-data")
    p.add_argument("--pg-user")
    p.add_argument("--tarpit", type=int, default=300)
    p.add_argument("--outage", type=int, default=30)
    p.add_argument("--burst", type=int, default=2000)
    p.add_argument("--databases", default="h2,pg")
    p.add_argument("--scenarios", default="contended,tarpit,outage,sigterm")
    args = p.parse_args()
    ctx = Context(args)
    for scenario in args.scenarios.split(","):
        for kind in args.databases.split(","):
            if scenario == "outage" and kind != "pg":
                continue
            log(f"--- {scenario} on {kind}")
            try:
                globals()[scenario](ctx, kind)
            except Exception as e:  # a scenario that breaks is a failure, the others still run
                check(f"{scenario}/{kind}", "ran to the end", False, repr(e))
            finally:
                for node in NODES:
                    if node.proc and node.proc.poll() is None:
                        node.term(60)
                NODES.clear()
    failed = [r for r in RESULTS if not r[2]]
    log(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
