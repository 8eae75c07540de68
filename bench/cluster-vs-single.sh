#!/usr/bin/env bash
# What being clustered costs one instance: in one run, the signed-in invoice list on a single
# instance (postgres,demo) and on one instance of the three-instance cluster hit directly
# (postgres,demo,cluster via scripts/cluster.sh), on the same PostgreSQL, same heap, same
# wrk settings, in alternating rounds so that a change in the machine's load hits both.
# Prints every round, the median of each, and the ratios cluster/single.
#
#   bench/cluster-vs-single.sh
#
# Environment: JAR (the app's built jar; built if missing), ROUNDS (3), DURATION of a round
# (10s), WARMUP (10s per target), THREADS (2), CONNECTIONS (32), PATH_UNDER_TEST (/invoices),
# SIDE_PORT (18590: the single instance; the cluster's balancer is the next, its instances
# the three after), JFR_DIR (a folder: also record a 20 s JFR profile of each target under
# load and print its hottest frames).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
JAR="${JAR:-$root/app/target/app-0.1.0-SNAPSHOT.jar}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PATH_UNDER_TEST="${PATH_UNDER_TEST:-/invoices}"
SINGLE_PORT="${SIDE_PORT:-18590}"
CLUSTER_PORT=$((SINGLE_PORT + 1))
PG="psql -h ${LEDGERLINE_PG_HOST:-127.0.0.1} -p ${LEDGERLINE_PG_PORT:-5432} -U ${LEDGERLINE_PG_USER:-postgres} -qX"

if [[ ! -f "$JAR" ]]; then
	(cd "$root" && mvn -q -B -pl app -am package -DskipTests)
fi
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

work="$(mktemp -d)"
single_pid=""
cleanup() {
	if [[ -n "$single_pid" ]] && kill -0 "$single_pid" 2>/dev/null; then
		kill "$single_pid"
		wait "$single_pid" 2>/dev/null || true
	fi
	bash "$root/scripts/cluster.sh" down >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "jar: $JAR"
echo "machine: $(nproc) cpus; load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"

$PG -d postgres -c "DROP DATABASE IF EXISTS ledgerline_side_single" -c "CREATE DATABASE ledgerline_side_single"
single="http://127.0.0.1:$SINGLE_PORT"
single_pid="$(LEDGERLINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/ledgerline_side_single" LEDGERLINE_DB_USER=postgres \
	bench_start_jar "$work" "$single" "-Xmx384m" "$JAR" --spring.profiles.active=postgres,demo \
	--server.port="$SINGLE_PORT")"

# The cluster: its own database, Redis prefix and state folder.
export LEDGERLINE_CLUSTER_PORT="$CLUSTER_PORT" LEDGERLINE_CLUSTER_DB=ledgerline_side_cluster \
	LEDGERLINE_REDIS_PREFIX=side: LEDGERLINE_CLUSTER_JAR="$JAR" LEDGERLINE_CLUSTER_STATE="$work/cluster"
bash "$root/scripts/cluster.sh" up >/dev/null
clustered="http://127.0.0.1:$((CLUSTER_PORT + 1))"

single_cookie="$(bench_sign_in "$single")"
# Signed in through the balancer, as a user would be; then one instance is hit directly.
cluster_cookie="$(bench_sign_in "http://127.0.0.1:$CLUSTER_PORT")"

names=(single cluster)
urls=("$single$PATH_UNDER_TEST" "$clustered$PATH_UNDER_TEST")
cookies=("$single_cookie" "$cluster_cookie")
pids=("$single_pid" "$(cat "$work/cluster/node-1.pid")")

echo "warming up ($WARMUP per target) ..."
for i in 0 1; do
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: ${cookies[$i]}" "${urls[$i]}" >/dev/null
done

if [[ -n "${JFR_DIR:-}" ]]; then
	mkdir -p "$JFR_DIR"
	for i in 0 1; do
		out="$JFR_DIR/${names[$i]}.jfr"
		echo "recording JFR of ${names[$i]} (20 s under load) to $out ..."
		jcmd "${pids[$i]}" JFR.start name=side settings=profile duration=20s filename="$out" >/dev/null
		wrk -t"$THREADS" -c"$CONNECTIONS" -d22s -H "Cookie: ${cookies[$i]}" "${urls[$i]}" >/dev/null
		sleep 2
		jfr print --events jdk.ExecutionSample --stack-depth 64 "$out" >"$out.txt"
		echo "-- hottest frames, ${names[$i]}"
		python3 "$here/http/jfr_top.py" "$out.txt"
	done
fi

echo
echo "measuring: $ROUNDS alternating rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $PATH_UNDER_TEST"
printf '%-6s %-8s %10s %10s %10s %8s\n' round target req/s p50_ms p99_ms non2xx
declare -A rps_list p99_list
for round in $(seq 1 "$ROUNDS"); do
	for i in 0 1; do
		read -r rps p50 p99 bad < <(bench_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
			-H "Cookie: ${cookies[$i]}" "${urls[$i]}")
		printf '%-6s %-8s %10s %10s %10s %8s\n' "$round" "${names[$i]}" "$rps" "$p50" "$p99" "$bad"
		rps_list[${names[$i]}]+="$rps "
		p99_list[${names[$i]}]+="$p99 "
	done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
s_rps="$(median "${rps_list[single]}")"
c_rps="$(median "${rps_list[cluster]}")"
s_p99="$(median "${p99_list[single]}")"
c_p99="$(median "${p99_list[cluster]}")"
echo
echo "median single:  $s_rps req/s, p99 $s_p99 ms"
echo "median cluster: $c_rps req/s, p99 $c_p99 ms"
awk -v c="$c_rps" -v s="$s_rps" -v cp="$c_p99" -v sp="$s_p99" \
	'BEGIN { printf "cluster/single: throughput %.0f %%, p99 %.2fx\n", 100 * c / s, cp / sp }'
