#!/usr/bin/env bash
# Measures the strategy register's figures and prints them as a Markdown table:
#   - export and import of a workspace with 200 initiatives and 5,000 activities (SQLite, and
#     PostgreSQL when SAMTRYG_TEST_POSTGRES names a cluster), wall time of the CLI, median of 3;
#   - GET /plans/1 (the plan overview, signed in as a coordinator) vs nginx serving the same
#     bytes from a file: wrk -t2 -c64 -d10s, requests/s and p99.
# Usage: bench/register.sh [seconds]   (installs wrk and nginx-light for the benchmark only)
duration=${1:-10}
source "$(dirname "$0")/lib.sh"
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
start_nginx plan
read -r app_rps app_p99 < <(measure "http://127.0.0.1:$app_port/plans/1" "Cookie: samtryg_session=$session")
read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$nginx_port/plan")
echo
echo "| what | samtryg req/s | samtryg p99 | nginx req/s | nginx p99 | samtryg / nginx |"
echo "|---|---|---|---|---|---|"
ratio=$(ratio "$app_rps" "$ng_rps")
echo "| GET /plans/1, 200 initiatives, 5,000 activities ($bytes bytes, signed in) | $app_rps | ${app_p99} ms | $ng_rps | ${ng_p99} ms | $ratio |"
