# Shared by the bench/*.sh scripts (sourced, not run): tools, a scratch directory cleaned up
# on exit, ports, nginx serving saved bytes, and wrk measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
done
[ -x build/release/samtryg ] || scripts/setup
bin=$PWD/build/release/samtryg
work=$(mktemp -d /tmp/samtryg-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as an unprivileged user
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { echo $(( 30000 + RANDOM % 20000 )); }
wait_for() { for _ in $(seq 1 500); do curl -sf -o /dev/null "$1" && return 0; sleep 0.01; done; return 1; }

# Serves the files in $work/www with nginx; sets nginx_port. $1: a file there to wait for.
start_nginx() {
  nginx_port=$(free_port)
  cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
NGINX
  nginx -c "$work/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  wait_for "http://127.0.0.1:$nginx_port/$1"
}

# url [header] → "requests/s p99_ms" from wrk -t2 -c64 for $duration seconds.
measure() {
  local out rps p99
  if [ $# -gt 1 ]; then
    out=$(wrk -t2 -c64 -d"${duration}s" --latency -H "$2" "$1")
  else
    out=$(wrk -t2 -c64 -d"${duration}s" --latency "$1")
  fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  # wrk prints latencies as 1.23ms / 456.00us / 1.02s
  p99=$(awk -v v="$p99" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }')
  echo "$rps $p99"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100*a/b }'; }
