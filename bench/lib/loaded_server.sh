# bench/lib/loaded_server.sh: sourced by the benchmarks that need a year of loan data
# behind a running `smedash serve` (bench/dashboard, bench/view-data).
#
# bench_loaded_server makes --positions business days of --accounts accounts with
# `smedash demo-data` into OUT/data-P-A, loads them once with `smedash import` into a
# private cluster under OUT/var-P-A (both kept: later runs, of either benchmark, reuse
# them), starts `smedash serve` on that cluster and a fresh admin, and analyses the tables.
#
# Reads: smedash, out, log, positions, accounts (set by the caller).
# Sets:  serve_pid (the caller's EXIT trap stops it), url, password (of the admin "bench"),
#        var, psql_url, rows (rows in loan_data).
bench_loaded_server() {
  local name=$1  # the calling benchmark, for messages
  password="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

  local data="$out/data-$positions-$accounts"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    echo "making $positions positions of $accounts accounts..." >&2
    "$smedash" demo-data --out "$data" --positions "$positions" --accounts "$accounts" >> "$log" 2>&1
    touch "$data/.complete"
  fi
  var="$out/var-$positions-$accounts"
  mkdir -p "$var"
  chmod 711 "$out" "$var"

  SMEDASH_ADMIN_PASSWORD=$password \
    "$smedash" serve --data-dir "$var" --port 0 > "$out/serve.out" 2>> "$log" &
  serve_pid=$!
  url=""
  for _ in $(seq 1 240); do
    url=$(sed -nE 's#.*serving (http://[^ ]*).*#\1#p' "$out/serve.out" | head -1)
    [ -n "$url" ] && break
    kill -0 "$serve_pid" 2> /dev/null || { echo "$name: smedash serve failed, see $log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$url" ] || { echo "$name: smedash serve did not start, see $log" >&2; exit 1; }
  url=${url%/}
  # The admin is made (or its password reset) for this run: the password is new every time.
  printf '%s\n' "$password" | "$smedash" create-admin --data-dir "$var" --username bench >> "$log" 2>&1

  local socket
  socket=$(ls "$var"/run/.s.PGSQL.* | grep -v lock | head -1)
  psql_url="host=$var/run port=${socket##*.} user=$( [ "$(id -u)" = 0 ] && echo postgres || id -un ) dbname=smedash"

  if [ ! -f "$var/.loaded" ]; then
    echo "loading $(ls "$data"/*.csv | wc -l) files with smedash import (once)..." >&2
    local start
    start=$(date +%s)
    "$smedash" import --data-dir "$var" "$data"/*.csv > "$out/import.jsonl" 2>> "$log"
    echo "loaded in $(( $(date +%s) - start )) s" >&2
    touch "$var/.loaded"
  fi
  rows=$(psql "$psql_url" -XAtq -c "SELECT sum(accounts) FROM agg_position")
  psql "$psql_url" -XAtq -c "VACUUM ANALYZE" >> "$log" 2>&1
}
