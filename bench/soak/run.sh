#!/usr/bin/env bash
# The soak benchmark: a steady write stream (edits, creates, archives and restores, each
# followed by the pages a user sees, plus a flood of made-up list cursors) against one
# instance or the three-instance cluster, with checkpoints of heap after a forced GC,
# cache entries and weight, every table's rows and size, and Redis keys (bench/soak/soak.py).
#
#   bench/soak/run.sh single [soak.py options]    one instance (postgres,demo), fresh database
#   bench/soak/run.sh cluster [soak.py options]   scripts/cluster.sh's three instances
#
# Options go to soak.py (--writes, --checkpoint, --workers, --check, ...; --help lists them).
# Defaults: 100,000 writes, a checkpoint every 5,000. The full run takes about an hour per
# mode on a two-core machine; CI runs a short one (.ci/soak_short.sh).
#
# Environment: SOAK_PORT (18480; the cluster uses the next four), SOAK_DB (the single
# instance's database, ledgerline_soak), SOAK_RETENTION_SECONDS (the
# cluster's journal retention, 120), SOAK_HEAP (-Xmx384m, as
# the cluster's instances), JAR (app/target/app-0.1.0-SNAPSHOT.jar, built if missing),
# LEDGERLINE_PG_HOST/PORT/USER (127.0.0.1 / 5432 / postgres), SOAK_JAVA_OPTS (the single
# instance's JVM options), SOAK_CACHE_MAX_BYTES (every instance's cache budget, e.g. 12MB:
# small enough that the cache reaches it early in the run; unset, the app's default).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="${1:-}"
shift || true
PORT="${SOAK_PORT:-18480}"
HEAP="${SOAK_HEAP:--Xmx384m}"
PG_HOST="${LEDGERLINE_PG_HOST:-127.0.0.1}"
PG_PORT="${LEDGERLINE_PG_PORT:-5432}"
PG_USER="${LEDGERLINE_PG_USER:-postgres}"
JAR="${JAR:-$root/app/target/app-0.1.0-SNAPSHOT.jar}"

if [[ ! -f "$JAR" ]]; then
	(cd "$root" && mvn -q -B -pl app -am package -DskipTests)
fi

if [[ -n "${SOAK_CACHE_MAX_BYTES:-}" ]]; then
	# Spring's relaxed binding: every instance, single or clustered, reads it from its environment.
	export LEDGERLINE_CACHE_MAXBYTES="$SOAK_CACHE_MAX_BYTES"
fi

echo "machine: $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg); jar: $JAR; heap: $HEAP"
echo "postgresql autovacuum: $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qXAt -d postgres -c 'SHOW autovacuum')" \
	"(the soak runs VACUUM (ANALYZE) at each checkpoint unless given --no-vacuum)"

case "$mode" in
single)
	db="${SOAK_DB:-ledgerline_soak}"
	psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qX -d postgres \
		-c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
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
	(cd "$work" && LEDGERLINE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" LEDGERLINE_DB_USER="$PG_USER" \
		exec java $HEAP ${SOAK_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres,demo \
		--server.port="$PORT" >"$work/app.log" 2>&1) &
	app_pid=$!
	for _ in $(seq 1 240); do
		curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break
		kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
		sleep 0.5
	done
	python3 "$here/soak.py" --base "http://127.0.0.1:$PORT" --pid "$app_pid" \
		--psql "psql -h $PG_HOST -p $PG_PORT -U $PG_USER -d $db -qX" "$@"
	;;
cluster)
	# A short retention window (the app's minimum is 1 minute), so that pruning and
	# trimming happen many times within one run; production's default is an hour.
	retention="${SOAK_RETENTION_SECONDS:-120}"
	export LEDGERLINE_CLUSTER_JAR="$JAR" LEDGERLINE_CLUSTER_PORT="$PORT" LEDGERLINE_CLUSTER_DB=ledgerline_soak_cluster \
		LEDGERLINE_REDIS_PREFIX=soak: \
		LEDGERLINE_JOURNAL_RETENTION="${retention}s"
	redis-cli --scan --pattern 'soak:*' | xargs -r redis-cli DEL >/dev/null
	trap 'bash "$root/scripts/cluster.sh" down >/dev/null 2>&1 || true' EXIT
	bash "$root/scripts/cluster.sh" up >/dev/null
	args=()
	for n in 1 2 3; do
		args+=(--base "http://127.0.0.1:$((PORT + n))" --pid "$(cat "$root/.cluster/node-$n.pid")")
	done
	python3 "$here/soak.py" "${args[@]}" --psql "psql -h $PG_HOST -p $PG_PORT -U $PG_USER -d $LEDGERLINE_CLUSTER_DB -qX" \
		--redis-prefix soak: --retention-seconds "$retention" "$@"
	;;
*)
	echo "usage: bench/soak/run.sh single|cluster [soak.py options]" >&2
	exit 2
	;;
esac
