package io.ledgerline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.IntegrationTest;

/** The demo profile (on in the test context) seeds INV-1042's thread once. */
@IntegrationTest
class CommentDemoSeedTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCommentSeeder seeder;

	@Test
	void inv1042HasAtLeast65CommentsAndTheNewestFourOfTheSketch() {
		assertThat(count()).isGreaterThanOrEqualTo(65);
		List<String> newest = jdbc.sql("""
				SELECT u.email FROM comments c JOIN users u ON u.id = c.author_id JOIN invoices i ON i.id = c.invoice_id
				WHERE i.org_id = 'acme' AND i.invoice_number = 'INV-1042'
				ORDER BY c.created_at DESC, c.id DESC LIMIT 4""").query(String.class).list();
		assertThat(newest).hasSize(4).startsWith("dana@acme.test", "priya@acme.test", "dana@acme.test");
	}

	@Test
	void seedingAgainAddsNothing() {
		long comments = count();
		long audit = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'comment.create'")
			.query(Long.class)
			.single();

		seeder.seed();

		assertThat(count()).isEqualTo(comments);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'comment.create'").query(Long.class).single())
			.isEqualTo(audit);
	}

	private long count() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM comments c JOIN invoices i ON i.id = c.invoice_id
				WHERE i.org_id = 'acme' AND i.invoice_number = 'INV-1042'""").query(Long.class).single();
	}

}
