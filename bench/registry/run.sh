#!/usr/bin/env bash
# Event publication registry under sustained intake: row count and table size of
# event_publication before, during and after N events through POST /api/v1/events.
#   [EXTRA_ARGS="--spring.modulith.events.completion-mode=update"] bench/registry/run.sh [EVENTS] [CLIENTS]
#     (PostgreSQL on 127.0.0.1, user postgres,
#     database opennps_bench_registry, recreated; EXTRA_ARGS go to the server)
# Reuses the ingestion driver (bench/ingest). Builds target/opennps.jar if missing; needs a
# JDK >= 21 as JAVA_HOME or java on PATH.
set -euo pipefail
cd "$(dirname "$0")"
events=${1:-1000000}; clients=${2:-4}
root=$(cd ../.. && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
key="bench-key-$(date +%s)-abcdefghijklmnop"
port=18191
db=opennps_bench_registry
work=$(mktemp -d)

[ -f "$root/target/opennps.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
(cd ../ingest && ../../mvnw -q -B -f pom.xml package)

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
url="jdbc:postgresql://127.0.0.1:5432/$db"
q() { psql -h 127.0.0.1 -U postgres -d $db -At -c "$1"; }
size() {
  q "select (select count(*) from event_publication) || ' rows, ' || pg_size_pretty(pg_total_relation_size('event_publication'))
     || ' (' || pg_total_relation_size('event_publication') || ' bytes); event table '
     || pg_size_pretty(pg_total_relation_size('event'))"
}

OPENNPS_BOOTSTRAP_API_KEY=$key "$java" -Xmx2g -jar "$root/target/opennps.jar" --server.port=$port \
  --spring.datasource.url="$url" --spring.datasource.username=postgres --spring.datasource.password= \
  --opennps.http.request-log=false --opennps.demo.enabled=false ${EXTRA_ARGS:-} > "$work/server.log" 2>&1 &
server=$!
sampler=""
trap 'kill $server $sampler 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 1; done

echo "before: $(size)"
# One sample every 15 s while the load runs (at most 2 hours of samples).
( for _ in $(seq 1 480); do sleep 15; echo "during: $(size)"; done ) &
sampler=$!
cp="../ingest/target/classes:$(ls ../ingest/target/lib/*.jar | tr '\n' ':')"
"$java" -cp "$cp" org.opennps.bench.IngestBench http "http://localhost:$port" "$key" "$events" "$clients"
kill $sampler 2>/dev/null || true
# Let the listeners of the last batches finish.
for _ in $(seq 1 60); do [ "$(q 'select count(*) from event_publication')" = 0 ] && break; sleep 1; done
echo "after: $(size)"
# Autovacuum may be off or behind: a plain VACUUM shows what the dead rows leave behind.
q "vacuum event_publication" >/dev/null
echo "after vacuum: $(size)"
echo "autovacuum: $(q 'show autovacuum')"
echo "incomplete publications: $(q "select count(*) from event_publication where completion_date is null")"
echo "events stored: $(q 'select count(*) from event')"
uptime
kill $server; wait $server 2>/dev/null || true
