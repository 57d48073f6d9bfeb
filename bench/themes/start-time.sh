#!/usr/bin/env bash
# Start-up time of two builds side by side: bench/themes/start-time.sh JAR_A JAR_B [RUNS]
# Starts each jar RUNS times, alternating, on a fresh embedded H2 data directory without the demo
# workspace, reads Spring Boot's "Started … in X seconds (process running for Y)" and stops it.
# Prints each run and the median of both figures per jar, and B / A.
set -euo pipefail
a=$1; b=$2; runs=${3:-5}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${PORT:-18169}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
one() { # jar → "started process"
  rm -rf "$work/data"; : > "$work/log"
  OPENNPS_ADMIN_PASSWORD=correct-horse-42 "$java" -Xmx1g -jar "$1" --server.port=$port \
    --opennps.data-dir="$work/data" --opennps.demo.enabled=false >> "$work/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q "Started OpenNpsApplication" "$work/log" && break; sleep 0.5; done
  kill $pid; wait $pid 2>/dev/null || true
  sed -n 's/.*Started OpenNpsApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$work/log"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
uptime
for i in $(seq 1 "$runs"); do
  echo "A $(one "$a")" | tee -a "$work/runs"
  echo "B $(one "$b")" | tee -a "$work/runs"
done
uptime
for j in A B; do
  s=$(awk -v j=$j '$1==j {print $2}' "$work/runs" | median); p=$(awk -v j=$j '$1==j {print $3}' "$work/runs" | median)
  echo "$j median: started in $s s, process running for $p s"; echo "$j $s $p" >> "$work/medians"
done
awk '{s[$1]=$2; p[$1]=$3} END {printf "B / A: %.2f (started), %.2f (process)\n", s["B"]/s["A"], p["B"]/p["A"]}' "$work/medians"
