#!/usr/bin/env bash
# Re-grouping N stored comments after a change of the theme cues, and the themes report at that
# size, each next to its ceiling measured in the same run:
#   bench/themes/regroup.sh [COMMENTS] [RUNS]     (default 1000000 and 5)
# Uses PostgreSQL on 127.0.0.1 (user postgres), database opennps_bench_themes (recreated, dropped
# afterwards). Compiles against the main build's classes (target/classes, built if missing) and
# its dependencies; needs a JDK >= 21 as JAVA_HOME or java on PATH.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
n=${1:-1000000}; runs=${2:-5}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
db=opennps_bench_themes
[ -d "$root/target/classes/org/opennps/analytics" ] || (cd "$root" && ./mvnw -q -B -DskipTests compile)
(cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-themes.cp >/dev/null)
out=$(mktemp -d)
cp -r "$root/target/classes" "$out/app"   # a rebuild during the run cannot disturb it
cp="$out/app:$(cat "$root/target/bench-themes.cp")"
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
trap 'rm -rf "$out"; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db"' EXIT
"${bin}javac" -d "$out/bench" -cp "$cp" src/org/opennps/analytics/RegroupBench.java
uptime
"${bin}java" -Xmx2g -cp "$out/bench:$cp" org.opennps.analytics.RegroupBench "jdbc:postgresql://127.0.0.1:5432/$db" "$n" "$runs" \
  "$root/src/test/resources/themes/evaluation-en.tsv" "$root/src/test/resources/themes/evaluation-pl.tsv"
uptime
