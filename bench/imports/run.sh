#!/usr/bin/env bash
# Imports a generated Delighted export of N rows (default 1,000,000) into a freshly started
# target/opennps.jar on an empty database, with a small heap, and reports rows/s, the peak heap
# used and the monthly trend the dashboard shows; then stops the server and writes the same
# rows with a plain JDBC batch into the same database (Ceiling.java): the ceiling, in the same
# command. Everything runs under nice.
#
#   bench/imports/run.sh h2 [rows] [heap] [max-seconds]         embedded H2 file database
#   bench/imports/run.sh postgres [rows] [heap] [max-seconds]   database opennps_bench_imports
#                                                               on 127.0.0.1 (recreated, dropped after)
#   e.g. bench/imports/run.sh postgres 1000000 512m 7200
#
# max-seconds (default 7200) bounds the import: a slower machine reports the rate reached so far.
# SERVER_OPTS adds JVM options to the server, e.g. SERVER_OPTS=-XX:StartFlightRecording=filename=/tmp/i.jfr
# (with KEEP=1 the work directory, its server log and GC log stay).
# Everything stays on 127.0.0.1. The server is stopped at the end.
set -euo pipefail
DB=${1:-h2}
ROWS=${2:-1000000}
HEAP=${3:-512m}
MAX_SECONDS=${4:-7200}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
PORT=${PORT:-18481}
KEY=bench-import-key-0000000001
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${JAR:-"$ROOT/target/opennps.jar"}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
NICE="nice -n 10"

case "$DB" in
  h2)
    URL="jdbc:h2:file:$WORK/data/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    DB_USER=sa ;;
  postgres)
    psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists opennps_bench_imports' \
      -c 'create database opennps_bench_imports'
    URL="jdbc:postgresql://127.0.0.1:5432/opennps_bench_imports"
    DB_USER=postgres ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

echo "load average at start: $(uptime)"
$NICE python3 "$HERE/generate.py" "$ROWS" > "$WORK/export.csv"
echo "file: $(du -h "$WORK/export.csv" | cut -f1), $ROWS rows"
# the JDBC drivers the server itself runs with, for the ceiling
mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar')

$NICE "$JAVA" -Xmx"$HEAP" -XX:+UseG1GC -Xlog:gc:file="$WORK/gc.log" ${SERVER_OPTS:-} -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 --opennps.data-dir="$WORK/data" \
  --spring.datasource.url="$URL" --spring.datasource.username="$DB_USER" --spring.datasource.password= \
  --opennps.demo.enabled=false --opennps.bootstrap.api-key="$KEY" --opennps.http.request-log=false \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  [ "$DB" = postgres ] && psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists opennps_bench_imports'
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

T0=$(date +%s.%N)
ID=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/imports?format=delighted" \
  -H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' --data-binary @"$WORK/export.csv" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
T1=$(date +%s.%N)
echo "upload stored in $(echo "$T1 - $T0" | bc) s"
PEAK=0
DEADLINE=$(( $(date +%s) + MAX_SECONDS ))
while :; do
  JOB=$(curl -fs "http://127.0.0.1:$PORT/api/v1/imports/$ID" -H "Authorization: Bearer $KEY")
  STATUS=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  USED=$(curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null |
    awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s}' || echo 0)
  [ "$USED" -gt "$PEAK" ] && PEAK=$USED
  [ "$STATUS" != running ] && break
  [ "$(date +%s)" -ge "$DEADLINE" ] && break
  sleep 1
done
# the job's own finishing time when done, else now
T2=$(echo "$JOB" | python3 -c 'import json,sys,time,datetime
j=json.load(sys.stdin); f=j.get("finished_at")
print(datetime.datetime.fromisoformat(f.replace("Z","+00:00")).timestamp() if f else time.time())')
echo "$JOB" | python3 -c 'import json,sys; j=json.load(sys.stdin); j.pop("errors"); print(j)'
IMPORT_SECONDS=$(echo "$T2 - $T1" | bc)
READ=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows_total"])')
RATE=$(echo "$READ / $IMPORT_SECONDS" | bc)
echo "import: $READ of $ROWS rows in $IMPORT_SECONDS s after the upload, $RATE rows/s, status $STATUS"
echo "peak heap used (sampled every second): $((PEAK / 1024 / 1024)) MiB of $HEAP"
echo "GC max heap after collection: $(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1) MiB"
SURVEY=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["survey_id"])')
# imported chunks are counted as they commit: no waiting for a projection
N=$(curl -fs "http://127.0.0.1:$PORT/api/v1/analytics/nps?survey_id=$SURVEY" -H "Authorization: Bearer $KEY" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["responses"])')
echo "analytics counts $N responses right after the import"
echo "12-month trend (interval=month):"
curl -fs "http://127.0.0.1:$PORT/api/v1/analytics/nps?survey_id=$SURVEY&interval=month&since=2025-12-01T00:00:00Z&until=2026-12-01T00:00:00Z" \
  -H "Authorization: Bearer $KEY" |
  python3 -c 'import json,sys; [print(" ", s["start"][:7], s["responses"], s["nps"]) for s in json.load(sys.stdin)["series"]]'
echo "load average after the import: $(uptime)"
kill $SERVER; wait $SERVER 2>/dev/null || true

CEILING=$($NICE "$JAVA" -cp "$WORK/lib/*" "$HERE/Ceiling.java" "$URL" "$DB_USER" "" "$WORK/export.csv")
echo "$CEILING"
CEILING_RATE=$(echo "$CEILING" | sed 's/.* \([0-9]*\) rows\/s/\1/')
echo "import / ceiling: $(echo "scale=1; 100 * $RATE / $CEILING_RATE" | bc) %"
echo "load average at end: $(uptime)"
