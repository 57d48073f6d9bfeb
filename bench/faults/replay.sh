#!/usr/bin/env bash
# Replays the faults of docs/operations.md ("Faults, replayed") against the packaged jar:
# contended intake, a tarpit SMTP server, PostgreSQL killed mid-run, SIGTERM mid-burst — on
# file-based H2 in a temp dir and on a private PostgreSQL cluster started here (initdb/pg_ctl
# in a temp dir, on a free loopback port; it is the only server this script ever stops).
# Then the graceful-stop test in a child JVM (GracefulStopInChildProcessTest).
#
#   bench/faults/replay.sh                    # everything, about 30 minutes on an idle 2-core machine
#   TARPIT=60 SCENARIOS=tarpit DATABASES=h2 bench/faults/replay.sh
#   SKIP_PACKAGE=1 SKIP_CHILD_TEST=1 bench/faults/replay.sh
#   WORK_ROOT=/var/tmp SCENARIOS=outage DATABASES=pg bench/faults/replay.sh
#
# The work directory (node logs, databases, outage-*-health.tsv with every health probe and what
# decided it) is kept and printed at the end; WORK_ROOT chooses where it is made (default /tmp,
# which a reboot may empty).
# Needs a JDK 21+, python3, psql and the PostgreSQL server binaries (initdb, pg_ctl); run as
# root, the cluster runs as the postgres user. Talks to 127.0.0.1 only. Exit status 0 when
# every check passed.
set -euo pipefail
cd "$(dirname "$0")/../.."

TARPIT=${TARPIT:-300}
OUTAGE=${OUTAGE:-30}
BURST=${BURST:-2000}
SCENARIOS=${SCENARIOS:-contended,tarpit,outage,sigterm}
DATABASES=${DATABASES:-h2,pg}

if [[ -z "${SKIP_PACKAGE:-}" ]]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
WORK_ROOT=${WORK_ROOT:-/tmp}
mkdir -p "$WORK_ROOT"
WORK=$(mktemp -d "$WORK_ROOT/opennps-faults-XXXXXX")
echo "work directory (kept): $WORK"
chmod 755 "$WORK"
# the nodes run a copy, so a rebuild meanwhile cannot change the jar under them
JAR=$(ls target/opennps*.jar | grep -v original | head -1)
cp "$JAR" "$WORK/opennps.jar"

PG_ARGS=()
if [[ ",$DATABASES," == *",pg,"* ]]; then
  PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  PG_DATA="$WORK/pg"
  AS=()
  if [[ $(id -u) == 0 ]]; then AS=(runuser -u postgres --); PG_USER=postgres; fi
  mkdir -p "$PG_DATA"
  if [[ $(id -u) == 0 ]]; then chown postgres "$PG_DATA"; fi
  "${AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust >/dev/null
  cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 200
EOF
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w start >/dev/null
  trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true' EXIT
  PG_ARGS=(--pg-port "$PG_PORT" --pg-data "$PG_DATA" ${PG_USER:+--pg-user "$PG_USER"})
  export PATH="$PG_BIN:$PATH"
fi

if [[ -n "${JAVA_HOME:-}" ]]; then export PATH="$JAVA_HOME/bin:$PATH"; fi
echo "machine: $(nproc) cores, $(uptime)"
status=0
nice -n 10 python3 bench/faults/replay.py --jar "$WORK/opennps.jar" --work "$WORK" "${PG_ARGS[@]}" \
  --tarpit "$TARPIT" --outage "$OUTAGE" --burst "$BURST" \
  --scenarios "$SCENARIOS" --databases "$DATABASES" || status=$?

if [[ -z "${SKIP_CHILD_TEST:-}" ]]; then
  if nice -n 10 ./mvnw -q -B -ntp test -Dtest=GracefulStopInChildProcessTest -Dopennps.test.excluded-groups=none \
      -Dsurefire.failIfNoSpecifiedTests=false >"$WORK/child-test.log" 2>&1; then
    echo "PASS [child-jvm] GracefulStopInChildProcessTest: $(grep -h 'Tests run' target/surefire-reports/*GracefulStopInChildProcessTest.txt)"
  else
    echo "FAIL [child-jvm] GracefulStopInChildProcessTest: see $WORK/child-test.log"
    status=1
  fi
fi
rm -f "$WORK/opennps.jar"
echo "logs and databases: $WORK; $(uptime)"
exit $status
