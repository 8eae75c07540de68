#!/usr/bin/env bash
# The invoice list's throughput through the load balancer against one instance alone, on a
# cluster started by scripts/cluster.sh up. Signs in as dana@acme.test through the balancer
# (the session is shared, so the same cookie works on every instance), then runs wrk on
# both URLs with the same settings.
#
#   bench/cluster-list.sh [balancer URL] [one instance URL]
set -euo pipefail
LB="${1:-http://127.0.0.1:18090}"
ONE="${2:-http://127.0.0.1:18091}"
DURATION="${DURATION:-10s}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

csrf="$(curl -s -c "$jar" -b "$jar" "$LB/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=dana@acme.test" \
  --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" "$LB/login"
session="$(awk '$6 == "SESSION" { print $7 }' "$jar")"
[[ -n "$session" ]] || { echo "sign-in failed" >&2; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$LB/invoices")"
[[ "$status" == 200 ]] || { echo "list answered $status" >&2; exit 1; }

for url in "$LB" "$ONE"; do
  echo "== $url/invoices"
  wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: SESSION=$session" "$url/invoices"
done
