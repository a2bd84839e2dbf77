#!/usr/bin/env bash
# Soak test: samtryg on an SQLite file with the demo workspace, signed in as the demo
# coordinator, wrk -t2 -cCONNECTIONS against the plan overview /plans/1 (with the session
# cookie) for MINUTES, the server's RSS (VmRSS) sampled every 10 s. Prints requests/s, latency,
# errors (non-2xx answers and socket errors) and the RSS after the warm-up (the first minute;
# the first 20 s when MINUTES is 1): min, max, first and last.
# Usage: bench/soak.sh [MINUTES] [CONNECTIONS]   (defaults: 10 64; installs wrk if missing)
# BIN=/path/to/samtryg picks the binary (default build/release/samtryg); PAGE=/path another
# signed-in page. The access log is off (SAMTRYG_ACCESS_LOG=false); errors still go to
# the server's standard error, which is printed when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
connections=${2:-64}
page=${PAGE:-/plans/1}
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
bin=${BIN:-$PWD/build/release/samtryg}
[ -x "$bin" ] || { echo "no samtryg binary at $bin (build it, or set BIN=)" >&2; exit 2; }
work=$(mktemp -d /tmp/samtryg-soak.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "scratch directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

port=$((30000 + RANDOM % 20000))
url=http://127.0.0.1:$port
"$bin" demo --db "sqlite:$work/demo.db" >"$work/demo.out"
SAMTRYG_ACCESS_LOG=false "$bin" serve --db "sqlite:$work/demo.db" --port "$port" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
pids+=("$server_pid")
for _ in $(seq 1 500); do curl -sf -o /dev/null "$url/healthz" && break; sleep 0.02; done

# Sign in: the login form wants the CSRF token of its page (cookie + hidden field _csrf).
csrf=$(curl -s -c "$work/cookies" "$url/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -b "$work/cookies" -c "$work/cookies" -o /dev/null -w '%{http_code}' \
  --data-urlencode "_csrf=$csrf" --data-urlencode next=/ \
  --data-urlencode email=tovholder@demo.samtryg.dk --data-urlencode password=samtryg-demo "$url/login")
session=$(awk '$6 == "samtryg_session" {print $7}' "$work/cookies")
if [ "$status" != 303 ] || [ -z "$session" ]; then echo "login failed ($status)" >&2; exit 1; fi
cookie="Cookie: samtryg_session=$session"
read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "$cookie" "$url$page")
[ "$code" = 200 ] || { echo "GET $page answered $code when signed in" >&2; exit 1; }

# Counts answers by status class across wrk's threads (wrk itself counts 3xx as success).
cat >"$work/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) s2, s3, s4, s5 = 0, 0, 0, 0 end
function response(status, headers, body)
  if status < 300 then s2 = s2 + 1 elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1 else s5 = s5 + 1 end
end
function done(summary, latency, requests)
  local c = {0, 0, 0, 0}
  for _, t in ipairs(threads) do
    c[1] = c[1] + t:get("s2"); c[2] = c[2] + t:get("s3")
    c[3] = c[3] + t:get("s4"); c[4] = c[4] + t:get("s5")
  end
  local e = summary.errors
  io.write(string.format("STATUS %d %d %d %d\n", c[1], c[2], c[3], c[4]))
  io.write(string.format("SOCKET %d %d %d %d %d\n", e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("TOTAL %d %d\n", summary.requests, summary.duration))
end
LUA

# RSS every 10 s (seconds since start, kB) while wrk runs.
(
  t0=$(date +%s)
  while kill -0 "$server_pid" 2>/dev/null; do
    echo "$(($(date +%s) - t0)) $(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")"
    sleep 10
  done
) >"$work/rss" 2>/dev/null &
pids+=($!)
rss_start=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
echo "soak: $minutes min, $connections connections, GET $page ($bytes bytes) as tovholder@demo.samtryg.dk" >&2
wrk -t2 -c"$connections" -d"${minutes}m" --timeout 10s --latency -s "$work/count.lua" -H "$cookie" "$url$page" >"$work/wrk.out"
alive=yes
kill -0 "$server_pid" 2>/dev/null || alive=no
health=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz" || true)
after=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$url$page" || true)
rss_end=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)

rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
read -r _ s2 s3 s4 s5 < <(grep '^STATUS' "$work/wrk.out")
read -r _ e_connect e_read e_write e_timeout _ < <(grep '^SOCKET' "$work/wrk.out")
read -r _ total _ < <(grep '^TOTAL' "$work/wrk.out")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
non2xx=$((s3 + s4 + s5))
socket=$((e_connect + e_read + e_write + e_timeout))
warmup=60
[ "$minutes" -le 1 ] && warmup=20
read -r n min max first last < <(awk -v w="$warmup" '$1 >= w && $2 != "" {
    n++; if (n == 1 || $2 < min) min = $2; if ($2 > max) max = $2; if (n == 1) first = $2; last = $2 }
  END { printf "%d %d %d %d %d\n", n, min, max, first, last }' "$work/rss")
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo
echo "| figure | measured |"
echo "|---|---|"
echo "| duration, connections, page | $minutes min, $connections, GET $page ($bytes bytes, signed in) |"
echo "| requests (2xx) | $total ($s2) |"
echo "| requests/s | $rps |"
echo "| latency p50 / p99 | $p50 / $p99 |"
echo "| errors | $((non2xx + socket)) (non-2xx: $non2xx = 3xx $s3, 4xx $s4, 5xx $s5; socket: connect $e_connect, read $e_read, write $e_write, timeout $e_timeout) |"
echo "| RSS at start (signed in, idle) | $(mb "$rss_start") MB |"
echo "| RSS after warm-up (${warmup} s), $n samples every 10 s: min / max | $(mb "$min") / $(mb "$max") MB |"
echo "| RSS first / last sample after warm-up | $(mb "$first") / $(mb "$last") MB |"
echo "| RSS after the run | $(mb "$rss_end") MB |"
echo "| server alive afterwards, /healthz, GET $page | $alive, $health, $after |"
echo
echo "RSS samples (s: MB): $(awk '{ printf "%s: %.1f  ", $1, $2 / 1024 }' "$work/rss")"
if [ -s "$work/server.err" ]; then
  echo
  echo "server standard error ($(wc -l <"$work/server.err") lines), first 5:"
  head -5 "$work/server.err"
fi
[ "$alive" = yes ] && [ $((non2xx + socket)) -eq 0 ]
