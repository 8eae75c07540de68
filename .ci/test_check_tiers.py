"""Tests of check_tiers.py on made-up report trees: each way a tier can pass on too
little must fail the check. Run: python3 .ci/test_check_tiers.py"""
import contextlib
import io
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import check_tiers  # noqa: E402

REPORT = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<testsuite name="{name}" tests="{tests}" skipped="{skipped}" failures="0" errors="0"/>\n')

JOURNAL_TESTS = "io.ledgerline.tagcache.jdbc.JournalFollowerTests"


class Tree:
    """A workspace with one integration class, one browser test and one unit test."""

    def __init__(self, root):
        self.root = root
        self.source("io/ledgerline/invoices/InvoiceEditTests.java", "@IntegrationTest\nclass InvoiceEditTests {}\n")
        self.source("io/ledgerline/support/IntegrationTest.java", "public @interface IntegrationTest {}\n")
        self.source("io/ledgerline/browser/EditBrowserTest.java", "@IntegrationTest\nclass EditBrowserTest {}\n")
        self.report("app/target/surefire-reports", "io.ledgerline.invoices.InvoiceEditTests", 7)
        self.report("app/target/surefire-reports", "io.ledgerline.browser.EditBrowserTest", 2)
        self.report("app/target/surefire-reports", "io.ledgerline.browser.ChromiumLocatorTest", 3)
        self.report("app/target/surefire-reports-postgres", "io.ledgerline.invoices.InvoiceEditTests", 7)
        self.report("tagcache/target/surefire-reports", "io.ledgerline.tagcache.ReadTest", 9)
        self.report("tagcache-redis/target/surefire-reports", "io.ledgerline.tagcache.redis.RedisInvalidationBusTest", 6)
        self.report("app/target/surefire-reports-postgres", "io.ledgerline.cluster.ClusterTests", 7)
        self.report("tagcache-jdbc/target/surefire-reports", JOURNAL_TESTS, 5)
        self.report("tagcache-jdbc/target/surefire-reports-postgres", JOURNAL_TESTS, 5)
        self.database("h2", "H2")
        self.database("postgres", "PostgreSQL")
        self.database("postgres", "PostgreSQL", module="tagcache-jdbc")

    def path(self, relative):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return path

    def source(self, relative, text):
        with open(self.path("app/src/test/java/" + relative), "w", encoding="utf-8") as f:
            f.write(text)

    def report(self, directory, name, tests, skipped=0):
        with open(self.path(f"{directory}/TEST-{name}.xml"), "w", encoding="utf-8") as f:
            f.write(REPORT.format(name=name, tests=tests, skipped=skipped))

    def database(self, tier, product, module="app"):
        with open(self.path(f"{module}/target/test-database/{tier}.properties"), "w", encoding="utf-8") as f:
            f.write(f"product={product}\n")

    def remove(self, relative):
        os.remove(os.path.join(self.root, relative))

    def check(self, since=0.0):
        with contextlib.redirect_stdout(io.StringIO()):
            return check_tiers.main(["--root", self.root, "--since", str(since)])


class CheckTiersTest(unittest.TestCase):

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.tree = Tree(self.directory.name)

    def tearDown(self):
        self.directory.cleanup()

    def test_a_complete_run_passes(self):
        self.assertEqual(self.tree.check(), 0)

    def test_a_postgres_tier_that_ran_nothing_fails(self):
        self.tree.remove("app/target/surefire-reports-postgres/TEST-io.ledgerline.invoices.InvoiceEditTests.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_a_run_without_the_cluster_tests_fails(self):
        self.tree.remove("app/target/surefire-reports-postgres/TEST-io.ledgerline.cluster.ClusterTests.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_a_run_without_the_redis_bus_tests_fails(self):
        self.tree.remove(
            "tagcache-redis/target/surefire-reports/TEST-io.ledgerline.tagcache.redis.RedisInvalidationBusTest.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_a_journal_module_that_ran_nothing_on_postgres_fails(self):
        self.tree.remove(f"tagcache-jdbc/target/surefire-reports-postgres/TEST-{JOURNAL_TESTS}.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_a_journal_module_that_ran_fewer_tests_on_postgres_fails(self):
        self.tree.report("tagcache-jdbc/target/surefire-reports-postgres", JOURNAL_TESTS, 2)
        self.assertEqual(self.tree.check(), 1)

    def test_a_journal_module_whose_postgres_run_was_on_h2_fails(self):
        self.tree.database("postgres", "H2", module="tagcache-jdbc")
        self.assertEqual(self.tree.check(), 1)

    def test_a_journal_module_that_ran_nothing_on_h2_fails(self):
        self.tree.remove(f"tagcache-jdbc/target/surefire-reports/TEST-{JOURNAL_TESTS}.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_a_postgres_tier_that_ran_on_h2_fails(self):
        self.tree.database("postgres", "H2")
        self.assertEqual(self.tree.check(), 1)

    def test_a_postgres_tier_that_recorded_no_database_fails(self):
        self.tree.remove("app/target/test-database/postgres.properties")
        self.assertEqual(self.tree.check(), 1)

    def test_a_postgres_tier_with_fewer_integration_tests_than_h2_fails(self):
        self.tree.report("app/target/surefire-reports-postgres", "io.ledgerline.invoices.InvoiceEditTests", 1)
        self.assertEqual(self.tree.check(), 1)

    def test_an_integration_class_missing_from_both_runs_fails(self):
        self.tree.source("io/ledgerline/tickets/TicketTests.java", "@IntegrationTest\nclass TicketTests {}\n")
        self.assertEqual(self.tree.check(), 1)

    def test_a_browser_tier_of_unit_tests_only_fails(self):
        self.tree.remove("app/target/surefire-reports/TEST-io.ledgerline.browser.EditBrowserTest.xml")
        self.assertEqual(self.tree.check(), 1)

    def test_skipped_browser_tests_fail(self):
        self.tree.report("app/target/surefire-reports", "io.ledgerline.browser.EditBrowserTest", 2, skipped=2)
        self.assertEqual(self.tree.check(), 1)

    def test_reports_from_an_earlier_run_count_for_nothing(self):
        self.assertEqual(self.tree.check(since=time.time() + 60), 1)


if __name__ == "__main__":
    unittest.main()
