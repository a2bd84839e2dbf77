#!/usr/bin/env bash
# The public site against nginx serving the same bytes, side by side in one run (issue 25):
# wrk -t2 -c64 for $duration seconds against a public initiative page of
#   1. the demo (Tryg Aalborg: 55 initiatives, 85 activities, 6 news), the seed 003 page, and
#   2. a workspace ten times larger (550 initiatives, 850 activities, 60 news),
# each as a citizen's browser asks for it (no If-None-Match): requests/s and p99 latency, and
# samtryg's share of nginx's requests/s. The page is built once per data version and kept.
# Usage: bench/site.sh [seconds]   (installs wrk and nginx-light for the benchmark only)
duration=${1:-10}
source "$(dirname "$0")/lib.sh"

# The demo, and the larger workspace with its public site switched on.
"$bin" demo --db "sqlite:$work/site.db" >/dev/null
python3 bench/make_workspace.py 550 850 | python3 -c '
import json, sys
doc = json.load(sys.stdin)
doc["workspace"]["name"] = "Benchmark – ti gange Tryg Aalborg"
doc["site"] = {"enabled": True, "slug": "stor", "host": "", "colour": "#1d4f91",
               "responsible": "Benchmark", "contact_email": "", "statement_published": "",
               "statement_reviewed": "", "known_issues": "", "feedback_url": "", "authority_url": ""}
stamp = "2018-01-15T09:00:00Z"
doc["site_news"] = [{"id": n, "initiative_id": (n % 550) + 1, "title": f"Nyhed {n}",
                     "body": "En nyhed om indsatsen. " * 20, "published_on": "2017-10-23",
                     "image": "", "image_alt": "", "created_at": stamp, "updated_at": stamp}
                    for n in range(1, 61)]
json.dump(doc, sys.stdout, ensure_ascii=False)' >"$work/large.json"
"$bin" import --db "sqlite:$work/site.db" "$work/large.json" >/dev/null

app_port=$(free_port)
"$bin" serve --db "sqlite:$work/site.db" --port "$app_port" >"$work/app.out" 2>"$work/access.log" &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz"

# An initiative page of each site, found from its home page; the same bytes saved for nginx.
first_initiative() {
  curl -s "http://127.0.0.1:$app_port/p/$1" | grep -o "href=\"/p/$1/initiatives/[0-9]*\"" |
    sed -n "${2:-1}p" | sed 's/href="//; s/"$//'
}
demo_page=$(curl -s "http://127.0.0.1:$app_port/p/tryg-aalborg" |
  grep -o 'href="/p/tryg-aalborg/initiatives/[0-9]*">Drop-out-elever' | sed 's/href="//; s/">.*//')
large_page=$(first_initiative stor 1)
mkdir -p "$work/www"
for page in "$demo_page" "$large_page"; do
  mkdir -p "$work/www$(dirname "$page")"
  curl -s "http://127.0.0.1:$app_port$page" >"$work/www$page"
done
start_nginx "${demo_page#/}"

echo "| public initiative page | bytes | samtryg req/s | samtryg p99 | nginx req/s | nginx p99 | samtryg / nginx |"
echo "|---|---|---|---|---|---|---|"
for page in "$demo_page" "$large_page"; do
  label="demo (Tryg Aalborg), $page"
  [ "$page" = "$large_page" ] && label="10× workspace (550 initiatives), $page"
  bytes=$(stat -c %s "$work/www$page")
  read -r app_rps app_p99 < <(measure "http://127.0.0.1:$app_port$page")
  read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$nginx_port$page")
  echo "| $label | $bytes | $app_rps | ${app_p99} ms | $ng_rps | ${ng_p99} ms | $(ratio "$app_rps" "$ng_rps") |"
done
