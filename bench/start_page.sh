#!/usr/bin/env bash
# Measures the start page, the to-do list every person sees first, on the demo workspace:
# GET / signed in as the coordinator (forms waiting, past their deadline, next deadlines,
# indicators due) and as the SSP lead (their forms, indicators due, others' changes), with
# wrk -t2 -c64 -d10s: requests/s and p99. The page reads every form of the workspace, every
# indicator with its values and the last 30 days of the audit log on each request.
# Usage: bench/start_page.sh [seconds]   (installs wrk for the benchmark only)
duration=${1:-10}
source "$(dirname "$0")/lib.sh"
export SAMTRYG_PASSWORD_HASHING=minimal SAMTRYG_ACCESS_LOG=false
unset SAMTRYG_CONFIG

db="sqlite:$work/demo.db"
"$bin" demo --db "$db" >/dev/null
app_port=$(free_port)
"$bin" serve --db "$db" --port "$app_port" >"$work/app.out" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz"

session_of() {
  local jar="$work/jar-$1" csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$app_port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=samtryg-demo" "http://127.0.0.1:$app_port/login"
  awk '$6 == "samtryg_session" {print $7}' "$jar"
}

echo "| GET / signed in as | bytes | req/s | p99 |"
echo "|---|---|---|---|"
for email in tovholder@demo.samtryg.dk ssp@demo.samtryg.dk; do
  session=$(session_of "$email")
  bytes=$(curl -s -H "Cookie: samtryg_session=$session" "http://127.0.0.1:$app_port/" | wc -c)
  read -r rps p99 < <(measure "http://127.0.0.1:$app_port/" "Cookie: samtryg_session=$session")
  echo "| $email | $bytes | $rps | ${p99} ms |"
done
