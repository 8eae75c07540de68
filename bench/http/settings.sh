#!/usr/bin/env bash
# Compares JVM or server settings on the signed-in pages: starts the built jar with the given
# JVM options on H2 from an empty folder, signs in as dana@acme.test, warms each path up for
# 8 s, then runs `wrk -t2 -c32 -d15s --latency` on each path in turn and prints req/s, p50, p90
# and p99. One run per call; the run-to-run noise of a small machine is large, so compare
# several calls, not one.
#
#   bench/http/settings.sh "<jvm options>" path...
#   bench/http/settings.sh "-Dserver.tomcat.threads.max=200" /invoices /invoices/60 /actuator/info
#
# Environment: JAVA (the java binary; default java on the PATH), JAR (default the app's
# built jar), PORT (18099).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
opts="$1"
shift
jar="${JAR:-$root/app/target/app-0.1.0-SNAPSHOT.jar}"
PORT="${PORT:-18099}"
base="http://127.0.0.1:$PORT"

work="$(mktemp -d)"
app_pid=""
cleanup() {
	if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill "$app_pid"
		wait "$app_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # the options are words on purpose
(cd "$work" && exec "${JAVA:-java}" $opts -jar "$jar" --server.port="$PORT" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 240); do
	curl -fs -o /dev/null "$base/login" && break
	kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
	sleep 0.5
done

cookies="$work/cookies"
token="$(curl -fs -c "$cookies" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$cookies" -c "$cookies" -o /dev/null \
	--data-urlencode "username=dana@acme.test" --data-urlencode "password=demo" --data-urlencode "_csrf=$token" \
	"$base/login"
session="$(awk '$6 == "JSESSIONID" { print $7 }' "$cookies" | tail -1)"
[[ -n "$session" ]] || { echo "sign-in failed" >&2; exit 1; }

for path in "$@"; do
	wrk -t2 -c32 -d8s -H "Cookie: JSESSIONID=$session" "$base$path" >/dev/null
done
for path in "$@"; do
	echo "== $path"
	wrk -t2 -c32 -d15s --latency -H "Cookie: JSESSIONID=$session" "$base$path" \
		| grep -E 'Requests/sec|  50%|  90%|  99%' | paste - - - -
done
