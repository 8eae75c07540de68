"""Fails the CI run when a tier that must run in CI did not really run.

Surefire writes one XML report per test class; the PostgreSQL execution writes its own
directory. A tier counts as run only when all of this holds:

- its reports were written by this run (newer than --since, the time CI started the
  build), so reports left in a reused workspace by an earlier run count for nothing;
- it executed at least one test and skipped none;
- browser: at least one real browser test ran (a class named *BrowserTest in
  io.ledgerline.browser); the browser package's plain unit tests do not count;
- PostgreSQL: the database the tests really talked to was PostgreSQL (a test writes
  the JDBC driver's product name to target/test-database/<tier>.properties), and every
  integration test class of the source tree ran there with as many tests as on H2;
- H2: likewise, the database really was H2.
- tagcache-jdbc: its tests ran on H2 and again on PostgreSQL (its own report directory
  and target/test-database record, like the app's), with as many tests there as on H2.

Usage: check_tiers.py [--root DIR] [--since EPOCH_SECONDS]
"""
import argparse
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

INTEGRATION_MARK = re.compile(r"^@IntegrationTest\b", re.MULTILINE)


def reports(pattern, since):
    """{class name: (tests, skipped)} of the reports matching pattern written after since."""
    found = {}
    for path in glob.glob(pattern):
        if os.path.getmtime(path) < since:
            continue
        suite = ET.parse(path).getroot()
        found[suite.get("name", "")] = (int(suite.get("tests", 0)), int(suite.get("skipped", 0)))
    return found


def total(classes):
    return sum(t for t, _ in classes.values()), sum(s for _, s in classes.values())


def integration_classes(test_root):
    """Test classes marked @IntegrationTest in the source tree, browser tests excluded."""
    names = set()
    for path in glob.glob(os.path.join(test_root, "**", "*.java"), recursive=True):
        relative = os.path.relpath(path, test_root)
        if relative.startswith(os.path.join("io", "ledgerline", "browser")):
            continue
        with open(path, encoding="utf-8") as source:
            if not INTEGRATION_MARK.search(source.read()):
                continue
        name = relative[: -len(".java")].replace(os.sep, ".")
        if name.endswith(".IntegrationTest"):
            continue
        names.add(name)
    return names


def database_of(root, tier, since, module="app"):
    path = os.path.join(root, module, "target/test-database", tier + ".properties")
    if not os.path.exists(path) or os.path.getmtime(path) < since:
        return None
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            if key == "product":
                return value
    return None


class Checks:
    def __init__(self):
        self.ok = True

    def require(self, condition, name, detail):
        print(("ok: " if condition else "FAIL: ") + name + ": " + detail)
        self.ok = self.ok and condition


def ran(checks, name, classes):
    tests, skipped = total(classes)
    checks.require(tests > 0 and skipped == 0, name + " tier",
                   f"{tests} tests, {skipped} skipped (must run, none skipped)")


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--since", type=float, default=0.0)
    args = parser.parse_args(argv)
    root, since = args.root, args.since

    h2 = reports(os.path.join(root, "app/target/surefire-reports/TEST-*.xml"), since)
    postgres = reports(os.path.join(root, "app/target/surefire-reports-postgres/TEST-*.xml"), since)
    tagcache = reports(os.path.join(root, "tagcache/target/surefire-reports/TEST-*.xml"), since)
    redis_bus = reports(os.path.join(root, "tagcache-redis/target/surefire-reports/TEST-*.xml"), since)
    journal = reports(os.path.join(root, "tagcache-jdbc/target/surefire-reports/TEST-*.xml"), since)
    journal_postgres = reports(os.path.join(root, "tagcache-jdbc/target/surefire-reports-postgres/TEST-*.xml"), since)
    cluster = {n: c for n, c in postgres.items() if ".cluster." in n and n.endswith("ClusterTests")}
    browser = {n: c for n, c in h2.items() if ".browser." in n and n.endswith("BrowserTest")}

    checks = Checks()
    ran(checks, "PostgreSQL integration", postgres)
    ran(checks, "browser (Chromium)", browser)
    ran(checks, "H2 integration and unit", h2)
    ran(checks, "tagcache", tagcache)
    ran(checks, "tagcache-redis (a private redis-server)", redis_bus)
    ran(checks, "cluster (instances sharing PostgreSQL and Redis)", cluster)
    ran(checks, "tagcache-jdbc on H2", journal)
    ran(checks, "tagcache-jdbc on PostgreSQL", journal_postgres)
    checks.require(total(journal_postgres)[0] >= total(journal)[0], "tagcache-jdbc runs on PostgreSQL what it runs on H2",
                   f"{total(journal_postgres)[0]} tests on PostgreSQL, {total(journal)[0]} on H2")
    product = database_of(root, "postgres", since, module="tagcache-jdbc")
    checks.require(product == "PostgreSQL", "tagcache-jdbc PostgreSQL database",
                   f"the tests talked to {product or 'nothing recorded by this run'}")

    product = database_of(root, "postgres", since)
    checks.require(product == "PostgreSQL", "PostgreSQL tier database",
                   f"the tests talked to {product or 'nothing recorded by this run'}")
    product = database_of(root, "h2", since)
    checks.require(product == "H2", "H2 tier database",
                   f"the tests talked to {product or 'nothing recorded by this run'}")

    expected = integration_classes(os.path.join(root, "app/src/test/java"))
    checks.require(bool(expected), "integration test classes", f"{len(expected)} in the source tree")
    missing = []
    for name in sorted(expected):
        h2_tests = h2.get(name, (0, 0))[0]
        pg_tests, pg_skipped = postgres.get(name, (0, 0))
        if h2_tests == 0 or pg_tests < h2_tests or pg_skipped > 0:
            missing.append(f"{name} (H2 {h2_tests}, PostgreSQL {pg_tests}, skipped {pg_skipped})")
    checks.require(not missing, "PostgreSQL runs every integration test H2 runs",
                   "all " + str(len(expected)) + " classes" if not missing else "; ".join(missing))
    return 0 if checks.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
