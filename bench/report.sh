#!/usr/bin/env bash
# The compiled report of the demo round ("4. afrapportering", 8 forms) through the real CLI:
# wall time and peak memory per format (process start, database reads, rendering and writing
# included), and the same content as HTML converted by WeasyPrint for comparison.
#   bench/report.sh [build/release/samtryg] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build/release/samtryg}"
runs="${2:-5}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="sqlite:$dir/demo.db"
SAMTRYG_PASSWORD_HASHING=minimal "$binary" demo --db "$db" > /dev/null

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

for format in pdf docx html xlsx; do
  measure "samtryg report --format $format" "$binary" report --db "$db" --round 1 --format "$format" \
    --out "$dir/report.$format"
done
measure "samtryg report --format pdf" "$binary" report --db "$db" --round 1 --format pdf --out "$dir/report.pdf"
ours=$(cat "$dir/last")
printf 'pages: %s\n' "$(pdfinfo "$dir/report.pdf" | awk '/^Pages/ { print $2 }')"
if command -v weasyprint > /dev/null; then
  measure "weasyprint (same HTML)" weasyprint "$dir/report.html" "$dir/weasy.pdf"
  theirs=$(cat "$dir/last")
  awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "samtryg PDF is %.0fx faster than WeasyPrint\n", a / (b > 0 ? b : 1) }'
fi
