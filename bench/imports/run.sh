#!/usr/bin/env bash
# Imports a generated Delighted export of N rows (default 1,000,000) into a freshly started
# target/opennps.jar on an empty embedded H2 database, with a small heap, and reports rows/s,
# the peak heap used and the monthly trend the dashboard shows for the imported survey.
#
#   bench/imports/run.sh [rows] [heap] [max-seconds]   e.g. bench/imports/run.sh 1000000 512m 3600
#
# max-seconds (default 7200) bounds the run: a slower machine reports the rate reached so far.
# Everything stays on 127.0.0.1. The server is stopped at the end.
set -euo pipefail
ROWS=${1:-1000000}
HEAP=${2:-512m}
MAX_SECONDS=${3:-7200}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
PORT=${PORT:-18481}
KEY=bench-import-key-0000000001
JAR=${JAR:-"$ROOT/target/opennps.jar"}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

echo "load average at start: $(uptime)"
python3 "$HERE/generate.py" "$ROWS" > "$WORK/export.csv"
echo "file: $(du -h "$WORK/export.csv" | cut -f1), $ROWS rows"

java -Xmx"$HEAP" -XX:+UseG1GC -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 --opennps.data-dir="$WORK/data" \
  --opennps.demo.enabled=false --opennps.bootstrap.api-key="$KEY" --opennps.http.request-log=false \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

T0=$(date +%s.%N)
ID=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/imports?format=delighted" \
  -H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' --data-binary @"$WORK/export.csv" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
T1=$(date +%s.%N)
echo "upload stored in $(echo "$T1 - $T0" | bc) s"
PEAK=0
for _ in $(seq 1 $((MAX_SECONDS / 2))); do
  JOB=$(curl -fs "http://127.0.0.1:$PORT/api/v1/imports/$ID" -H "Authorization: Bearer $KEY")
  STATUS=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  USED=$(curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null |
    awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s}' || echo 0)
  [ "$USED" -gt "$PEAK" ] && PEAK=$USED
  [ "$STATUS" != running ] && break
  sleep 2
done
T2=$(date +%s.%N)
echo "$JOB" | python3 -c 'import json,sys; j=json.load(sys.stdin); j.pop("errors"); print(j)'
SECONDS_TAKEN=$(echo "$T2 - $T0" | bc)
READ=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows_total"])')
echo "import: $READ of $ROWS rows read in $SECONDS_TAKEN s, $(echo "$READ / $SECONDS_TAKEN" | bc) rows/s (upload included), status $STATUS"
echo "peak heap used (sampled every 2 s): $((PEAK / 1024 / 1024)) MiB of $HEAP"
echo "GC max heap after collection: $(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1) MiB"
SURVEY=$(echo "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["survey_id"])')
# the analytics projection runs behind the import: wait until it counted every row
for _ in $(seq 1 600); do
  N=$(curl -fs "http://127.0.0.1:$PORT/api/v1/analytics/nps?survey_id=$SURVEY" -H "Authorization: Bearer $KEY" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["responses"])')
  [ "$N" -ge "$READ" ] && break
  sleep 2
done
echo "analytics counts $N responses"
echo "12-month trend (interval=month):"
curl -fs "http://127.0.0.1:$PORT/api/v1/analytics/nps?survey_id=$SURVEY&interval=month&since=2025-12-01T00:00:00Z&until=2026-12-01T00:00:00Z" \
  -H "Authorization: Bearer $KEY" |
  python3 -c 'import json,sys; [print(" ", s["start"][:7], s["responses"], s["nps"]) for s in json.load(sys.stdin)["series"]]'
echo "load average at end: $(uptime)"
rm -rf "$WORK"
