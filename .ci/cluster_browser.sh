#!/usr/bin/env bash
# The browser test through a real load balancer: scripts/cluster.sh starts three instances
# of the built jar behind nginx (round robin, no stickiness); ClusterBrowserTest signs in,
# edits and archives through it and checks that more than one instance served it. The
# cluster is stopped again whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

trap 'bash scripts/cluster.sh down >/dev/null 2>&1 || true' EXIT

url="$(bash scripts/cluster.sh up | tail -n 1)"
echo "balancer: ${url}"

report=app/target/surefire-reports/TEST-io.ledgerline.browser.ClusterBrowserTest.xml
rm -f "$report"
LEDGERLINE_CLUSTER_URL="$url" mvn -o -B -q -pl app -am test -Dtest=ClusterBrowserTest \
  -Dledgerline.excluded-groups=cluster -Dsurefire.failIfNoSpecifiedTests=false

# It must have run, not been skipped.
python3 - "$report" <<'PY'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
tests, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
if tests == 0 or skipped:
    sys.exit(f"FAIL: ClusterBrowserTest ran {tests} test(s), {skipped} skipped")
print(f"ok: ClusterBrowserTest, {tests} test(s) through the balancer")
PY
