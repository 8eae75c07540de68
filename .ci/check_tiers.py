"""Fails the CI run when a tier that must run in CI was skipped or ran no test.

Surefire writes one XML report per test class; the PostgreSQL execution writes its own
directory. A tier counts as run when its reports hold at least one executed test and
no skipped one.
"""
import glob
import sys
import xml.etree.ElementTree as ET


def totals(pattern, only=None):
    tests = skipped = 0
    for path in glob.glob(pattern):
        suite = ET.parse(path).getroot()
        if only and not only(suite.get("name", "")):
            continue
        tests += int(suite.get("tests", 0))
        skipped += int(suite.get("skipped", 0))
    return tests, skipped


def require(name, tests, skipped):
    if tests == 0 or skipped > 0:
        print(f"FAIL: {name} tier: {tests} tests, {skipped} skipped (must run, none skipped)")
        return False
    print(f"ok: {name} tier: {tests} tests, none skipped")
    return True


results = [
    require("PostgreSQL integration", *totals("app/target/surefire-reports-postgres/TEST-*.xml")),
    require("browser (Chromium)", *totals("app/target/surefire-reports/TEST-*.xml",
                                          only=lambda n: ".browser." in n)),
    require("H2 integration and unit", *totals("app/target/surefire-reports/TEST-*.xml")),
    require("tagcache", *totals("tagcache/target/surefire-reports/TEST-*.xml")),
    require("tagcache-redis (private redis-server)", *totals("tagcache-redis/target/surefire-reports/TEST-*.xml")),
    require("cluster (PostgreSQL + Redis)", *totals("app/target/surefire-reports-postgres/TEST-*.xml",
                                                    only=lambda n: ".cluster.ClusterTests" in n)),
]
sys.exit(0 if all(results) else 1)
