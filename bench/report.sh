#!/usr/bin/env bash
# The compiled report through the real CLI, twice: the demo round ("4. afrapportering", the seed
# annex's 8 forms) and the same round grown to 15 forms (bench/larger_round.py: the ≈15
# initiatives the issue names). For each: wall time and peak memory per format (process start,
# database reads, rendering and writing included), and the same content as HTML converted by
# WeasyPrint, as whole processes and as rendering alone with both programs warm.
#   bench/report.sh [build/release/samtryg] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build/release/samtryg}"
runs="${2:-5}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
SAMTRYG_PASSWORD_HASHING=minimal "$binary" demo --db "sqlite:$dir/demo.db" > /dev/null
"$binary" export --db "sqlite:$dir/demo.db" 2> /dev/null | python3 bench/larger_round.py 15 \
  > "$dir/larger.json"
"$binary" import --db "sqlite:$dir/larger.db" "$dir/larger.json" > /dev/null

measure() {  # label, command...
  local label=$1; shift
  local best=999999 memory=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > /dev/null 2>&1
    read -r seconds kilobytes < "$dir/time"
    local ms; ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')
    (( ms < best )) && best=$ms
    (( kilobytes > memory )) && memory=$kilobytes
  done
  printf '%-28s best of %d: %5d ms   peak memory %4d MB\n' "$label" "$runs" "$best" $((memory / 1024))
  echo "$best" > "$dir/last"
}

compare() {  # database file name, title
  local db="sqlite:$dir/$1"
  printf '\n== %s\n' "$2"
  for format in pdf docx html xlsx; do
    measure "samtryg report --format $format" "$binary" report --db "$db" --round 1 \
      --format "$format" --out "$dir/report.$format"
  done
  measure "samtryg report --format pdf" "$binary" report --db "$db" --round 1 --format pdf \
    --out "$dir/report.pdf"
  local ours; ours=$(cat "$dir/last")
  printf 'pages: %s\n' "$(pdfinfo "$dir/report.pdf" | awk '/^Pages/ { print $2 }')"
  command -v weasyprint > /dev/null || return 0
  measure "weasyprint (same HTML)" weasyprint "$dir/report.html" "$dir/weasy.pdf"
  local theirs; theirs=$(cat "$dir/last")
  awk -v a="$theirs" -v b="$ours" \
    'BEGIN { printf "whole runs: samtryg PDF is %.0fx faster than WeasyPrint\n", a / (b > 0 ? b : 1) }'
  # Rendering alone, both warm: WeasyPrint with its Python modules already imported, samtryg
  # through its in-process benchmark (fonts loaded, database open), the way a server pays it.
  local theirs_warm
  theirs_warm=$(/usr/bin/python3 - "$dir/report.html" "$dir/weasy.pdf" "$runs" <<'PY'
import sys, time
import weasyprint
best = min(
    (lambda start: (weasyprint.HTML(sys.argv[1]).write_pdf(sys.argv[2]), time.perf_counter() - start)[1])(
        time.perf_counter())
    for _ in range(int(sys.argv[3])))
print(f"{best * 1000:.0f}")
PY
)
  printf '%-28s best of %d: %5d ms\n' "weasyprint, warm" "$runs" "$theirs_warm"
  local bench_binary; bench_binary="$(dirname "$binary")/samtryg_report_bench"
  [[ -x "$bench_binary" ]] || return 0
  local ours_warm
  ours_warm=$(SAMTRYG_REPORT_BENCH_DB="$db" "$bench_binary" --benchmark_filter=Pdf \
    --benchmark_repetitions="$runs" --benchmark_format=csv 2> /dev/null |
    awk -F, '/BM_ReportPdf"?,/ { print $3 }' | sort -n | head -1)
  printf '%-28s best of %d: %5.1f ms\n' "samtryg PDF, warm" "$runs" "$ours_warm"
  awk -v a="$theirs_warm" -v b="$ours_warm" \
    'BEGIN { printf "rendering alone: samtryg PDF is %.0fx faster than WeasyPrint\n", a / b }'
}

compare demo.db "demo round: 8 forms"
compare larger.db "the demo round grown to 15 forms"
