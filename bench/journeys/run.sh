#!/usr/bin/env bash
# Journey benchmark: N journeys of one e-mail campaign falling due at the same instant, run by
# the application (durable scheduler → fatigue → invitation → outbox → SMTP) into a local SMTP
# sink; then, on the same database with the same scheduler settings, db-scheduler alone running
# N no-op executions due together; then a plain Jakarta Mail client sending RAW (default
# min(N, 20000)) copies of the application's first survey e-mail over one reused connection to a
# fresh sink: the e-mail ceiling.
#   bench/journeys/run.sh postgres [N]   (database BENCH_DB, default opennps_bench_journeys, on 127.0.0.1, user postgres;
#                                         dropped and created again)
#   bench/journeys/run.sh h2 [N]         (embedded H2 file; the driver connects through AUTO_SERVER)
# LIMIT (seconds, default 5400) bounds each phase: the e-mail phase ends when the sink has N
# messages or LIMIT passed, the no-op phase when all N ran or LIMIT passed; the report then
# covers what ran, at the rate it ran.
# Builds target/opennps.jar if missing (JAR=… runs another build); needs a JDK >= 21 as JAVA_HOME
# or java on PATH. PORT (default 18083) is the application's HTTP port; the sink takes a free port.
# START_WAIT (seconds, default 300) bounds the wait for the sink and the application to start.
# NODES (default 1) starts that many application nodes on the one database (ports PORT, PORT+1, …),
# all sending to the one sink: the combined rate, and the sink tells whether anyone got a copy twice.
# XMX (default 2g) is each node's heap. JAVA_OPTS, when set, goes to each application node's JVM
# (e.g. a flight recording: JAVA_OPTS='-XX:StartFlightRecording=filename=app.jfr,settings=profile').
# VACUUM_EVERY (seconds, default 60; 0: never): on PostgreSQL with autovacuum switched off, a
# "vacuum analyze" of the bench database at that interval during the run, standing in for what
# autovacuum (on by default, woken every 60 s) does on an installation: without it the planner
# keeps the statistics of the empty tables and the queues' dead index entries are never removed.
# On PostgreSQL each phase also runs "vacuum (analyze)" of the tables it filled and a checkpoint
# before its due instant, so both bursts start from current statistics whenever the periodic vacuum
# last ran, and no checkpoint of the previous phase's writes runs during the next one.
set -euo pipefail
cd "$(dirname "$0")"
db=${1:-postgres}; n=${2:-100000}
root=$(cd ../.. && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
key="bench-journeys-key-00000000001"
port=${PORT:-18083}
work=$(mktemp -d)

[ -n "${JAR:-}" ] || [ -f "$root/target/opennps.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
cp "${JAR:-$root/target/opennps.jar}" "$work/opennps.jar"   # a rebuild during the run cannot disturb it
../../mvnw -q -B -f pom.xml package
cp="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"

case "$db" in
  h2)
    url="jdbc:h2:file:$work/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
    user=sa; password="" ;;
  postgres)
    bdb=${BENCH_DB:-opennps_bench_journeys}
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $bdb" -c "create database $bdb"
    url="jdbc:postgresql://127.0.0.1:5432/$bdb"; user=postgres; password="" ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

echo "nproc $(nproc); uptime: $(uptime)"
vacuumer=""
if [ "$db" = postgres ]; then
  echo "autovacuum: $(psql -h 127.0.0.1 -U postgres -d "$bdb" -Atc 'show autovacuum')"
  if [ "${VACUUM_EVERY:-60}" -gt 0 ] && [ "$(psql -h 127.0.0.1 -U postgres -d "$bdb" -Atc 'show autovacuum')" = off ]; then
    echo "vacuum analyze every ${VACUUM_EVERY:-60} s in place of autovacuum"
    ( while sleep "${VACUUM_EVERY:-60}"; do psql -h 127.0.0.1 -U postgres -d "$bdb" -q -c 'vacuum (analyze)' 2>/dev/null || true; done ) &
    vacuumer=$!
  fi
