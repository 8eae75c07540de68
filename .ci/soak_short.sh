#!/usr/bin/env bash
# The soak benchmark's short version (bench/soak): a few thousand writes, plus a flood of
# made-up cursors, against one instance on PostgreSQL, checking only that the cache stays
# within its budget, the inspector's log within its bound, heap after a forced GC under
# half the instance's maximum, and that no request failed. The long run and its numbers
# are in docs/BENCHMARKS.md ("Bounded for months").
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/soak/run.sh single --writes "${SOAK_WRITES:-3000}" --checkpoint 1000 --workers 4 \
	--heap-bound $((192 * 1024 * 1024)) --settled-after 1000000000 --check
