package io.ledgerline.demo;

import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.IntegrationTest;

/**
 * The contract's demo data, and that seeding again adds nothing. Reads only: the demo
 * rows are shared.
 */
@IntegrationTest
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataSeeder seeder;

	@Autowired
	MockMvc mvc;

	@Test
	void theDemoOrgsUsersAndInvoicesAreThere() {
		assertThat(count("SELECT COUNT(*) FROM invoices WHERE org_id = 'acme' AND invoice_number LIKE 'INV-%'"))
			.isEqualTo(60);
		assertThat(count("SELECT COUNT(*) FROM invoices WHERE org_id = 'globex' AND invoice_number LIKE 'GLX-%'"))
			.isEqualTo(20);
		assertThat(jdbc.sql("SELECT DISTINCT status FROM invoices WHERE org_id = 'acme' ORDER BY status")
			.query(String.class)
			.list()).containsExactly("draft", "paid", "sent", "void");
		assertThat(jdbc.sql("""
				SELECT u.email || ' ' || m.org_id || ' ' || m.role FROM memberships m JOIN users u ON u.id = m.user_id
				WHERE u.email LIKE '%.test' AND m.org_id IN ('acme', 'globex') ORDER BY 1""")
			.query(String.class)
			.list()).contains("dana@acme.test acme admin", "priya@acme.test acme member", "olga@multi.test acme member",
					"olga@multi.test globex admin", "hank@globex.test globex admin");
	}

	@Test
	void acmeBillsItselfOnlyOnTheSketchInvoice() {
		assertThat(jdbc.sql("""
				SELECT invoice_number FROM invoices
				WHERE org_id = 'acme' AND invoice_number LIKE 'INV-10%' AND customer_name = 'Acme Corp'""")
			.query(String.class)
			.list()).containsExactly("INV-1042");
	}

	@Test
	void inv1042IsTheInvoiceFromTheDesignSketch() {
		var invoice = jdbc
			.sql("SELECT id, customer_name, status, total FROM invoices WHERE invoice_number = 'INV-1042'")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
			.single();
		assertThat(invoice.subList(1, 4)).containsExactly("Acme Corp", "sent", new BigDecimal("12000.00"));
		assertThat(jdbc.sql("SELECT amount FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no")
			.param(invoice.get(0))
			.query(BigDecimal.class)
			.list()).containsExactly(new BigDecimal("4800.00"), new BigDecimal("6000.00"), new BigDecimal("1200.00"));
	}

	@Test
	void demoTotalsHaveCentsAndMatchTheirLines() {
		assertThat(count("SELECT COUNT(*) FROM invoices WHERE org_id = 'acme' AND MOD(total * 100, 100) <> 0"))
			.isGreaterThan(10);
		assertThat(count("""
				SELECT COUNT(*) FROM invoices i WHERE i.org_id IN ('acme', 'globex')
				AND i.total <> (SELECT SUM(l.amount) FROM invoice_lines l WHERE l.invoice_id = i.id)
				AND i.version = 1""")).isZero();
	}

	@Test
	void seedingAgainDuplicatesNothing() throws Exception {
		long invoices = count("SELECT COUNT(*) FROM invoices");
		long lines = count("SELECT COUNT(*) FROM invoice_lines");
		long users = count("SELECT COUNT(*) FROM users");
		long memberships = count("SELECT COUNT(*) FROM memberships");

		seeder.seed();

		assertThat(count("SELECT COUNT(*) FROM invoices")).isEqualTo(invoices);
		assertThat(count("SELECT COUNT(*) FROM invoice_lines")).isEqualTo(lines);
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(users);
		assertThat(count("SELECT COUNT(*) FROM memberships")).isEqualTo(memberships);
	}

	@Test
	void danaSeesAcmeAndHankSeesGlobex() throws Exception {
		String acme = mvc.perform(page("dana@acme.test", "/invoices"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(acme).contains("INV-1060").doesNotContain("GLX-");
		String globex = mvc.perform(page("hank@globex.test", "/invoices"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(globex).contains("GLX-2020").doesNotContain("INV-10");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
