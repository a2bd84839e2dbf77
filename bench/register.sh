#!/usr/bin/env bash
# Measures the strategy register's figures and prints them as a Markdown table:
#   - export and import of a workspace with 200 initiatives and 5,000 activities (SQLite, and
#     PostgreSQL when SAMTRYG_TEST_POSTGRES names a cluster), wall time of the CLI, median of 3;
#   - GET /plans/1 (the plan overview, signed in as a coordinator) vs nginx serving the same
#     bytes from a file: wrk -t2 -c64 -d10s, requests/s and p99.
# Usage: bench/register.sh [seconds]   (installs wrk and nginx-light for the benchmark only)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
done
[ -x build/release/samtryg ] || scripts/setup
bin=$PWD/build/release/samtryg
work=$(mktemp -d /tmp/samtryg-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { echo $(( 30000 + RANDOM % 20000 )); }
wait_for() { for _ in $(seq 1 500); do curl -sf -o /dev/null "$1" && return 0; sleep 0.01; done; return 1; }
export SAMTRYG_PASSWORD_HASHING=minimal SAMTRYG_ACCESS_LOG=false
unset SAMTRYG_CONFIG

python3 bench/make_workspace.py 200 5000 >"$work/big.json"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b-a }'; }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

echo "| what | time |"
echo "|---|---|"
urls=("sqlite:$work/big.db")
[ -n "${SAMTRYG_TEST_POSTGRES:-}" ] && urls+=("$SAMTRYG_TEST_POSTGRES")
for url in "${urls[@]}"; do
  imports=(); exports=()
  for run in 1 2 3; do
    if [[ $url == sqlite:* ]]; then
      db="sqlite:$work/big-$run.db"
    else
      schema="bench_$$_${run}"
      psql "$url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null 2>&1
      db="$url?options=-csearch_path%3D$schema"
    fi
    "$bin" migrate --db "$db" >/dev/null 2>&1
    imports+=("$(seconds "$bin" import --db "$db" "$work/big.json")")
    exports+=("$(seconds "$bin" export --db "$db")")
    [[ $url == sqlite:* ]] || psql "$url" -qc "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
  done
  backend=${url%%:*}
  echo "| import, 200 initiatives + 5,000 activities ($backend) | $(median3 "${imports[@]}") s |"
  echo "| export, same workspace ($backend) | $(median3 "${exports[@]}") s |"
done

db="sqlite:$work/big-1.db"
echo "correct horse battery" | "$bin" user add --db "$db" --email bench@example.dk --name Bench \
  --role coordinator --workspace "Benchmark – en stor kommune" >/dev/null
app_port=$(free_port)
"$bin" serve --db "$db" --port "$app_port" >"$work/app.out" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz"
jar="$work/jar"
csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$app_port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=bench@example.dk" \
  --data-urlencode "password=correct horse battery" "http://127.0.0.1:$app_port/login"
session=$(awk '$6 == "samtryg_session" {print $7}' "$jar")
mkdir -p "$work/www"
curl -s -H "Cookie: samtryg_session=$session" "http://127.0.0.1:$app_port/plans/1" >"$work/www/plan"
bytes=$(stat -c %s "$work/www/plan")
grep -q "Indsats 001" "$work/www/plan" || { echo "the plan overview did not render" >&2; exit 1; }
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
wait_for "http://127.0.0.1:$nginx_port/plan"
measure() {  # url [header] → "requests/s p99_ms"
  local out rps p99
  if [ $# -gt 1 ]; then out=$(wrk -t2 -c64 -d"${duration}s" --latency -H "$2" "$1"); else out=$(wrk -t2 -c64 -d"${duration}s" --latency "$1"); fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  p99=$(awk -v v="$p99" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }')
  echo "$rps $p99"
}
read -r app_rps app_p99 < <(measure "http://127.0.0.1:$app_port/plans/1" "Cookie: samtryg_session=$session")
read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$nginx_port/plan")
echo
echo "| what | samtryg req/s | samtryg p99 | nginx req/s | nginx p99 | samtryg / nginx |"
echo "|---|---|---|---|---|---|"
ratio=$(awk -v a="$app_rps" -v b="$ng_rps" 'BEGIN { printf "%.0f %%", 100*a/b }')
echo "| GET /plans/1, 200 initiatives, 5,000 activities ($bytes bytes, signed in) | $app_rps | ${app_p99} ms | $ng_rps | ${ng_p99} ms | $ratio |"
