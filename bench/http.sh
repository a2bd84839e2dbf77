#!/usr/bin/env bash
# Measures the foundation's figures and prints them as a Markdown table:
#   - GET /healthz and the 2 KB login page: samtryg vs nginx serving the same bytes from files,
#     wrk -t2 -c64 -d10s, requests/s and p99 latency;
#   - cold start to first answered request (median of 5), idle RSS.
# Usage: bench/http.sh [seconds]   (installs wrk and nginx-light for the benchmark only)
duration=${1:-10}
source "$(dirname "$0")/lib.sh"

app_port=$(free_port)
"$bin" serve --db "sqlite:$work/bench.db" --port "$app_port" >"$work/app.out" 2>"$work/access.log" &
pids+=($!); app_pid=$!
wait_for "http://127.0.0.1:$app_port/healthz"

# The same bytes samtryg answers with, served by nginx from files.
mkdir -p "$work/www"
curl -s "http://127.0.0.1:$app_port/healthz" >"$work/www/healthz"
curl -s "http://127.0.0.1:$app_port/login" >"$work/www/login"
page_bytes=$(stat -c %s "$work/www/login")
start_nginx healthz


echo "| what | samtryg req/s | samtryg p99 | nginx req/s | nginx p99 | samtryg / nginx |"
echo "|---|---|---|---|---|---|"
for path in healthz login; do
  read -r app_rps app_p99 < <(measure "http://127.0.0.1:$app_port/$path")
  read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$nginx_port/$path")
  label="GET /$path"; [ "$path" = login ] && label="GET /login ($page_bytes bytes, rendered per request)"
  ratio=$(ratio "$app_rps" "$ng_rps")
  echo "| $label | $app_rps | ${app_p99} ms | $ng_rps | ${ng_p99} ms | $ratio |"
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true

# Cold start: from exec to the first 200 from /healthz, on an existing (migrated) database.
starts=()
for _ in 1 2 3 4 5; do
  port=$(free_port)
  t0=$(date +%s%N)
  "$bin" serve --db "sqlite:$work/bench.db" --port "$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 5000); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
    kill -0 "$pid" 2>/dev/null || { echo "samtryg did not start on port $port" >&2; exit 1; }
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  idle_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)
echo
echo "| figure | measured |"
echo "|---|---|"
echo "| cold start to first answered request (median of 5, ms) | $median (runs: ${starts[*]}) |"
echo "| idle RSS after start and one request | $(( idle_kb / 1024 )) MB |"
echo "| RSS after the wrk runs above | $(( rss_kb / 1024 )) MB |"