fi
"$java" -cp "$cp" org.opennps.bench.JourneysBench sink "$work/sink.port" "$n" "${LIMIT:-5400}" > "$work/sink.log" 2>&1 &
sink=$!
trap 'kill ${servers:-} ${sink:-0} ${vacuumer:-} 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 "${START_WAIT:-300}"); do [ -s "$work/sink.port" ] && break; sleep 1; done
smtp_port=$(cat "$work/sink.port")

nodes=${NODES:-1}
servers=""
for i in $(seq 1 "$nodes"); do
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  OPENNPS_BOOTSTRAP_API_KEY=$key "$java" -Xmx${XMX:-2g} ${JAVA_OPTS:-} -jar "$work/opennps.jar" --server.port=$((port + i - 1)) \
    --spring.datasource.url="$url" --spring.datasource.username=$user --spring.datasource.password="$password" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
    --opennps.bootstrap.time-zone=UTC --opennps.http.request-log=false --opennps.demo.enabled=false > "$work/server$i.log" 2>&1 &
  servers="$servers $!"
  # the first node migrates the schema and creates the workspace; the next ones join it
  for _ in $(seq 1 "${START_WAIT:-300}"); do curl -sf localhost:$((port + i - 1))/actuator/health >/dev/null && break; sleep 1; done
  curl -sf localhost:$((port + i - 1))/actuator/health >/dev/null || { echo "node $i did not start; its log:" >&2; tail -50 "$work/server$i.log" >&2; exit 1; }
done
echo "nodes: $nodes"
api() { curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
ws=$(api localhost:$port/api/v1/workspace | sed 's/.*"id":"\([^"]*\)".*/\1/')
survey=$(api -X POST localhost:$port/api/v1/surveys -d '{"name":"Bench NPS","questions":[
  {"id":"nps","type":"nps","text":"How likely are you to recommend us to a friend?"}]}' \
  | sed 's/^{"id":"\([^"]*\)".*/\1/')
campaign=$(api -X POST localhost:$port/api/v1/campaigns -d '{"name":"Bench","survey_id":"'"$survey"'","status":"active",
  "trigger":{"event_type":"bench.due"},"steps":[{"type":"action","action":"email","subject":"How did we do?"}]}' \
  | sed 's/^{"id":"\([^"]*\)".*/\1/')
echo "workspace $ws survey $survey campaign $campaign"

"$java" -cp "$cp" org.opennps.bench.JourneysBench generate "$url" "$user" "$password" "$ws" "$campaign" "$n" | tee "$work/generate.log"
due=$(sed -n 's/^DUE=//p' "$work/generate.log")
wait $sink || true
cat "$work/sink.log"
sleep 2   # the last rows' sent marks
"$java" -cp "$cp" org.opennps.bench.JourneysBench report "$url" "$user" "$password" "$campaign" "$due"
kill $servers; wait $servers 2>/dev/null || true
"$java" -cp "$cp" org.opennps.bench.JourneysBench noop "$url" "$user" "$password" "$n" 10 "${LIMIT:-5400}"
# the e-mail ceiling in the same run: a plain Jakarta Mail client over one reused connection to a fresh sink
raw=${RAW:-$(( n < 20000 ? n : 20000 ))}
rm -f "$work/sink2.port"
"$java" -cp "$cp" org.opennps.bench.JourneysBench sink "$work/sink2.port" "$raw" "${LIMIT:-5400}" > "$work/sink2.log" 2>&1 &
sink=$!
for _ in $(seq 1 "${START_WAIT:-300}"); do [ -s "$work/sink2.port" ] && break; sleep 1; done
"$java" -cp "$cp" org.opennps.bench.JourneysBench rawmail "$(cat "$work/sink2.port")" "$raw" "$url" "$user" "$password"
wait $sink || true
cat "$work/sink2.log"
echo "uptime after: $(uptime)"
