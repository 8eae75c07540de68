#!/usr/bin/env bash
# What the balancer of scripts/cluster.sh does when one instance stalls or restarts.
# Starts the cluster itself (scripts/cluster.sh up) and stops it again whatever happens.
#
#   bench/cluster-stall.sh stall    node-2 is paused (SIGSTOP) for STALL seconds (10) while
#                                   one client GETs the invoice list in a loop and another
#                                   POSTs a new ticket every half second, both through the
#                                   balancer; prints their latencies and statuses, and how
#                                   many times each POST's ticket was created (never twice)
#   bench/cluster-stall.sh restart  node-3 is stopped and started again while one client GETs
#                                   the list in a loop through the balancer; prints how long
#                                   node-3 took to be healthy and its first requests' latency
#                                   against its 100th
#
# Loopback only, every loop bounded in count and time. Uses LEDGERLINE_CLUSTER_* like the
# script (port 18090, database ledgerline_cluster by default).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-stall}"
STALL="${STALL:-10}"
PORT="${LEDGERLINE_CLUSTER_PORT:-18090}"
DB="${LEDGERLINE_CLUSTER_DB:-ledgerline_cluster}"
LB="http://127.0.0.1:$PORT"
STATE=.cluster
work="$(mktemp -d)"
stopped=""
cleanup() {
  [[ -n "$stopped" ]] && kill -CONT "$stopped" 2>/dev/null || true
  bash scripts/cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

bash scripts/cluster.sh up >/dev/null

# The demo admin's session, shared by every instance; the CSRF token of the tickets form.
jar="$work/cookies"
csrf="$(curl -s -c "$jar" -b "$jar" "$LB/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=dana@acme.test" \
  --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" "$LB/login"
session="$(awk '$6 == "SESSION" { print $7 }' "$jar")"
[[ -n "$session" ]] || { echo "sign-in failed" >&2; exit 1; }
csrf="$(curl -s -H "Cookie: SESSION=$session" "$LB/tickets" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
# Every instance has served the list at least once, so "cold" below means a restart.
for _ in $(seq 1 30); do curl -s -o /dev/null -H "Cookie: SESSION=$session" "$LB/invoices"; done

# One request: "<seconds> <status> <instance>" on stdout.
timed() { # method path [curl args...]
  local method="$1" path="$2"; shift 2
  curl -s -o /dev/null --max-time 90 -X "$method" -H "Cookie: SESSION=$session" \
    -w '%{time_total} %{http_code} %header{x-ledgerline-instance}\n' "$@" "$LB$path" || echo "90 000 -"
}

summary() { # label file
  sort -n -k1,1 "$2" | awk -v label="$1" '
    { t[NR] = $1; s[$2]++ }
    END {
      if (NR == 0) { print label ": none"; exit }
      printf "%s: %d requests, median %.3f s, max %.3f s, over 1 s: ", label, NR, t[int((NR + 1) / 2)], t[NR]
      n = 0; for (i = 1; i <= NR; i++) if (t[i] > 1) n++; printf "%d; statuses:", n
      for (k in s) printf " %s×%d", k, s[k]; print ""
    }'
}

stall() {
  stopped="$(cat "$STATE/node-2.pid")"
  local deadline=$((SECONDS + STALL + 5)) run="stall-$(date +%s)"
  (
    i=0
    while ((SECONDS < deadline && i < 2000)); do timed GET /invoices >> "$work/gets"; i=$((i + 1)); done
  ) &
  local getter=$!
  (
    for i in $(seq 1 $((2 * (STALL + 4)))); do
      timed POST /tickets --data-urlencode "_csrf=$csrf" --data-urlencode "title=$run-$i" \
        --data-urlencode "body=stall bench" >> "$work/posts" &
      sleep 0.5
    done
    wait
  ) &
  local poster=$!
  sleep 1
  echo "SIGSTOP node-2 (pid $stopped) for $STALL s"
  kill -STOP "$stopped"
  sleep "$STALL"
  kill -CONT "$stopped"
  stopped=""
  wait "$getter" "$poster"
  summary "GET /invoices" "$work/gets"
  summary "POST /tickets" "$work/posts"
  awk '$1 > 1 { printf "  slow: %s s %s %s\n", $1, $2, $3 }' "$work/gets" "$work/posts" | sort -rn -k2 | head -10
  psql -h 127.0.0.1 -U postgres -d "$DB" -qAtX -c \
    "SELECT count(*) AS posts, count(*) FILTER (WHERE n > 1) AS duplicated FROM
       (SELECT title, count(*) AS n FROM tickets WHERE title LIKE '$run-%' GROUP BY title) t" |
    awk -F'|' '{ print "tickets created: " $1 " distinct titles, " $2 " created more than once" }'
}

restart() {
  local pid; pid="$(cat "$STATE/node-3.pid")"
  kill "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  local began=$SECONDS
  bash scripts/cluster.sh up >/dev/null &
  local upper=$!
  # The balancer's view: GETs in a loop until node-3 has served 100 of them (or 5 minutes).
  local served=0 i=0
  while ((served < 100 && SECONDS - began < 300 && i < 20000)); do
    line="$(timed GET /invoices)"; i=$((i + 1))
    echo "$((SECONDS - began)) $line" >> "$work/gets"
    [[ "$line" == *" node-3" ]] && served=$((served + 1))
    if [[ -z "${healthy:-}" ]] && curl -sf "http://127.0.0.1:$((PORT + 3))/actuator/health" >/dev/null 2>&1; then
      healthy=$((SECONDS - began))
    fi
  done
  wait "$upper"
  echo "node-3 healthy after ${healthy:-?} s (started at 0 s)"
  awk '$4 == "node-3" { n++; if (n <= 5 || n == 100) printf "node-3 request %d at %d s: %s s (%s)\n", n, $1, $2, $3 }' "$work/gets"
  awk '{ print $2, $3, $4 }' "$work/gets" > "$work/all"
  summary "GET /invoices during the restart" "$work/all"
}

case "$MODE" in
  stall) stall ;;
  restart) restart ;;
  *) echo "usage: $0 stall|restart" >&2; exit 2 ;;
esac
