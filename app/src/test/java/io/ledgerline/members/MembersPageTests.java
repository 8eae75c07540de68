package io.ledgerline.members;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The Members page and its actions: admins only (re-checked on the server), CSRF, scoped
 * to the active org, audited with the change, and never leaving an org without an admin.
 * A refused change writes, audits and changes nothing.
 */
@IntegrationTest
class MembersPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	long adminId;

	long memberId;

	@BeforeEach
	void org() {
		org = fixtures.org();
		adminId = fixtures.userId(org.admin());
		memberId = fixtures.userId(org.member());
	}

	@Test
	void anAdminSeesTheMembersWithTheirRolesAndTheHeaderLinksThere() throws Exception {
		PageHtml members = html(org.admin(), "/members");
		assertThat(members.count("data-testid=\"member-row\"")).isEqualTo(2);
		assertThat(members.toString()).contains("data-user-id=\"" + adminId + "\" data-role=\"admin\"")
			.contains("data-user-id=\"" + memberId + "\" data-role=\"member\"")
			.contains(org.member())
			.contains("name=\"_csrf\"")
			.contains("name=\"formOrg\" value=\"" + org.id() + "\"");

		assertThat(html(org.admin(), "/invoices").has("nav-members")).as("an admin's header").isTrue();
		assertThat(html(org.member(), "/invoices").has("nav-members")).as("a member's header").isFalse();
		assertThat(html(org.member(), "/tickets").has("nav-members")).isFalse();
	}

	@Test
	void theJsonSideListsAndChanges() throws Exception {
		mvc.perform(json(org.admin(), "/members"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.orgId").value(org.id()))
			.andExpect(jsonPath("$.data.members[0].email").value(org.admin()))
			.andExpect(jsonPath("$.data.members[0].role").value("admin"))
			.andExpect(jsonPath("$.data.members[1].userId").value(memberId))
			.andExpect(jsonPath("$.data.members[1].role").value("member"));

		mvc.perform(formJson(org.admin(), "/members/" + memberId + "/role").param("role", "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.member.role").value("admin"))
			.andExpect(jsonPath("$.data.changed").value(true));
		mvc.perform(formJson(org.admin(), "/members/" + memberId + "/role").param("role", "admin"))
			.andExpect(jsonPath("$.data.changed").value(false));
		mvc.perform(formJson(org.admin(), "/members/" + memberId + "/remove"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.member.email").value(org.member()))
			.andExpect(jsonPath("$.data.removed").value(true));
		mvc.perform(json(org.admin(), "/members")).andExpect(jsonPath("$.data.members.length()").value(1));
	}

	@Test
	void aChangeIsAuditedWithItsActorAndTheListShowsItAtOnce() throws Exception {
		html(org.admin(), "/members");
		mvc.perform(form(org.admin(), "/members/" + memberId + "/role").param("role", "admin"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/members"));
		assertThat(html(org.admin(), "/members").toString()).as("the redirect's page, read fresh")
			.contains("data-user-id=\"" + memberId + "\" data-role=\"admin\"");

		mvc.perform(form(org.admin(), "/members/" + memberId + "/remove")).andExpect(status().isSeeOther());
		assertThat(html(org.admin(), "/members").toString()).doesNotContain(org.member());

		assertThat(audit(memberId)).containsExactly("member.role " + adminId + " " + org.member() + ": member -> admin",
				"member.remove " + adminId + " " + org.member() + " removed (was admin)");
		assertThat(seats(memberId)).isZero();
	}

	@Test
	void aMemberIsRefusedEveryRouteAndNothingChanges() throws Exception {
		mvc.perform(page(org.member(), "/members")).andExpect(status().isForbidden());
		mvc.perform(json(org.member(), "/members"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
		mvc.perform(form(org.member(), "/members/" + adminId + "/role").param("role", "member"))
			.andExpect(status().isForbidden());
		mvc.perform(form(org.member(), "/members/" + memberId + "/role").param("role", "admin"))
			.andExpect(status().isForbidden());
		mvc.perform(form(org.member(), "/members/" + adminId + "/remove")).andExpect(status().isForbidden());
		assertThat(role(adminId)).isEqualTo("admin");
		assertThat(role(memberId)).isEqualTo("member");
		assertThat(audit(adminId)).isEmpty();
		assertThat(audit(memberId)).isEmpty();
	}

	@Test
	void withoutTheCsrfTokenNothingChanges() throws Exception {
		mvc.perform(post("/members/" + memberId + "/remove").with(user(org.admin()))).andExpect(status().isForbidden());
		assertThat(seats(memberId)).isEqualTo(1);
	}

	@Test
	void theLastAdminCanBeNeitherDemotedNorRemoved() throws Exception {
		mvc.perform(form(org.admin(), "/members/" + adminId + "/role").param("role", "member"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-testid=\"members-error\"")))
			.andExpect(content().string(containsString("last admin")));
		mvc.perform(form(org.admin(), "/members/" + adminId + "/remove"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("last admin")));
		mvc.perform(formJson(org.admin(), "/members/" + adminId + "/remove"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.error.fieldErrors.userId").value(containsString("last admin")));
		assertThat(role(adminId)).isEqualTo("admin");
		assertThat(audit(adminId)).isEmpty();

		// With a second admin, an admin may step down; their page is no longer theirs.
		mvc.perform(form(org.admin(), "/members/" + memberId + "/role").param("role", "admin"));
		mvc.perform(form(org.admin(), "/members/" + adminId + "/role").param("role", "member"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/invoices"));
		mvc.perform(page(org.admin(), "/members")).andExpect(status().isForbidden());
		mvc.perform(form(org.member(), "/members/" + memberId + "/remove"))
			.andExpect(status().isUnprocessableContent());
	}

	/**
	 * Two admins demoting each other at the same moment: the org's lock puts one after
	 * the other, and the second finds its actor no longer an admin. Never an org without
	 * one.
	 */
	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				TestOrg pair = fixtures.org();
				fixtures.user("second@" + pair.id() + ".test", pair.id(), "admin");
				long first = fixtures.userId(pair.admin());
				long second = fixtures.userId("second@" + pair.id() + ".test");
				CountDownLatch start = new CountDownLatch(1);
				Future<Integer> one = pool.submit(() -> demote(start, pair.admin(), second));
				Future<Integer> other = pool.submit(() -> demote(start, "second@" + pair.id() + ".test", first));
				start.countDown();
				assertThat(List.of(one.get(20, TimeUnit.SECONDS), other.get(20, TimeUnit.SECONDS)))
					.containsExactlyInAnyOrder(303, 403);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE org_id = ? AND role = 'admin'")
					.param(pair.id())
					.query(Integer.class)
					.single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int demote(CountDownLatch start, String actor, long userId) throws Exception {
		start.await();
		return mvc.perform(form(actor, "/members/" + userId + "/role").param("role", "member"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	@Test
	void badInputIsAClientErrorAndAnotherOrgsMemberIsNotFound() throws Exception {
		TestOrg other = fixtures.org();
		long foreign = fixtures.userId(other.member());
		mvc.perform(form(org.admin(), "/members/" + foreign + "/role").param("role", "admin"))
			.andExpect(status().isNotFound());
		mvc.perform(form(org.admin(), "/members/" + foreign + "/remove")).andExpect(status().isNotFound());
		mvc.perform(form(org.admin(), "/members/999999999/remove")).andExpect(status().isNotFound());
		mvc.perform(form(org.admin(), "/members/abc/remove")).andExpect(status().isBadRequest());
		mvc.perform(form(org.admin(), "/members/" + memberId + "/role").param("role", "owner"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(form(org.admin(), "/members/" + memberId + "/role")).andExpect(status().isUnprocessableContent());
		mvc.perform(
				form(org.admin(), "/members/" + memberId + "/role").param("role", "admin").param("formOrg", other.id()))
			.andExpect(status().isConflict());
		assertThat(role(foreign)).isEqualTo("member");
		assertThat(role(memberId)).isEqualTo("member");
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private List<String> audit(long userId) {
		return jdbc.sql("""
				SELECT action || ' ' || actor_id || ' ' || detail FROM audit_log
				WHERE org_id = ? AND subject_type = 'user' AND subject_id = ? ORDER BY id""")
			.params(org.id(), Long.toString(userId))
			.query(String.class)
			.list();
	}

	private String role(long userId) {
		return jdbc.sql("SELECT role FROM memberships WHERE user_id = ?").param(userId).query(String.class).single();
	}

	private int seats(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

}
