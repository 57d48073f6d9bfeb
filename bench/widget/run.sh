#!/usr/bin/env bash
# Widget decision benchmark: GET /api/v1/client/{pk}/next under wrk, next to the same server's
# static /widget.js as the ceiling, in one run on loopback.
#   bench/widget/run.sh [CONTACTS] [SECONDS] [CONNECTIONS]
# Starts target/opennps.jar (build it first: ./mvnw -B -DskipTests package) on port 18081 with a
# fresh H2 file database and the demo disabled, seeds one workspace with CONTACTS contacts and
# one exit-intent survey, then runs wrk four times. Needs wrk, curl, awk and a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")"
contacts=${1:-10000}; seconds=${2:-20}; connections=${3:-8}
root=$(cd ../.. && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=18081
key="bench-key-$(date +%s)-abcdefghijklmnop"
work=$(mktemp -d)
base="http://127.0.0.1:$port"

[ -f "$root/target/opennps.jar" ] || { echo "build target/opennps.jar first" >&2; exit 2; }

OPENNPS_BOOTSTRAP_API_KEY=$key "$java" -Xmx1g -jar "$root/target/opennps.jar" --server.port=$port \
  --spring.datasource.url="jdbc:h2:file:$work/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
  --spring.datasource.username=sa --spring.datasource.password= \
  --opennps.http.request-log=false --opennps.demo.enabled=false \
  --opennps.client.requests-per-minute=100000000 > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf $base/actuator/health >/dev/null && break; sleep 1; done
curl -sf $base/actuator/health >/dev/null || { tail -20 "$work/server.log" >&2; exit 1; }

api() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
pk=$(api GET /api/v1/workspace | sed 's/.*"public_key":"\([^"]*\)".*/\1/')
api POST /api/v1/surveys '{"name":"Exit NPS","questions":[
  {"id":"nps","type":"nps","text":"How likely are you to recommend us?"},
  {"id":"earn9","type":"text","text":"What could we do to earn a 9 or 10?","show_if":{"category":["passive"]}}],
  "display":{"triggers":["exit_intent"],"mode":"once"}}' > /dev/null
for ((from = 0; from < contacts; from += 1000)); do
  to=$((from + 1000 < contacts ? from + 1000 : contacts))
  batch=$(awk -v a=$from -v b=$to 'BEGIN { printf "{\"events\":["; for (i = a; i < b; i++)
    printf "%s{\"type\":\"visitor.seen\",\"contact\":{\"external_id\":\"c-%d\"}}", (i > a ? "," : ""), i; printf "]}" }')
  api POST /api/v1/events "$batch" > /dev/null
done
echo "seeded $contacts contacts; public key $pk"

export CONTACTS=$contacts
bench() { echo "== $1"; wrk -t2 -c"$connections" -d"$seconds"s --latency ${3:+-s "$3"} "$2"; }
echo "nproc $(nproc); $(uptime)"
bench "warm-up (exit_intent, not counted)" "$base/api/v1/client/$pk/next?trigger=exit_intent" next.lua > /dev/null
bench "static /widget.js (ceiling)" "$base/widget.js"
bench "next, nothing due (page_view: no survey for it)" "$base/api/v1/client/$pk/next?trigger=page_view&url=/shop" next.lua
bench "next, survey due (exit_intent: offers and records a display)" "$base/api/v1/client/$pk/next?trigger=exit_intent&url=/shop" next.lua
echo "nproc $(nproc); $(uptime)"
