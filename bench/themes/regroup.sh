#!/usr/bin/env bash
# Re-grouping N stored comments and the dashboard's themes call at that size, each with its time
# and peak memory (heap and resident), next to its ceiling measured in the same run:
#   bench/themes/regroup.sh [COMMENTS] [RUNS] [MODE]     (default 1000000, 5, all)
# MODE all: after a change of the theme cues (every comment analysed again, then grouped), the
# grouping step alone, then the dashboard's themes call; MODE grouping: comments stored as analysed
# by the current cues, only the grouping step and the dashboard's themes call (minutes, not an hour).
# Uses PostgreSQL on 127.0.0.1 (user postgres), database opennps_bench_themes (recreated, dropped
# afterwards; DB=… names another). Compiles against the classes of target/opennps.jar (built if
# missing; JAR=… names another) and the build's dependencies; needs a JDK >= 21 as JAVA_HOME or
# java on PATH. Lines starting RESULT are the figures to copy.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
n=${1:-1000000}; runs=${2:-5}; mode=${3:-all}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
db=${DB:-opennps_bench_themes}
jar=${JAR:-$root/target/opennps.jar}
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
(cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-themes.cp >/dev/null)
out=$(mktemp -d)
# the classes of the built jar, not target/classes: a compile during the run cannot disturb them
(cd "$out" && unzip -q "$jar" 'BOOT-INF/classes/*')
cp="$out/BOOT-INF/classes:$(cat "$root/target/bench-themes.cp")"
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
trap 'rm -rf "$out"; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db"' EXIT
"${bin}javac" -d "$out/bench" -cp "$cp" src/org/opennps/analytics/RegroupBench.java
echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version'), $("${bin}java" -version 2>&1 | head -1)"
uptime
"${bin}java" -Xmx2g -cp "$out/bench:$cp" org.opennps.analytics.RegroupBench "jdbc:postgresql://127.0.0.1:5432/$db" "$n" "$runs" \
  "$root/src/test/resources/themes/evaluation-en.tsv" "$root/src/test/resources/themes/evaluation-pl.tsv" "$mode"
uptime
