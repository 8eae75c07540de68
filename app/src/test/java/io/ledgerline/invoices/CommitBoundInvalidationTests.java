package io.ledgerline.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Membership;
import io.ledgerline.tenancy.Role;
import io.ledgerline.invoices.write.InvoiceEditing;

/**
 * "After commit" means after a commit that happened: a commit that fails at the last
 * moment invalidates and logs nothing, and a reader that loads while the commit is under
 * way cannot leave the pre-commit row cached. Both would pass if the invalidations ran in
 * beforeCommit (or anywhere before the commit); neither is covered by "not on rollback".
 */
@IntegrationTest
class CommitBoundInvalidationTests {

	@Autowired
	InvoiceEditing invoices;

	@Autowired
	InvoiceReads reads;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManualClock clock;

	TestOrg org;

	TestInvoice invoice;

	ActingUser admin;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
		long userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(org.admin()).query(Long.class).single();
		Membership seat = new Membership(org.id(), "Org " + org.id(), Role.ADMIN);
		admin = new ActingUser(userId, org.admin(), "admin", seat, List.of(seat));
	}

	@Test
	void aCommitThatFailsInvalidatesAndLogsNothing() {
		Instant warmed = reads.record(admin, invoice.id()).fetchedAt();
		clock.advance(Duration.ofSeconds(1));

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
				invoices.update(admin, invoice.id(), changes("250.00"), 1, false);
				// Registered after the update's own synchronization, so it runs after it.
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public int getOrder() {
						return Ordered.LOWEST_PRECEDENCE;
					}

					@Override
					public void beforeCommit(boolean readOnly) {
						throw new IllegalStateException("the commit failed");
					}
				});
			})).hasMessage("the commit failed");
		}

		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
		assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isZero();
		assertThat(logged(InvoiceTags.list(org.id()))).isZero();
		// The cached record was not thrown away for a write that never happened.
		assertThat(reads.record(admin, invoice.id()).fetchedAt()).isEqualTo(warmed);
	}

	@Test
	void aReaderLoadingWhileTheCommitIsUnderWayCannotKeepTheOldRowCached() throws Exception {
		reads.record(admin, invoice.id());
		clock.advance(Duration.ofSeconds(1));

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			transaction.executeWithoutResult(status -> {
				invoices.update(admin, invoice.id(), changes("250.00"), 1, false);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						// Another request reads (and caches) the committed, old row now.
						BigDecimal seen = CompletableFuture
							.supplyAsync(() -> reads.record(admin, invoice.id()).value().invoice().total())
							.orTimeout(20, TimeUnit.SECONDS)
							.join();
						assertThat(seen).isEqualByComparingTo("100.00");
					}
				});
			});
		}

		assertThat(reads.record(admin, invoice.id()).value().invoice().total()).isEqualByComparingTo("250.00");
		assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isEqualTo(1);
	}

	private static InvoiceEdit changes(String total) {
		return InvoiceEdit.totalOnly("Committed Customer", InvoiceStatus.SENT, new BigDecimal(total));
	}

	private int logged(String tag) {
		return jdbc.sql("SELECT COUNT(*) FROM invalidation_log WHERE target = ?")
			.param(tag)
			.query(Integer.class)
			.single();
	}

}
