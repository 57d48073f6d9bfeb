#!/usr/bin/env bash
# Comment analysis speed: bench/themes/run.sh [COMMENTS_FOR_REGROUPING]
# Compiles against the main build's classes (target/classes, built if missing) and its
# dependencies; needs a JDK >= 21 as JAVA_HOME or java on PATH.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
n=${1:-1000000}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ -d "$root/target/classes/org/opennps/analytics" ] || (cd "$root" && ./mvnw -q -B -DskipTests compile)
(cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-themes.cp >/dev/null)
cp="$root/target/classes:$(cat "$root/target/bench-themes.cp")"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"${bin}javac" -d "$out" -cp "$cp" src/org/opennps/analytics/ThemesBench.java
uptime
"${bin}java" -Xmx2g -cp "$out:$cp" org.opennps.analytics.ThemesBench \
  "$root/src/test/resources/themes/evaluation-en.tsv" "$root/src/test/resources/themes/evaluation-pl.tsv" "$n"
uptime
