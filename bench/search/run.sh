#!/usr/bin/env bash
# The search benchmark: a search page of an org with N invoices (default 1,000,000), on
# PostgreSQL, each page a cache miss. Creates schema $SCHEMA (dropped first), starts the built
# jar on it with the demo seed (Flyway makes every table, the seed makes org "acme" and
# dana@acme.test), loads N invoices into acme with load.sql (generate_series, seconds to
# minutes, not hours through the app; the columns are the app's own list, read from the jar),
# restarts nothing (no page has been asked yet, so no cache holds anything), times the searches
# with measure.py, prints the plans of the three queries a search page runs, stops the app and
# drops the schema (KEEP=1 keeps it).
#
#   mvn -q -pl app -am package -DskipTests && nice -n 10 bench/search/run.sh [N]
#
# Environment: PORT (18151), SCHEMA (ledgerline_bench_search), PGURL host/db (127.0.0.1, test),
# JAR (the app's built jar), JAVA_OPTS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
N="${1:-1000000}"
PORT="${PORT:-18151}"
SCHEMA="${SCHEMA:-ledgerline_bench_search}"
JAR="${JAR:-$root/app/target/app-0.1.0-SNAPSHOT.jar}"
base="http://127.0.0.1:$PORT"
psql_=(psql -h 127.0.0.1 -U postgres -d test -X -q -v ON_ERROR_STOP=1)

[[ "$SCHEMA" == ledgerline_bench* ]] || { echo "SCHEMA must start with ledgerline_bench (it is dropped)" >&2; exit 1; }
"${psql_[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" -c "CREATE SCHEMA $SCHEMA"

work="$(mktemp -d)"
app_pid=""
cleanup() {
	if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill "$app_pid"
		wait "$app_pid" 2>/dev/null || true
	fi
	if [[ "${KEEP:-0}" != 1 ]]; then "${psql_[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"; fi
	rm -rf "$work"
}
trap cleanup EXIT

# The app's own invoice column list (InvoiceColumns.ALL, a string constant), read from the jar
# measured here, so load.sql fills exactly the columns this app reads, each by name.
columns_class="$(unzip -Z1 "$JAR" | grep '/InvoiceColumns\.class$')"
unzip -p "$JAR" "$columns_class" >"$work/InvoiceColumns.class"
columns="$(javap -constants "$work/InvoiceColumns.class" | sed -n 's/.*String ALL = "\(.*\)";$/\1/p')"
[[ -n "$columns" ]] || { echo "no InvoiceColumns.ALL in $JAR" >&2; exit 1; }

echo "machine: $(nproc) cpus; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
app_pid="$(bench_start_jar "$work" "$base" "${JAVA_OPTS:-}" "$JAR" --spring.profiles.active=postgres,demo \
	--server.port="$PORT" "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
	--spring.datasource.username=postgres)"

started=$(date +%s)
PGOPTIONS="-c search_path=$SCHEMA" "${psql_[@]}" -v n="$N" -v columns="$columns" -f "$here/load.sql"
echo "loaded $N invoices in $(($(date +%s) - started)) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$here/measure.py" "$base"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The plans (the app's SQL, with constants) of a broad search's page 3 (the one-letter prefix "s": about a third of the org).
cursor_id=$(PGOPTIONS="-c search_path=$SCHEMA" "${psql_[@]}" -At -c \
	"SELECT invoice_id FROM invoice_search_terms WHERE org_id = 'acme' AND term = 's' ORDER BY invoice_id DESC OFFSET 49 LIMIT 1")
PGOPTIONS="-c search_path=$SCHEMA" "${psql_[@]}" <<SQL
\echo 'page rows: (q=s, page 3)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT i.id, i.invoice_number, i.customer_name
 FROM invoice_search_terms t JOIN invoices i ON i.id = t.invoice_id AND i.org_id = t.org_id
 WHERE t.org_id = 'acme' AND t.term = 's' AND archived_at IS NULL AND deleted_at IS NULL
 AND t.invoice_id < $cursor_id ORDER BY t.org_id DESC, t.term DESC, t.invoice_id DESC LIMIT 26;
\echo 'two words (q=acme tra), first page:'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT i.id FROM invoice_search_terms t JOIN invoices i ON i.id = t.invoice_id AND i.org_id = t.org_id
 WHERE t.org_id = 'acme' AND t.term = 'acme' AND archived_at IS NULL AND deleted_at IS NULL
 AND (SELECT 1 FROM invoice_search_terms w WHERE w.org_id = t.org_id AND w.term = 'tra' AND w.invoice_id = t.invoice_id LIMIT 1) IS NOT NULL
 AND t.invoice_id < 9223372036854775807 ORDER BY t.org_id DESC, t.term DESC, t.invoice_id DESC LIMIT 26;
\echo 'the boundary check (q=s, page 3):'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM invoice_search_terms t JOIN invoices i ON i.id = t.invoice_id AND i.org_id = t.org_id
 WHERE t.org_id = 'acme' AND t.term = 's' AND archived_at IS NULL AND deleted_at IS NULL AND t.invoice_id >= $cursor_id;
SQL
