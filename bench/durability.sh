#!/usr/bin/env bash
# Shows that no acknowledged write is lost, on SQLite and PostgreSQL:
#   kills    WRITERS threads create activities through POST /api/v1/activities (API token) while
#            the server is killed with SIGKILL KILLS times at random moments and restarted on the
#            same database; then every write answered 201 must be in the database (with its
#            audit-log and search rows), and SQLite's integrity_check must say ok.
#   pgrestart (PostgreSQL) the cluster is restarted (pg_ctl restart -m fast) while the writers
#            run: does samtryg reconnect by itself? If not, samtryg is restarted and the writes
#            must succeed again; nothing acknowledged may be lost either way.
#   fulldisk the database lives on a small ext4 image (tmpfs if loop devices are not available;
#            SQLite: the file, 20 MB; PostgreSQL: a tablespace, 40 MB) that is filled up while
#            the writers run: errors but no crash, no corruption (integrity_check); a restart on
#            the full disk; writes resume once space is freed, and keep working under the
#            writers again.
# Usage: bench/durability.sh [sqlite|postgresql|all] [KILLS] [WRITERS]   (defaults: all 20 8)
# BIN=/path/to/samtryg picks the binary (default build/release/samtryg); KEEP=1 keeps the
# scratch directory (it is kept anyway when something failed). Needs root for the disk image
# and for the throwaway PostgreSQL (scripts/postgres-throwaway). Exits 1 when an acknowledged
# write was lost, the database is corrupt or the server crashed; 3 when only availability
# failed (no reconnection to PostgreSQL, writes not resuming after the disk was freed).
set -euo pipefail
cd "$(dirname "$0")/.."
backends=${1:-all}
kills=${2:-20}
writers=${3:-8}
case "$backends" in sqlite | postgresql | all) ;; *)
  echo "usage: $0 [sqlite|postgresql|all] [KILLS] [WRITERS]" >&2
  exit 2
  ;;
esac
bin=${BIN:-$PWD/build/release/samtryg}
[ -x "$bin" ] || { echo "no samtryg binary at $bin (build it, or set BIN=)" >&2; exit 2; }
helper=$PWD/bench/durability.py
pg_throwaway=$PWD/scripts/postgres-throwaway
pg_bin=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/samtryg-durability.XXXXXX)
chmod 755 "$work" # the PostgreSQL tablespace lives below it
email=durability@example.dk
password='durability password 1'
pg_dir=""
small=""
server_pid=""
writer_pid=""
failures=0   # lost or wrong writes, corruption, crashes: exit 1
faults=0     # no reconnection, writes not resuming: exit 3
results=()   # "| scenario | ... |" rows of the summary table
notes=()     # one line per finding

cleanup() {
  if [ -n "$writer_pid" ]; then kill "$writer_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill -9 "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then "$pg_throwaway" stop "$pg_dir" || true; fi
  if [ -n "$small" ] && mountpoint -q "$small"; then umount -l "$small" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ] || [ "$failures" -gt 0 ] || [ "$faults" -gt 0 ]; then
    echo "scratch directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

free_port() { echo $((30000 + RANDOM % 20000)); }
now() { date +%s.%N; }
random_sleep() { # between $1 and $2 milliseconds
  local ms=$(($1 + RANDOM % ($2 - $1 + 1)))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
}
json_field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d.get(sys.argv[2]))' "$1" "$2"; }
note() { notes+=("$*"); echo "  - $*" >&2; }
fail() { failures=$((failures + 1)); note "FAULT (data): $*"; }
fault() { faults=$((faults + 1)); note "FAULT (availability): $*"; }

