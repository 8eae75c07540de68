package io.ledgerline.tickets;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static io.ledgerline.tickets.TicketTestData.renderedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.web.Toast;
import io.ledgerline.tagcache.testing.ManualClock;

/** The board is one cached rendering that only a committed ticket change re-renders. */
@IntegrationTest
class TicketPageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	TicketTestData data;

	TestOrg org;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, clock, fixtures);
		org = fixtures.org();
	}

	@Test
	void renderedAtHoldsAcrossReloadsAndAdvancesAfterEachMutationButNotAfterANoOp() throws Exception {
		long ticket = data.ticket(org.id(), "Printer on 3rd floor jams", TicketStatus.OPEN);
		int logBefore = data.pageInvalidations();
		int actionRevalidationsBefore = data.pageRevalidationsByActions();

		String first = renderedAt(board(org.admin()));
		clock.advance(Duration.ofSeconds(7));
		assertThat(renderedAt(board(org.admin()))).as("reload").isEqualTo(first);
		clock.advance(Duration.ofMinutes(20));
		assertThat(renderedAt(board(org.admin()))).as("reload 20 minutes later").isEqualTo(first);

		clock.advance(Duration.ofSeconds(3));
		mvc.perform(form(org.member(), "/tickets").param("title", "VPN drops every hour").param("body", ""))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/tickets"));
		String afterCreate = renderedAt(board(org.admin()));
		assertThat(afterCreate).isNotEqualTo(first).isEqualTo(now());
		assertThat(data.pageInvalidations()).isEqualTo(logBefore + 1);

		clock.advance(Duration.ofSeconds(3));
		mvc.perform(form(org.member(), "/tickets/" + ticket + "/status").param("status", "in_progress"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/tickets"))
			.andExpect(flash().attribute("toast", new Toast(Toast.Kind.SUCCESS, "Ticket #1 moved to in progress.")));
		String afterStatus = renderedAt(board(org.admin()));
		assertThat(afterStatus).isNotEqualTo(afterCreate).isEqualTo(now());
		assertThat(data.pageInvalidations()).isEqualTo(logBefore + 2);
		var updatedAt = data.row(ticket).orElseThrow().updatedAt();

		clock.advance(Duration.ofSeconds(3));
		mvc.perform(form(org.member(), "/tickets/" + ticket + "/status").param("status", "in_progress"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/tickets"))
			.andExpect(flash().attribute("toast", new Toast(Toast.Kind.INFO, "Ticket #1 is already in progress.")));
		assertThat(renderedAt(board(org.admin()))).as("after a no-op status change").isEqualTo(afterStatus);
		assertThat(data.pageInvalidations()).isEqualTo(logBefore + 2);
		assertThat(data.row(ticket).orElseThrow().updatedAt()).as("no write").isEqualTo(updatedAt);
		assertThat(data.auditRows(ticket, "ticket.status")).as("no audit row for the no-op").isEqualTo(1);

		clock.advance(Duration.ofSeconds(3));
		mvc.perform(form(org.admin(), "/tickets/" + ticket + "/delete"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/tickets"));
		String afterDelete = board(org.admin());
		assertThat(renderedAt(afterDelete)).isNotEqualTo(afterStatus).isEqualTo(now());
		assertThat(afterDelete).doesNotContain("data-ticket-id=\"" + ticket + "\"");
		assertThat(data.pageInvalidations()).isEqualTo(logBefore + 3);

		assertThat(data.pageRevalidationsByActions()).as("each one a revalidatePath of /tickets from an action")
			.isEqualTo(actionRevalidationsBefore + 3);
	}

	@Test
	void theNewestLogRowOfAMutationIsARevalidatePathOfTheTicketsPageFromAnAction() throws Exception {
		mvc.perform(form(org.member(), "/tickets").param("title", "Logged")).andExpect(status().isSeeOther());

		var newest = jdbc
			.sql("SELECT primitive, target, is_path, source FROM invalidation_log ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> rs.getString("primitive") + " " + rs.getString("target") + " " + rs.getBoolean("is_path")
					+ " " + rs.getString("source"))
			.single();
		assertThat(newest).isEqualTo("revalidatePath /tickets true action");
	}

	@Test
	void membersAndAdminsEachShareTheirRolesRenderingAndOnlyAdminsSeeDelete() throws Exception {
		fixtures.user("member2@" + org.id() + ".test", org.id(), "member");
		data.ticket(org.id(), "Shared board", TicketStatus.OPEN);

		String member = board(org.member());
		clock.advance(Duration.ofSeconds(2));
		String otherMember = board("member2@" + org.id() + ".test");
		clock.advance(Duration.ofSeconds(2));
		String admin = board(org.admin());

		assertThat(renderedAt(otherMember)).as("members share one rendering").isEqualTo(renderedAt(member));
		assertThat(renderedAt(admin)).as("admins have their own").isNotEqualTo(renderedAt(member));
		assertThat(member).contains("data-testid=\"ticket-status-form\"").doesNotContain("ticket-delete");
		assertThat(admin).contains("data-testid=\"ticket-status-form\"").contains("data-testid=\"ticket-delete\"");
	}

	@Test
	void aMutationInOneRoleReRendersTheOtherRolesBoardToo() throws Exception {
		long ticket = data.ticket(org.id(), "Both roles", TicketStatus.OPEN);
		String member = renderedAt(board(org.member()));
		clock.advance(Duration.ofSeconds(2));

		mvc.perform(form(org.admin(), "/tickets/" + ticket + "/status").param("status", "done"))
			.andExpect(status().isSeeOther());

		String memberAfter = board(org.member());
		assertThat(renderedAt(memberAfter)).isNotEqualTo(member);
		assertThat(memberAfter).contains("data-ticket-id=\"" + ticket + "\" data-status=\"done\"");
	}

	private String board(String email) throws Exception {
		return mvc.perform(page(email, "/tickets"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String now() {
		return FetchedAt.format(clock.instant());
	}

}
