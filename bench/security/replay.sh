#!/usr/bin/env bash
# Replays every row of the security review (issue 14's table) against the packaged jar and
# prints one line per check: PASS when the attack is refused or answered with a 4xx, FAIL
# otherwise. Exit status: the number of failed checks (0 = all held).
#
#   ./mvnw -q -DskipTests package && bench/security/replay.sh
#   bench/security/replay.sh target/opennps-0.1.0.jar     # a jar of your choice
#
# The server runs on a free loopback port with a file-based H2 database in a temporary folder,
# without the demo workspace, and is stopped at the end. Every request goes to 127.0.0.1; the
# outbound-guard rows name private and metadata addresses that the server must refuse when the
# URL is saved, so nothing ever connects to them.
set -u
# The outbound rows name private and metadata addresses that the server must refuse when they
# are saved. So that nothing could reach them even if that refusal broke, the replay runs in a
# network namespace of its own whose only interface is loopback; without one it does not run.
if [ -z "${OPENNPS_REPLAY_ISOLATED:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
    exec env OPENNPS_REPLAY_ISOLATED=1 unshare --net -- \
      bash -c 'ip link set lo up && exec bash "$0" "$@"' "$(readlink -f "$0")" "$@"
  fi
  echo "the replay needs a loopback-only network namespace (root, unshare and ip); not run" >&2
  exit 100
fi
ip -o link show up 2>/dev/null | grep -qv ': lo:' && { echo "more than loopback is up here; not run" >&2; exit 100; }
cd "$(dirname "$0")/../.."
JAR="${1:-$(ls target/opennps*.jar 2>/dev/null | grep -v -- '-plain' | head -1)}"
[ -f "$JAR" ] || { echo "no jar: run ./mvnw -q -DskipTests package first" >&2; exit 100; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for tool in curl jq; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 100; }; done

WORK=$(mktemp -d /tmp/opennps-replay.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
KEY="onps_replay_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADMIN="admin@replay.example"
PASSWORD="replay-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LOG="$WORK/server.log"
FAILED=0

OPENNPS_BOOTSTRAP_API_KEY="$KEY" OPENNPS_ADMIN_EMAIL="$ADMIN" OPENNPS_ADMIN_PASSWORD="$PASSWORD" \
  nice -n 10 "$JAVA" -Xmx512m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --opennps.data-dir="$WORK/data" --opennps.demo.enabled=false --opennps.public-url="$BASE" \
  >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "the server did not start:" >&2; tail -30 "$LOG" >&2; exit 100; }
  sleep 1
done

row() { echo; echo "== row $1: $2"; }
# check <name> <ok: 0/1> <detail>
check() {
  if [ "$2" = 1 ]; then printf '  PASS  %-62s %s\n' "$1" "$3"; else printf '  FAIL  %-62s %s\n' "$1" "$3"; FAILED=$((FAILED+1)); fi
}
is4xx() { [ "$1" -ge 400 ] && [ "$1" -lt 500 ] && echo 1 || echo 0; }
api() { curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
anon() { curl -s -o "$WORK/body" -w '%{http_code}' -H 'Content-Type: application/json' "$@"; }
body() { cat "$WORK/body"; }
# a target the server should have refused but saved is deleted at once, before anything fires it
removeIfSaved() { if [ "$1" -ge 200 ] && [ "$1" -lt 300 ]; then api -X DELETE "$BASE/api/v1/$2/$(body | jq -r .id)" >/dev/null; fi; }

api "$BASE/api/v1/workspace" >/dev/null
PK=$(body | jq -r .public_key)
SURVEY=$(api -X POST "$BASE/api/v1/surveys" -d '{"name":"Replay","questions":[{"id":"nps","type":"nps","text":"How likely are you to recommend us?"}],"thank_you":"Thanks","display":{"triggers":["manual"]}}' >/dev/null; body | jq -r .id)

row 1 "the public key cannot send e-mail or overwrite server-set attributes"
api -X POST "$BASE/api/v1/contacts" -d '{"external_id":"victim","email":"victim@replay.example","attributes":{"plan":"enterprise"}}' >/dev/null
CAMPAIGN=$(api -X POST "$BASE/api/v1/campaigns" -d '{"name":"On signup","survey_id":"'"$SURVEY"'","status":"active","trigger":{"event_type":"signup.done"},"steps":[{"type":"action","action":"email","subject":"Hello {{trigger.plan}}"}]}' >/dev/null; body | jq -r .id)
for i in 1 2 3 4 5; do
  anon -X POST "$BASE/api/v1/client/$PK/events" -d '{"external_id":"victim","type":"signup.done","id":"replay-'$i'","properties":{"plan":"WIN A PRIZE at evil.example"}}' >/dev/null
done
sleep 3
api "$BASE/api/v1/campaigns/$CAMPAIGN/journeys" >/dev/null; STARTED=$(body | jq '.total // (.items | length)')
api "$BASE/api/v1/mailbox" >/dev/null; PRIZE=$(body | grep -c 'WIN A PRIZE' || true)
check "client events for a known external_id start no campaign" $([ "$STARTED" = 0 ] && [ "$PRIZE" = 0 ] && echo 1 || echo 0) "journeys=$STARTED mails-with-attacker-text=$PRIZE"
S=$(anon -X POST "$BASE/api/v1/client/$PK/identify" -d '{"external_id":"victim","attributes":{"plan":"free"}}')
check "identify cannot overwrite a server-set attribute" $(is4xx $S) "HTTP $S"
S=$(anon -X POST "$BASE/api/v1/client/$PK/identify" -d '{"external_id":"victim","attributes":{"delighted_email_subject":"x"}}')
check "identify cannot set a reserved key" $(is4xx $S) "HTTP $S"
api "$BASE/api/v1/contacts?search=victim" >/dev/null; PLAN=$(body | jq -r '.items[0].attributes.plan')
check "the server-set attribute is unchanged" $([ "$PLAN" = enterprise ] && echo 1 || echo 0) "plan=$PLAN"
S=$(api -X POST "$BASE/api/v1/campaigns" -d '{"name":"Client","survey_id":"'"$SURVEY"'","status":"active","trigger":{"event_type":"signup.done","accept_client_events":true},"steps":[{"type":"action","action":"email","subject":"Hi"}]}')
check "a campaign taking unsigned client events cannot be activated" $(is4xx $S) "HTTP $S $(body | jq -r '.errors[0].field // empty')"

row 2 "outbound calls cannot reach internal networks"
for url in http://127.0.0.1:9/ http://10.0.0.1/ http://192.168.1.1/ http://169.254.169.254/latest/meta-data/ "http://[::1]/" "http://[fd00:ec2::254]/" http://localhost/ http://metadata.google.internal/; do
  S=$(api -X POST "$BASE/api/v1/webhooks" -d '{"url":"'"$url"'","events":["response.scored"]}')
  check "webhook to $url refused when saved" $(is4xx $S) "HTTP $S"
  removeIfSaved $S webhooks
done
S=$(api -X POST "$BASE/api/v1/alert-rules" -d '{"name":"x","when":{"category":["detractor"]},"notify":[{"webhook":"http://169.254.169.254/"}]}')
check "alert webhook to the metadata address refused" $(is4xx $S) "HTTP $S"
removeIfSaved $S alert-rules
S=$(api -X POST "$BASE/api/v1/alert-rules" -d '{"name":"x","when":{"category":["detractor"]},"notify":[{"slack":"http://10.1.2.3/hook"}]}')
check "Slack target on a private address refused" $(is4xx $S) "HTTP $S"
removeIfSaved $S alert-rules
S=$(api -X POST "$BASE/api/v1/campaigns" -d '{"name":"Hook","survey_id":"'"$SURVEY"'","status":"draft","trigger":{"event_type":"order.placed"},"steps":[{"type":"action","action":"webhook","url":"http://127.0.0.1:22/"}]}')
check "campaign webhook action to loopback refused" $(is4xx $S) "HTTP $S"

row 3 "RFC 8058 one-click unsubscribe works without session or CSRF token"
api -X POST "$BASE/api/v1/invitations" -d '{"survey_id":"'"$SURVEY"'","contact":{"external_id":"leaver","email":"leaver@replay.example"}}' >/dev/null
LINK=$(body | jq -r .url); CONTACT=$(body | jq -r .contact_id)
S=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data 'List-Unsubscribe=One-Click' "$LINK/unsubscribe")
api "$BASE/api/v1/contacts/$CONTACT" >/dev/null; GONE=$(body | jq -r '.unsubscribed_at // empty')
check "one-click POST unsubscribes (the attack was: 403, still subscribed)" $([ "$S" = 200 ] && [ -n "$GONE" ] && echo 1 || echo 0) "HTTP $S unsubscribed_at=${GONE:-none}"

row 4 "no input gives a 500"
ERRORS_BEFORE=$(grep -c ' ERROR ' "$LOG" || true)
for target in "/s/x?score=%ZZ" "/l/$SURVEY?score=%ZZ" "/api/v1/contacts?search=%ZZ" "/api/v1/responses?since=%ZZ" "/responses?survey=%ZZ" "/api/v1/contacts?search=a%00b" "/api/v1/analytics/nps?channel=%C0%AF"; do
  S=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$BASE$target")
  check "GET $target" $(is4xx $S) "HTTP $S"
done
S=$(anon -X POST "$BASE/api/v1/client/$PK/responses/dt_nothing" -d '{"score":2147483648}')
check "widget answer with a score beyond 32 bits" $(is4xx $S) "HTTP $S"
S=$(api -X PATCH "$BASE/api/v1/workspace" -d '{"time_zone":""}')
check "empty time_zone" $(is4xx $S) "HTTP $S"
S=$(api -X POST "$BASE/api/v1/responses" -d '{"survey_id":"'"$SURVEY"'","contact":{"external_id":"big"},"score":99999999999}')
check "recorded response with an out-of-range score" $(is4xx $S) "HTTP $S"
ERRORS_AFTER=$(grep -c ' ERROR ' "$LOG" || true)
check "no ERROR line logged for any of them" $([ "$ERRORS_AFTER" = "$ERRORS_BEFORE" ] && echo 1 || echo 0) "ERROR lines $ERRORS_BEFORE -> $ERRORS_AFTER"

row 5 "API errors are problem+json, never Tomcat HTML"
for target in "/api/v1/contacts?filter[]=1" "/api/v1/contacts?x[y]=1" "/api/v1/contacts/%ZZ" "/api/v1/contacts/[x]" "/v1/people?x{=1"; do
  OUT=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $KEY" --globoff "$BASE$target")
  S=${OUT%% *}; TYPE=${OUT#* }
  ok=$([ "$S" -lt 500 ] && [[ "$TYPE" != text/html* ]] && echo 1 || echo 0)
  check "GET $target" $ok "HTTP $S $TYPE"
done

JAR_FILE="$WORK/cookies"
# row 8's saved-page redirect, signed in before row 6 throttles the account
csrf=$(curl -s -c "$JAR_FILE" -H 'Host: evil.example' -o /dev/null "$BASE/responses?period=7d"; curl -s -b "$JAR_FILE" -c "$JAR_FILE" -H 'Host: evil.example' "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
SAVED=$(curl -s -D - -o /dev/null -b "$JAR_FILE" -c "$JAR_FILE" -H 'Host: evil.example' --data-urlencode "username=$ADMIN" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login" | grep -i '^location:' | tr -d '\r')

row 6 "sign-in is throttled"
signin() {
  rm -f "$JAR_FILE"
  local csrf
  csrf=$(curl -s -c "$JAR_FILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_FILE" -c "$JAR_FILE" \
    --data-urlencode "username=$ADMIN" --data-urlencode "password=$1" --data-urlencode "_csrf=$csrf" "$BASE/login"
}
for i in $(seq 1 6); do LAST=$(signin "wrong-$i"); done
RIGHT=$(signin "$PASSWORD")
check "the right password after 6 wrong ones waits (was: signed in)" $(is4xx ${RIGHT%% *}) "wrong: $LAST; right: $RIGHT"
AUDIT=$(grep -c 'Sign-in failed for a\*\*\*@r\*\*\*' "$LOG" || true)
check "each failure writes a masked audit line" $([ "$AUDIT" -ge 5 ] && echo 1 || echo 0) "$AUDIT lines"

LINK_LOCATION=$(curl -s -D - -o /dev/null -H 'Host: evil.example' "$BASE/l/$SURVEY?score=9" | grep -i '^location:' | tr -d '\r')
row 7 "anonymous answers cannot skew NPS"
STORED=0; LIMITED=0
for i in $(seq 1 58); do
  PAGE=$(curl -s "$BASE/l/$SURVEY")
  NONCE=$(echo "$PAGE" | grep -o 'name="_page" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  S=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "_page=$NONCE" --data "score=10" "$BASE/l/$SURVEY")
  case $S in 200|302|303) STORED=$((STORED+1));; 429) LIMITED=$((LIMITED+1));; esac
done
check "58 answers from one address in a minute through /l/" $([ "$STORED" -le 5 ] && echo 1 || echo 0) "stored=$STORED refused(429)=$LIMITED"
S=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/l/$SURVEY?score=10")
check "a score in the public link counts against the same limit" $(is4xx $S) "HTTP $S"
api -X POST "$BASE/api/v1/responses" -d '{"survey_id":"'"$SURVEY"'","contact":{"external_id":"api-answer"},"score":0}' >/dev/null
sleep 3
api "$BASE/api/v1/analytics/nps?survey_id=$SURVEY" >/dev/null; ALL=$(body | jq .responses)
api "$BASE/api/v1/analytics/nps?survey_id=$SURVEY&channel=!link" >/dev/null; KEPT=$(body | jq .responses)
check "analytics can leave public-link answers out (channel=!link)" $([ "$KEPT" = 1 ] && [ "$ALL" -gt 1 ] && echo 1 || echo 0) "all=$ALL without link=$KEPT"
CSTORED=0; CLIMITED=0; OFFERED=0
for i in $(seq 1 30); do
  anon "$BASE/api/v1/client/$PK/next?anonymous_id=replay-visitor-$i&trigger=manual" >/dev/null
  TOKEN=$(body | jq -r '.display_token // empty' 2>/dev/null)
  [ -n "$TOKEN" ] || continue
  OFFERED=$((OFFERED+1))
  S=$(anon -X POST "$BASE/api/v1/client/$PK/responses/$TOKEN" -d '{"score":10,"answers":{}}')
  case $S in 201) CSTORED=$((CSTORED+1));; 429) CLIMITED=$((CLIMITED+1));; esac
done
check "30 widget answers from one address" $([ "$CSTORED" -le 10 ] && echo 1 || echo 0) "offered=$OFFERED stored=$CSTORED refused(429)=$CLIMITED"

row 8 "headers, cookies, logs, redirects"
for page in /login "/l/$SURVEY"; do
  H=$(curl -s -D - -o /dev/null "$BASE$page")
  ok=$(echo "$H" | grep -qi '^content-security-policy:.*script-src .self.' && echo "$H" | grep -qi '^referrer-policy:' && echo "$H" | grep -qi '^permissions-policy:' && echo 1 || echo 0)
  check "CSP, Referrer-Policy, Permissions-Policy on $page" $ok ""
done
H=$(curl -s -D - -o /dev/null "$BASE/login")
check "session cookie is SameSite=Lax and HttpOnly" $(echo "$H" | grep -i '^set-cookie:' | grep -qi 'samesite=lax' && echo "$H" | grep -i '^set-cookie:' | grep -qi 'httponly' && echo 1 || echo 0) ""
curl -s -o /dev/null "$BASE/api/v1/client/$KEY/next?trigger=manual&anonymous_id=abcdefgh12"
curl -s -o /dev/null -H "Authorization: Basic $(printf '%s:' "$KEY" | base64 -w0)" "$BASE/v1/people/victim%40replay.example/survey_requests/pending"
sleep 1
check "a secret key in the public-key slot is not logged" $(grep -qF "$KEY" "$LOG" && echo 0 || echo 1) ""
# the first-start message (stdout, shown once, names the admin user) is not a log line
sed '/=== OpenNPS first start ===/,/^=====/d' "$LOG" > "$WORK/log-lines"
ADDRESSES=$(grep -oE '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}' "$WORK/log-lines" | sort -u | head -3 | tr '\n' ' ')
check "no e-mail address in any log line" $([ -z "$ADDRESSES" ] && echo 1 || echo 0) "$ADDRESSES"
for page in /settings "/responses?period=7d" /; do
  LOCATION=$(curl -s -D - -o /dev/null -H 'Host: evil.example' "$BASE$page" | grep -i '^location:' | tr -d '\r')
  check "Host: evil.example on $page redirects on-site" $([ -n "$LOCATION" ] && ! echo "$LOCATION" | grep -qi evil && echo 1 || echo 0) "$LOCATION"
done
check "Host: evil.example on a public link with a score redirects on-site" $([ -n "$LINK_LOCATION" ] && ! echo "$LINK_LOCATION" | grep -qi evil && echo 1 || echo 0) "${LINK_LOCATION%%/s/*}/s/…"
RESET_JAR="$WORK/reset-cookies"
csrf=$(curl -s -c "$RESET_JAR" -H 'Host: evil.example' "$BASE/account/reset" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$RESET_JAR" -H 'Host: evil.example' -H 'X-Forwarded-Host: evil.example' --data-urlencode "email=$ADMIN" --data-urlencode "_csrf=$csrf" "$BASE/account/reset"
sleep 3
api "$BASE/api/v1/mailbox" >/dev/null
RESET_LINK=$(body | jq -r '[.items[] | select(.subject | test("[Rr]eset"))][0].text // empty' | grep -o 'http[^ ]*account/password[^ ]*' | head -1)
check "a password reset asked with Host: evil.example links to the public URL" $([ -n "$RESET_LINK" ] && ! echo "$RESET_LINK" | grep -qi evil && echo 1 || echo 0) "${RESET_LINK%%\?*}"
check "after signing in (Host: evil.example), back to the saved page on-site" $([ -n "$SAVED" ] && ! echo "$SAVED" | grep -qi evil && echo 1 || echo 0) "$SAVED"

row 9 "case owners and lone surrogates"
api -X POST "$BASE/api/v1/responses" -d '{"survey_id":"'"$SURVEY"'","contact":{"external_id":"case-1"},"score":2,"channel":"api"}' >/dev/null
RESPONSE=$(body | jq -r .id)
api -X POST "$BASE/api/v1/cases" -d '{"response_id":"'"$RESPONSE"'"}' >/dev/null
CASE=$(body | jq -r .id)
S=$(api -X PATCH "$BASE/api/v1/cases/$CASE" -d '{"owner":"stranger@elsewhere.example"}')
check "a case owner who is not a member" $(is4xx $S) "HTTP $S $(body | jq -r '.errors[0].field // empty')"
S=$(api -X POST "$BASE/api/v1/contacts" -d '{"external_id":"s","name":"Ada \ud800"}')
check "a lone UTF-16 surrogate" $(is4xx $S) "HTTP $S"

echo
echo "$FAILED failed"
exit $FAILED
