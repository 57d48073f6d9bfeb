#!/usr/bin/env bash
# Render time of the admin pages on the demo workspace, measured with curl against a running
# app: signs in, switches to the demo workspace, warms each page up, then requests it RUNS
# times and prints the median and the slowest time_total in milliseconds.
#   bench/admin-pages.sh http://localhost:8080 admin@opennps.local '<password>' [runs]
set -euo pipefail
BASE=${1:-http://localhost:8080}; USER=${2:-admin@opennps.local}; PASS=${3:?admin password}; RUNS=${4:-15}
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "username=$USER" --data-urlencode "password=$PASS" -d "_csrf=$T" "$BASE/login"
HOME_PAGE=$(curl -s -c "$JAR" -b "$JAR" "$BASE/")
DEMO=$(echo "$HOME_PAGE" | grep 'Demo shop' | grep -o 'value="[0-9a-f-]*"' | head -1 | sed 's/value="//;s/"//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "workspace_id=$DEMO" -d "_csrf=$(echo "$HOME_PAGE" | csrf)" "$BASE/workspace/switch"
first() { curl -s -b "$JAR" "$BASE$1" | grep -o "href=\"$2/[0-9a-f-]*\"" | head -1 | sed 's/href="//;s/"$//'; }
RESPONSE=$(first /responses /responses); CONTACT=$(first /contacts /contacts); SURVEY=$(first /surveys /surveys)
PAGES=("/" "/?period=365d" "/?period=90d&where=attribute:business_profile:b2b&group=property:shipment_type"
  "/dashboard/themes" "/campaigns" "/campaigns/new?template=after_purchase" "/responses" "/responses?category=detractor&comment=yes"
  "$RESPONSE" "/contacts" "$CONTACT" "/surveys" "$SURVEY" "/settings")
printf '%-70s %8s %8s\n' page median_ms max_ms
for p in "${PAGES[@]}"; do
  for _ in 1 2 3; do curl -s -b "$JAR" -o /dev/null "$BASE$p"; done
  times=$(for _ in $(seq "$RUNS"); do curl -s -b "$JAR" -o /dev/null -w '%{time_total}\n' "$BASE$p"; done | sort -n)
  med=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')
  max=$(echo "$times" | tail -1 | awk '{print $1*1000}')
  printf '%-70s %8.0f %8.0f\n' "$p" "$med" "$max"
done
