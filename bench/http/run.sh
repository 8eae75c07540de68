#!/usr/bin/env bash
# HTTP benchmark of the signed-in pages: builds (or takes) the jar, starts it on H2 from an
# empty folder, signs in as dana@acme.test, warms up, runs wrk against the list, detail and
# tickets pages and a trivial authenticated endpoint (the ceiling), prints req/s, p50, p99
# and each page's ratio to the ceiling, and stops the app.
#
#   bench/http/run.sh [path/to/app.jar]
#
# Environment: PORT (18080), DURATION of each measured run (20s), WARMUP per URL (10s),
# THREADS (2), CONNECTIONS (32), CEILING path (/actuator/info), JFR_OUT (a file: also record
# a 30 s JFR profile of the list page under load and summarise its hottest frames),
# JAVA_OPTS (extra JVM flags).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-18080}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
CEILING="${CEILING:-/actuator/info}"
base="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null; then
	echo "wrk is missing: installing it from the Debian packages" >&2
	apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

jar="${1:-}"
if [[ -z "$jar" ]]; then
	(cd "$root" && mvn -q -B -pl app -am package -DskipTests)
	jar="$root/app/target/app-0.1.0-SNAPSHOT.jar"
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

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

echo "jar: $jar"
echo "machine: $(nproc) cpus; load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$work" && exec java ${JAVA_OPTS:-} -jar "$jar" --server.port="$PORT" >"$work/app.log" 2>&1) &
app_pid=$!

for _ in $(seq 1 240); do
	if curl -fs -o /dev/null "$base/login"; then break; fi
	if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; exit 1; fi
	sleep 0.5
done
curl -fs -o /dev/null "$base/login" || { echo "the app did not start" >&2; exit 1; }

# Sign in the way a browser does: the login page's CSRF token, then the form post.
cookies="$work/cookies"
token="$(curl -fs -c "$cookies" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$cookies" -c "$cookies" -o /dev/null \
	--data-urlencode "username=dana@acme.test" --data-urlencode "password=demo" --data-urlencode "_csrf=$token" \
	"$base/login"
session="$(awk '$6 == "JSESSIONID" { print $7 }' "$cookies" | tail -1)"
[[ -n "$session" ]] || { echo "sign-in failed: no session cookie" >&2; exit 1; }
cookie="Cookie: JSESSIONID=$session"

list_html="$(curl -fs -H "$cookie" "$base/invoices")"
grep -q 'data-testid="current-user"' <<<"$list_html" || { echo "sign-in failed: the list did not render" >&2; exit 1; }
detail_id="$(grep -o 'data-invoice-id="[0-9]*"' <<<"$list_html" | head -1 | tr -dc 0-9)"

names=(list detail tickets ceiling)
paths=("/invoices" "/invoices/$detail_id" "/tickets" "$CEILING")

echo
echo "page sizes (one signed-in GET each):"
for i in "${!names[@]}"; do
	read -r code size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "$cookie" "$base${paths[$i]}")
	printf '  %-8s %-22s HTTP %s, %s bytes\n' "${names[$i]}" "${paths[$i]}" "$code" "$size"
	[[ "$code" == 200 ]] || { echo "${paths[$i]} answered $code" >&2; exit 1; }
done

echo
echo "warming up ($WARMUP per URL) ..."
for p in "${paths[@]}"; do
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$cookie" "$base$p" >/dev/null
done

if [[ -n "${JFR_OUT:-}" ]]; then
	java_pid="$(pgrep -P "$app_pid" java || echo "$app_pid")"
	echo "recording JFR (30 s, list page under load) to $JFR_OUT ..."
	jcmd "$java_pid" JFR.start name=bench settings=profile duration=30s filename="$JFR_OUT" >/dev/null
	wrk -t"$THREADS" -c"$CONNECTIONS" -d32s -H "$cookie" "$base/invoices" >/dev/null
	sleep 2
	jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR_OUT" >"$JFR_OUT.txt"
	python3 "$here/jfr_top.py" "$JFR_OUT.txt"
fi

# wrk prints latencies as 812.00us / 5.31ms / 1.20s: everything in ms.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
		printf "%.2f", n }'
}

declare -A rps p50 p99 errs
echo
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!names[@]}"; do
	out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$cookie" "$base${paths[$i]}")"
	n="${names[$i]}"
	rps[$n]="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")"
	p50[$n]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
	p99[$n]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
	errs[$n]="$(awk '/Non-2xx/ { print $5 } /Socket errors/ { print "socket:" $0 }' <<<"$out" | tr '\n' ' ')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
printf '%-8s %-22s %10s %10s %10s %9s  %s\n' page path req/s p50_ms p99_ms ceiling% errors
for i in "${!names[@]}"; do
	n="${names[$i]}"
	ratio="$(awk -v a="${rps[$n]}" -v c="${rps[ceiling]}" 'BEGIN { printf "%.0f", 100 * a / c }')"
	printf '%-8s %-22s %10s %10s %10s %8s%%  %s\n' "$n" "${paths[$i]}" "${rps[$n]}" "${p50[$n]}" "${p99[$n]}" \
		"$ratio" "${errs[$n]:-}"
done
