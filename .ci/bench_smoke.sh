#!/usr/bin/env bash
# Every JMH benchmark once, in-process, on small data (ListPagingBenchmark on 2,000 invoices
# per org): a benchmark that no longer runs against the current schema or API fails CI here,
# not in the next measurement. -foe: an exception in a benchmark fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
once=(-foe true -f 0 -wi 0 -i 1 -r 100ms)
schema=-Dledgerline.bench.schema=ledgerline_bench_ci
java "${schema}" -jar "${jar}" "${once[@]}" -e ListPagingBenchmark
java "${schema}" -jar "${jar}" ListPagingBenchmark "${once[@]}" -p invoicesPerOrg=2000 -p page=1,40
