#!/usr/bin/env bash
# Analytics benchmark: generated responses, then NPS + weekly 12-month trend + group_by city
# through the API next to the best single SQL query for each, on the same database.
#   bench/analytics/run.sh postgres [RESPONSES] [RUNS]   (database opennps_bench_analytics on 127.0.0.1, user postgres)
#   bench/analytics/run.sh h2 [RESPONSES] [RUNS]
# Builds target/opennps.jar if missing (JAR=… runs another build); needs a JDK >= 21 as JAVA_HOME
# or java on PATH. REUSE=1 measures the PostgreSQL database of the previous run again, without
# generating (the API key is fixed for that reason). PORT=… changes the server port (default 18182).
set -euo pipefail
cd "$(dirname "$0")"
db=${1:-h2}; responses=${2:-1000000}; runs=${3:-7}
root=$(cd ../.. && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
key="bench-analytics-key-0000000001"
port=${PORT:-18182}
work=$(mktemp -d)
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
since=$(date -u -d '365 days ago' +%Y-%m-%d)

[ -n "${JAR:-}" ] || [ -f "$root/target/opennps.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
cp "${JAR:-$root/target/opennps.jar}" "$work/opennps.jar"   # a rebuild during the run cannot disturb it
../../mvnw -q -B -f pom.xml package

case "$db" in
  h2)
    # result reuse off: otherwise H2 answers a repeated identical query from its cache
    url="jdbc:h2:file:$work/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;CACHE_SIZE=524288"
    user=sa; password="" ;;
  postgres)
    [ -n "${REUSE:-}" ] || psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists opennps_bench_analytics' -c 'create database opennps_bench_analytics'
    url="jdbc:postgresql://127.0.0.1:5432/opennps_bench_analytics"; user=postgres; password="" ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

start_server() {
  OPENNPS_BOOTSTRAP_API_KEY=$key "$java" -Xmx2g -jar "$work/opennps.jar" --server.port=$port \
    --spring.datasource.url="$url" --spring.datasource.username=$user --spring.datasource.password="$password" \
    --opennps.bootstrap.time-zone=UTC --opennps.http.request-log=false >> "$work/server.log" 2>&1 &
  server=$!
  # a loaded machine may need minutes to start the server
  for _ in $(seq 1 600); do curl -sf localhost:$port/actuator/health >/dev/null && return; sleep 1; done
  tail -40 "$work/server.log" >&2; exit 1
}
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$work"' EXIT
cp="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"

start_server   # creates the schema and the workspace
ws=$(curl -s localhost:$port/api/v1/workspace -H "Authorization: Bearer $key" | sed 's/.*"id":"\([^"]*\)".*/\1/')
if [ -z "${REUSE:-}" ]; then
  kill $server; wait $server 2>/dev/null || true   # H2 file databases take one process at a time
  "$java" -cp "$cp" org.opennps.bench.AnalyticsBench generate "$url" "$user" "$password" "$ws" "$responses" "$now"
  "$java" -cp "$cp" org.opennps.bench.AnalyticsBench rollup "$url" "$user" "$password" "$ws"
  start_server
else
  "$java" -cp "$cp" org.opennps.bench.AnalyticsBench rollup "$url" "$user" "$password" "$ws"
fi
"$java" -cp "$cp" org.opennps.bench.AnalyticsBench api "http://localhost:$port" "$key" "$since" "$runs"
# H2 embedded allows one process per file: the SQL side runs after the server stopped
[ "$db" = h2 ] && { kill $server; wait $server 2>/dev/null || true; }
"$java" -cp "$cp" org.opennps.bench.AnalyticsBench sql "$url" "$user" "$password" "$ws" "$since" "$runs"
