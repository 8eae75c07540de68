#!/usr/bin/env bash
# The README's promise for the built jar: started with `java -jar` from an empty folder, it
# creates its embedded database, seeds the demo data and lets dana@acme.test sign in.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The runnable jar by name: app-…-classes.jar beside it is the plain one bench/ compiles against.
jar="$root/app/target/app-0.1.0-SNAPSHOT.jar"
port=${SMOKE_PORT:-18080}
work=$(mktemp -d)
cookies="$work/cookies.txt"
cd "$work"

java -jar "$jar" --server.port="$port" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: the jar exited"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"' || { tail -50 "$work/app.log"; echo "FAIL: not healthy"; exit 1; }

token=$(curl -fs -c "$cookies" -b "$cookies" "http://127.0.0.1:$port/login" \
  | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -c "$cookies" -b "$cookies" -o /dev/null \
  --data-urlencode "username=dana@acme.test" --data-urlencode "password=demo" --data-urlencode "_csrf=$token" \
  "http://127.0.0.1:$port/login"
page=$(curl -fs -b "$cookies" "http://127.0.0.1:$port/invoices")
echo "$page" | grep -q 'data-testid="current-user">dana@acme.test<' || { echo "FAIL: not signed in as dana"; exit 1; }
echo "$page" | grep -q 'data-invoice-number="INV-1060"' || { echo "FAIL: demo invoices missing"; exit 1; }
[ -f "$work/data/ledgerline.mv.db" ] || { echo "FAIL: no embedded database under ./data"; exit 1; }
echo "ok: the jar started from an empty folder, seeded its database in ./data, and dana@acme.test signed in"
