#!/usr/bin/env bash
# Ingestion benchmark: the API path against the raw JDBC ceiling on the same database.
#   bench/ingest/run.sh h2 [EVENTS] [CLIENTS]
#   bench/ingest/run.sh postgres [EVENTS] [CLIENTS]    (database opennps_bench on 127.0.0.1, user postgres)
# Builds target/opennps.jar if missing; needs a JDK >= 21 as JAVA_HOME or java on PATH.
set -euo pipefail
cd "$(dirname "$0")"
db=${1:-h2}; events=${2:-200000}; clients=${3:-4}
root=$(cd ../.. && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
key="bench-key-$(date +%s)-abcdefghijklmnop"
port=18181
work=$(mktemp -d)

[ -f "$root/target/opennps.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
../../mvnw -q -B -f pom.xml package

case "$db" in
  h2)
    url="jdbc:h2:file:$work/opennps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    user=sa; password="" ;;
  postgres)
    psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists opennps_bench' -c 'create database opennps_bench'
    url="jdbc:postgresql://127.0.0.1:5432/opennps_bench"; user=postgres; password="" ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

OPENNPS_BOOTSTRAP_API_KEY=$key "$java" -Xmx2g -jar "$root/target/opennps.jar" --server.port=$port \
  --spring.datasource.url="$url" --spring.datasource.username=$user --spring.datasource.password="$password" \
  --opennps.http.request-log=false --opennps.demo.enabled=false > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 1; done

cp="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
"$java" -cp "$cp" org.opennps.bench.IngestBench http "http://localhost:$port" "$key" "$events" "$clients"
ws=$(curl -s localhost:$port/api/v1/workspace -H "Authorization: Bearer $key" | sed 's/.*"id":"\([^"]*\)".*/\1/')
kill $server; wait $server 2>/dev/null || true
"$java" -cp "$cp" org.opennps.bench.IngestBench jdbc "$url" "$user" "$password" "$events" "$clients" "$ws"