# Starts samtryg on $db:$port, logging to $work/$name.{out,err}; waits for /healthz.
start_server() {
  "$bin" serve --db "$db" --port "$port" >>"$work/$name.out" 2>>"$work/$name.err" &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# SIGTERM, then SIGKILL after 15 s; returns samtryg's exit status (0 = clean).
stop_server() {
  local pid=$server_pid status=0
  server_pid=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    note "$name: samtryg did not stop within 15 s of SIGTERM; killed"
    kill -9 "$pid"
  fi
  wait "$pid" 2>/dev/null || status=$?
  return "$status"
}

# Kills samtryg with SIGKILL; notes a crash if it had already died.
kill_server() {
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid" 2>/dev/null && status=0 || status=$?
    fail "$name: samtryg exited by itself (status $status) before kill; see $work/$name.err"
  else
    kill -9 "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

add_admin() { printf '%s\n' "$password" | "$bin" user add --db "$db" --email "$email" --name Durability --role admin --workspace "Durability" >/dev/null; }

# Signs in as the admin and makes an API token and one initiative per writer: sets token, ids.
prepare_writers() {
  local setup
  setup=$(python3 "$helper" setup "http://127.0.0.1:$port" "$email" "$password" "$writers")
  read -r token ids <<<"$setup"
}
# Starts the writers (tag $1, description of $2 bytes) on the initiatives in $ids.
start_writers() {
  [ -n "${3:-}" ] || prepare_writers
  rm -f "$work/$1.stop"
  python3 "$helper" write "http://127.0.0.1:$port" "$token" "$ids" "$work/$1.stop" "$work/$1.json" \
    --tag "$1" --payload "${2:-0}" &
  writer_pid=$!
}
stop_writers() { touch "$work/$1.stop"; wait "$writer_pid" || true; writer_pid=""; }

# Three single writes, one a second, with $token on the first of $ids: their HTTP statuses.
single_writes() {
  local codes=()
  for _ in 1 2 3; do
    sleep 1
    codes+=("$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"initiative_id\": ${ids%%,*}, \"title\": \"single\", \"kind\": \"activity\", \"status\": \"planned\"}" \
      "http://127.0.0.1:$port/api/v1/activities" || true)")
  done
  echo "${codes[*]}"
}

integrity() { # SQLite file → "ok" or the first problem
  sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | head -1
}

pg_integrity() { # PostgreSQL URL → "ok (amcheck: N indexes)" or the first problem
  local out
  if out=$(PGOPTIONS='-c client_min_messages=warning' psql -q -At "$1" -c "CREATE EXTENSION IF NOT EXISTS amcheck" -c "
      SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.amname = 'btree' AND i.indisready AND i.indisvalid AND n.nspname = 'public'" 2>&1); then
    echo "ok (amcheck: $out indexes)"
  else
    echo "$out" | head -1
  fi
}

server_faults() { # crash signs in samtryg's standard error
  grep -E -c 'terminate called|Segmentation|Assertion|AddressSanitizer|runtime error|Aborted' "$work/$name.err" || true
}

# Verifies the acknowledged writes of $work/$1.json (and $work/$3.json …) in $db; adds a row
# to the summary.
verify_row() {
  local label=$1 extra=$2 result lost wrong incomplete files=("$work/$1.json")
  shift 2
  for more in "$@"; do files+=("$work/$more.json"); done
  result=$(python3 "$helper" verify "$db" "${files[@]}") || true
  echo "$result" >"$work/$label.verify.json"
  lost=$(json_field "$result" lost)
  wrong=$(json_field "$result" wrong_title)
  incomplete=$(json_field "$result" without_audit_or_search_row)
  [ "$lost" = 0 ] || fail "$label: $lost acknowledged writes are missing: $(json_field "$result" lost_examples)"
  [ "$wrong" = 0 ] || fail "$label: $wrong acknowledged ids hold another record: $(json_field "$result" wrong_examples)"
  [ "$incomplete" = 0 ] || fail "$label: $incomplete activities lack their audit-log or search row"
  results+=("| $label | $(json_field "$result" attempts) | $(json_field "$result" acknowledged) | $(json_field "$result" found) | $lost | $(json_field "$result" failed) | $(json_field "$result" refused) | $(json_field "$result" unacknowledged_but_stored) | $extra |")
  echo "  outcomes: $(json_field "$result" outcomes)" >&2
  local examples
  examples=$(json_field "$result" http_error_examples)
  [ "$examples" = "{}" ] || echo "  HTTP error bodies: $examples" >&2
}

# 1-4: SIGKILL the server $kills times while the writers run.
scenario_kills() {
  name=$1-kills
  echo "== $name: $writers writers, $kills kills" >&2
  port=$(free_port)
  start_server || { fail "$name: samtryg did not start"; return; }
  start_writers "$name"
  local restart_ms=() t0 t1 k
  for k in $(seq 1 "$kills"); do
    random_sleep 50 2000
    kill_server
    t0=$(date +%s%N)
    if ! start_server; then
      fail "$name: samtryg did not restart after kill $k; see $work/$name.err"
      tail -5 "$work/$name.err" >&2
      stop_writers "$name"
      return
    fi
    t1=$(date +%s%N)
    restart_ms+=($(((t1 - t0) / 1000000)))
  done
  sleep 1
  stop_writers "$name"
  stop_server || note "$name: samtryg exited with status $? on SIGTERM"
  local crashes max_restart integ
  crashes=$(server_faults)
  [ "$crashes" = 0 ] || fail "$name: crash messages in $work/$name.err"
  max_restart=$(printf '%s\n' "${restart_ms[@]}" | sort -n | tail -1)
  if [[ $db == sqlite:* ]]; then
    integ=$(integrity "${db#sqlite:}")
  else
    integ=$(pg_integrity "$db")
  fi
  [[ $integ == ok* ]] || fail "$name: integrity check: $integ"
  verify_row "$name" "kills: $kills, slowest restart ${max_restart} ms, integrity check: $integ"
}

# 5: restart the PostgreSQL cluster while the writers run.
scenario_pgrestart() {
  name=postgresql-restart
  echo "== $name: pg_ctl restart -m fast while $writers writers run" >&2
  port=$(free_port)
  start_server || { fail "$name: samtryg did not start"; return; }
  start_writers "$name"
  sleep 3
  local run=() t_begin t_end t_watch health_back="" health
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  t_begin=$(now)
  "${run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -m fast -w restart >/dev/null
  t_end=$(now)
  # Up to 15 s for samtryg to find its way back on its own.
  for _ in $(seq 1 30); do
    sleep 0.5
    health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
    if [ "$health" = 200 ] && [ -z "$health_back" ]; then
      health_back=$(python3 -c "print(round($(now) - $t_end, 1))")
    fi
  done
  t_watch=$(now)
  kill -0 "$server_pid" 2>/dev/null || fail "$name: samtryg died when PostgreSQL restarted"
  local win first_ok reconnected
  # The writers write their results only when they stop; stop them, judge, restart if needed.
  stop_writers "$name"
  win=$(python3 "$helper" window "$work/$name.json" "$t_begin" "$t_end" "$t_watch")
  first_ok=$(json_field "$win" first_ok_after_s)
  echo "  restart took $(python3 -c "print(round($t_end - $t_begin, 2))") s; in flight during it: $(json_field "$win" during)" >&2
  echo "  15 s after it: $(json_field "$win" after); first write ok after ${first_ok} s; /healthz back after ${health_back:-never} s" >&2
  if [ "$first_ok" != None ] && [ "$(json_field "$win" failed_after_first_ok)" = 0 ]; then
    reconnected="yes (first write ok ${first_ok} s after the restart; /healthz 200 after ${health_back:-?} s)"
  else
    reconnected="NO: writes still fail 15 s after PostgreSQL was back (/healthz: ${health:-?})"
    fault "$name: samtryg does not reconnect to PostgreSQL after a restart of the cluster"
    grep -m1 'error reference' "$work/$name.err" | cut -c1-300 >&2 || true
  fi
  # Restart samtryg (graceful) and show that writes succeed again; nothing acknowledged is lost.
  local status=0
  stop_server || status=$?
  [ "$status" = 0 ] || note "$name: samtryg exited with status $status on SIGTERM"
  start_server || { fail "$name: samtryg did not start after the PostgreSQL restart"; return; }
  start_writers "$name-after"
  sleep 3
  stop_writers "$name-after"
  stop_server || true
  local after ok_after
  after=$(python3 "$helper" verify "$db" "$work/$name-after.json") || true
  ok_after=$(json_field "$after" acknowledged)
  [ "$ok_after" -gt 0 ] || fault "$name: no write succeeded after restarting samtryg"
  verify_row "$name" "reconnected by itself: $reconnected; after restarting samtryg: $ok_after writes ok in 3 s" "$name-after"
  pg_reconnected=$reconnected
}

# 6: fill the filesystem under the database while the writers run. SQLite: the database file
# (and its WAL) on a 20 MB filesystem; PostgreSQL: the database in a tablespace on a 40 MB
# filesystem (the cluster's own WAL stays on the big disk).
scenario_fulldisk() {
  local backend=$1 size=20
  [ "$backend" = postgresql ] && size=40
  name=$backend-fulldisk
  echo "== $name: ${size} MB filesystem filled up while $writers writers run" >&2
  small=$work/small-$backend
  mkdir -p "$small"
  local fs="ext4 image (loop)"
  if ! { truncate -s ${size}M "$work/small-$backend.img" && mkfs.ext4 -q -F -m 0 "$work/small-$backend.img" &&
    mount -o loop "$work/small-$backend.img" "$small"; } 2>/dev/null; then
    fs="tmpfs size=${size}m"
    mount -t tmpfs -o size=${size}m tmpfs "$small" || { note "$name: skipped (cannot mount a small filesystem)"; small=""; return; }
  fi
  local pg_url=${SAMTRYG_TEST_POSTGRES:-}
  if [ "$backend" = sqlite ]; then
    db=sqlite:$small/samtryg.db
  else
    chown postgres: "$small"
    if ! psql -q "$pg_url" -c "CREATE TABLESPACE durability_small LOCATION '$small'" \
      -c "CREATE DATABASE samtryg_fulldisk TABLESPACE durability_small" >/dev/null ||
      ! psql -q "${pg_url%/*}/samtryg_fulldisk" -c "CREATE EXTENSION amcheck" >/dev/null; then
      note "$name: skipped (cannot create a tablespace on $small)"
      umount "$small" && small=""
      return
    fi
    db=${pg_url%/*}/samtryg_fulldisk
  fi
  add_admin
  port=$(free_port)
  start_server || { fail "$name: samtryg did not start"; return; }
  prepare_writers
  # Leave 3 MB: the writers (1 KB descriptions; with the audit log and the search index about
  # 5 KB per activity) use it up within seconds and then write on a full disk.
  local avail t_fill
  avail=$(df --output=avail -B1 "$small" | tail -1)
  fallocate -l $((avail - 3 * 1024 * 1024)) "$small/filler" 2>/dev/null ||
    dd if=/dev/zero of="$small/filler" bs=1M count=$((avail / 1048576 - 3)) status=none 2>/dev/null || true
  start_writers "$name" 1024 prepared
  t_fill=$(now)
  sleep 8
  # While full: is the server alive, what do health and reads answer, is the database intact?
  local alive=yes health read integ_full=n/a
  kill -0 "$server_pid" 2>/dev/null || { alive=no; fail "$name: samtryg died on the full disk; see $work/$name.err"; }
  health=$(curl -s -w ' %{http_code}' "http://127.0.0.1:$port/healthz" | tr -d '\n' || true)
  read=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/activities?per_page=1" || true)
  if [ "$backend" = sqlite ]; then
    integ_full=$(integrity "$small/samtryg.db")
  else
    integ_full=$(pg_integrity "$db")
  fi
  [[ $integ_full == ok* ]] || fail "$name: integrity check on the full disk: $integ_full"
  echo "  full: $(df -h --output=avail "$small" | tail -1 | tr -d ' ') free; samtryg alive: $alive; /healthz: $health; GET /api/v1/activities: $read; integrity check: $integ_full" >&2
  # A crash (SIGKILL) and restart while the disk is still full.
  local restart_full
  kill_server
  if start_server; then restart_full="starts"; else restart_full="does NOT start"; note "$name: samtryg does not start on the full disk: $(tail -1 "$work/$name.err")"; fi
  sleep 2
  stop_writers "$name"
  local t_stop win status=0 integ single1 single2 last used free_after
  t_stop=$(now)
  win=$(python3 "$helper" window "$work/$name.json" "$t_fill" "$t_stop" "$t_stop")
  echo "  while full (in flight from fill to the writers' end): $(json_field "$win" during)" >&2
  if [ -z "$server_pid" ] || ! kill -0 "$server_pid" 2>/dev/null; then
    start_server || fail "$name: samtryg is not running"
  fi
  # Free the space; single writes, one a second, must succeed again.
  rm -f "$small/filler"
  single1=$(single_writes)
  echo "  after freeing (now $(df -h --output=avail "$small" | tail -1 | tr -d ' ') free): single writes answer $single1" >&2
  [ "$single1" = "201 201 201" ] || fault "$name: after freeing the space, single writes answer $single1"
  # The writers again, at full speed for 5 s; then single writes again.
  start_writers "$name-after" 1024 prepared
  sleep 5
  stop_writers "$name-after"
  t_stop=$(now)
  free_after=$(df -h --output=avail "$small" | tail -1 | tr -d ' ')
  if [ "$backend" = sqlite ]; then
    used="database $(($(stat -c %s "$small/samtryg.db") / 1048576)) MB, WAL $(($(stat -c %s "$small/samtryg.db-wal" 2>/dev/null || echo 0) / 1048576)) MB"
  else
    used="database $(psql -At "$pg_url" -c "SELECT pg_database_size('samtryg_fulldisk') / 1048576") MB"
  fi
  last=$(python3 "$helper" window "$work/$name-after.json" "$t_stop" "$(python3 -c "print($t_stop - 2)")" "$t_stop")
  single2=$(single_writes)
  echo "  5 s of writers after freeing: $(python3 "$helper" window "$work/$name-after.json" 0 0 "$t_stop" | python3 -c 'import json,sys; print(json.load(sys.stdin)["after"])'); last 2 s: $(json_field "$last" after)" >&2
  echo "  then ${free_after} free ($used); single writes answer $single2" >&2
  if [ "$single2" != "201 201 201" ]; then
    fault "$name: 5 s of $writers writers after freeing the space filled the disk again ($used, ${free_after} free) and single writes answer $single2 afterwards"
  fi
  stop_server || status=$?
  [ "$status" = 0 ] || note "$name: samtryg exited with status $status on SIGTERM"
  [ "$(server_faults)" = 0 ] || fail "$name: crash messages in $work/$name.err"
  if [ "$backend" = sqlite ]; then
    integ=$(integrity "$small/samtryg.db")
  else
    integ=$(pg_integrity "$db")
  fi
  [[ $integ == ok* ]] || fail "$name: integrity check after the run: $integ"
  verify_row "$name" "$fs; while full: alive $alive, /healthz ${health##* }, reads $read, integrity check $integ_full; restart on full disk: $restart_full; after freeing: single writes $single1; 5 s of writers then: last 2 s $(json_field "$last" after | tr -d "'{}"), $used, ${free_after} free, single writes $single2; integrity check at end: $integ" "$name-after"
  if [ "$backend" = postgresql ]; then
    psql -q "$pg_url" -c "DROP DATABASE samtryg_fulldisk" -c "DROP TABLESPACE durability_small" >/dev/null || true
  fi
  umount "$small" && small=""
}

pg_reconnected="not run"
started=$(date +%s)
if [ "$backends" = sqlite ] || [ "$backends" = all ]; then
  db=sqlite:$work/sqlite.db
  add_admin
  scenario_kills sqlite
  scenario_fulldisk sqlite
fi
if [ "$backends" = postgresql ] || [ "$backends" = all ]; then
  eval "$("$pg_throwaway" start)"
  pg_dir=$PGTHROWAWAY_DIR
  db=$SAMTRYG_TEST_POSTGRES
  add_admin
  scenario_kills postgresql
  scenario_pgrestart
  db=$SAMTRYG_TEST_POSTGRES
  scenario_fulldisk postgresql
  note "postgresql: the full disk is the tablespace's; a full disk under the cluster's WAL (pg_wal) is not tested"
  note "postgresql: the throwaway cluster runs with fsync=off and synchronous_commit=off, so only samtryg crashes are tested, not PostgreSQL crashes"
fi

echo
echo "| scenario | requests | acknowledged | found | lost | failed requests | refused (server down) | stored without answer | notes |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
echo
echo "PostgreSQL restart: ${pg_reconnected}"
echo "Binary: $bin ($("$bin" version 2>/dev/null | head -1)); $(($(date +%s) - started)) s"
if [ "${#notes[@]}" -gt 0 ]; then
  echo
  printf -- '- %s\n' "${notes[@]}"
fi
[ "$failures" -eq 0 ] || exit 1
[ "$faults" -eq 0 ] || exit 3
