package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The rendered list and record fragments obey the rules of the data they show. Each test
 * warms the fragment as the very user (same org, same role) who then reads it, so a stale
 * or foreign fragment would be served if the rules did not hold; the clock stands still
 * unless a test moves it, so two loads can share a moment.
 */
@IntegrationTest
class InvoiceFragmentCacheTests {

	private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	ListInvalidationMisuse misuse;

	TestOrg org;

	TestInvoice a;

	TestInvoice b;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		a = fixtures.invoice(org, "100.00");
		b = fixtures.invoice(org, "200.00");
	}

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void anEditShowsOnTheRedirectRenderOfListDetailAndSummary() throws Exception {
		PageHtml listBefore = html(org.member(), "/invoices");
		PageHtml detailBefore = html(org.member(), "/invoices/" + a.id());
		assertThat(listBefore.row(a.id()).text("invoice-total")).isEqualTo("100.00");

		String back = redirectOf(form(org.member(), "/invoices/" + a.id()).param("customerName", "Renamed Ltd")
			.param("status", "sent")
			.param("total", "150.00")
			.param("version", "1"));

		PageHtml list = html(org.member(), back);
		assertThat(list.row(a.id()).text("invoice-total")).isEqualTo("150.00");
		assertThat(list.row(a.id()).text("invoice-customer")).isEqualTo("Renamed Ltd");
		assertThat(list.row(a.id()).attributes("invoice-row")).containsEntry("data-version", "2")
			.containsEntry("data-status", "sent");
		assertThat(list.text("summary-total")).isEqualTo("350.00");
		PageHtml detail = html(org.member(), "/invoices/" + a.id());
		assertThat(detail.text("detail-total")).isEqualTo("150.00");
		assertThat(detail.text("detail-customer")).isEqualTo("Renamed Ltd");
		assertThat(detail.attributes("invoice-summary")).containsEntry("data-version", "2");
		assertThat(detail.has("detail-version")).as("the version is not shown to people").isFalse();
		assertThat(detailBefore.text("detail-total")).isEqualTo("100.00");
	}

	@Test
	void archiveAndRestoreShowOnTheRedirectRenderOfBothViewsDetailAndSummary() throws Exception {
		warm(org.member(), "/invoices?view=active", "/invoices?view=archived", "/invoices/" + a.id());

		PageHtml active = html(org.member(), redirectOf(lifecycle(org.member(), "archive", a, 1)));
		assertThat(active.hasRow(a.id())).isFalse();
		assertThat(active.text("summary-count")).isEqualTo("1");
		assertThat(active.text("summary-total")).isEqualTo("200.00");
		PageHtml archived = html(org.member(), "/invoices?view=archived");
		assertThat(archived.row(a.id()).attributes("invoice-row")).containsEntry("data-lifecycle", "archived")
			.containsEntry("data-version", "2");
		assertThat(archived.row(a.id()).hasButton("restore")).isTrue();
		assertThat(html(org.member(), "/invoices/" + a.id()).text("detail-lifecycle")).isEqualTo("archived");

		PageHtml restored = html(org.member(), redirectOf(lifecycle(org.member(), "restore", a, 2)));
		assertThat(restored.row(a.id()).attributes("invoice-row")).containsEntry("data-version", "3")
			.doesNotContainKey("data-lifecycle");
		assertThat(restored.row(a.id()).hasButton("archive")).isTrue();
		assertThat(restored.text("summary-total")).isEqualTo("300.00");
		assertThat(html(org.member(), "/invoices?view=archived").hasRow(a.id())).isFalse();
		assertThat(html(org.member(), "/invoices/" + a.id()).has("detail-lifecycle")).isFalse();
	}

	@Test
	void aDeleteShowsOnTheRedirectRenderOfTheListsDetailAndSummary() throws Exception {
		warm(org.admin(), "/invoices?view=active", "/invoices?view=all", "/invoices/" + a.id());

		PageHtml active = html(org.admin(), redirectOf(lifecycle(org.admin(), "delete", a, 1)));

		assertThat(active.hasRow(a.id())).isFalse();
		assertThat(active.text("summary-count")).isEqualTo("1");
		PageHtml all = html(org.admin(), "/invoices?view=all");
		assertThat(all.row(a.id()).attributes("invoice-row")).containsEntry("data-lifecycle", "deleted");
		assertThat(all.row(a.id()).hasButton("delete")).isFalse();
		assertThat(all.row(a.id()).hasButton("archive")).isFalse();
		PageHtml detail = html(org.admin(), "/invoices/" + a.id());
		assertThat(detail.text("detail-lifecycle")).isEqualTo("deleted");
		assertThat(detail.has("edit-link")).isFalse();
	}

	@Test
	void aMemberNeverGetsTheFragmentRenderedForAnAdminNorTheOtherWayRound() throws Exception {
		PageHtml admin = html(org.admin(), "/invoices");
		PageHtml member = html(org.member(), "/invoices");

		assertThat(member.time("list-fetched-at")).as("one load of the data, two renderings")
			.isEqualTo(admin.time("list-fetched-at"));
		assertThat(admin.row(a.id()).hasButton("delete")).isTrue();
		assertThat(admin.has("view-tab-all")).isTrue();
		assertThat(member.row(a.id()).hasButton("delete")).isFalse();
		assertThat(member.has("view-tab-all")).isFalse();
		assertThat(member.buttons("delete")).isZero();

		TestOrg second = fixtures.org();
		fixtures.invoice(second, "5.00");
		assertThat(html(second.member(), "/invoices").buttons("delete")).isZero();
		assertThat(html(second.admin(), "/invoices").buttons("delete")).isEqualTo(1);
	}

	@Test
	void anotherOrgNeverGetsThisOrgsFragment() throws Exception {
		TestOrg other = fixtures.org();
		TestInvoice theirs = fixtures.invoice(other, "9.00");
		PageHtml ours = html(org.member(), "/invoices");
		PageHtml detail = html(org.member(), "/invoices/" + a.id());

		PageHtml their = html(other.member(), "/invoices");

		assertThat(their.time("list-fetched-at")).as("the same moment: only the org tells the two apart")
			.isEqualTo(ours.time("list-fetched-at"));
		assertThat(their.hasRow(theirs.id())).isTrue();
		assertThat(their.hasRow(a.id())).isFalse();
		assertThat(their.hasRow(b.id())).isFalse();
		assertThat(ours.hasRow(theirs.id())).isFalse();
		assertThat(detail.text("invoice-heading")).isEqualTo(a.number());
		mvc.perform(page(other.member(), "/invoices/" + a.id())).andExpect(status().isNotFound());
	}

	@Test
	void aUserInTwoOrgsSeesEachOrgsOwnFragmentAfterSwitching() throws Exception {
		TestOrg other = fixtures.org();
		TestInvoice theirs = fixtures.invoice(other, "9.00");
		String both = "both@" + org.id() + ".test";
		fixtures.user(both, org.id(), "member");
		fixtures.user(both, other.id(), "admin");
		MockHttpSession session = new MockHttpSession();
		html(org.member(), "/invoices");
		html(other.admin(), "/invoices");

		PageHtml first = html(both, "/invoices", session);
		mvc.perform(post("/orgs/switch").with(user(both))
			.session(session)
			.with(csrf())
			.param("orgId", first.hasRow(a.id()) ? other.id() : org.id())).andExpect(status().is3xxRedirection());
		PageHtml second = html(both, "/invoices", session);

		assertThat(first.hasRow(a.id())).isNotEqualTo(second.hasRow(a.id()));
		assertThat(first.hasRow(theirs.id())).isNotEqualTo(second.hasRow(theirs.id()));
		PageHtml asAdmin = first.hasRow(theirs.id()) ? first : second;
		PageHtml asMember = first.hasRow(theirs.id()) ? second : first;
		assertThat(asAdmin.has("view-tab-all")).isTrue();
		assertThat(asMember.has("view-tab-all")).isFalse();
		assertThat(asMember.buttons("delete")).isZero();
	}

	@Test
	void everyFormCarriesTheRequestingSessionsOwnToken() throws Exception {
		String second = "member2@" + org.id() + ".test";
		fixtures.user(second, org.id(), "member");
		MockHttpSession sessionA = new MockHttpSession();
		MockHttpSession sessionB = new MockHttpSession();

		PageHtml pageB = html(second, "/invoices", sessionB);
		PageHtml pageA = html(org.member(), "/invoices", sessionA);

		assertThat(pageA.time("list-fetched-at")).as("one shared rendering").isEqualTo(pageB.time("list-fetched-at"));
		for (PageHtml page : List.of(pageA, pageB)) {
			assertThat(page.count("name=\"_csrf\"")).as("one token field per form that posts")
				.isEqualTo(page.count("<form") - page.count("method=\"get\""));
			assertThat(csrfValues(page)).allSatisfy(token -> assertThat(token).isNotBlank());
		}
		String tokenA = csrfValues(pageA).get(0);
		String tokenB = csrfValues(pageB).get(0);
		assertThat(pageA.toString()).doesNotContain(tokenB).contains(org.member()).doesNotContain(second);
		assertThat(pageB.toString()).doesNotContain(tokenA).contains(second);

		// What a row button submits: the shared form's fields plus its own version.
		mvc.perform(rowPost(second, sessionB, "/invoices/" + a.id() + "/archive", tokenA))
			.andExpect(status().isForbidden());
		assertThat(fixtures.row(a.id()).archived()).isFalse();
		mvc.perform(rowPost(org.member(), sessionA, "/invoices/" + a.id() + "/archive", tokenA))
			.andExpect(status().isSeeOther());
		assertThat(fixtures.row(a.id()).archived()).isTrue();
	}

	@Test
	void theRowButtonsSubmitTheOneFormThatCarriesTheToken() throws Exception {
		PageHtml list = html(org.admin(), "/invoices");

		assertThat(list.count("<form id=\"row-form\"")).isEqualTo(1);
		assertThat(list.count("name=\"_csrf\"")).isEqualTo(list.count("<form") - list.count("method=\"get\""));
		String form = list.toString().substring(list.toString().indexOf("<form id=\"row-form\""));
		assertThat(form.substring(0, form.indexOf("</form>"))).as("the rows sit inside the one form")
			.contains("data-invoice-id=\"" + a.id() + "\"");
		PageHtml row = list.row(a.id());
		assertThat(row.toString()).doesNotContain("<form", "_csrf");
		assertThat(list.toString()).as("row links are relative to the list").contains("<base href=\"/invoices/\">");
		for (String verb : List.of("archive", "delete")) {
			assertThat(row.button(verb)).containsEntry("name", "version")
				.containsEntry("value", "1")
				.containsEntry("formaction", a.id() + "/" + verb);
		}
	}

	@Test
	void withMisuseOnTheListFragmentIsStaleOnTheRedirectExactlyAsTheListData() throws Exception {
		PageHtml before = html(org.member(), "/invoices");
		clock.advance(Duration.ofSeconds(1));
		misuse.set(true);

		String back = redirectOf(form(org.member(), "/invoices/" + a.id()).param("customerName", "Fixture Customer")
			.param("status", "sent")
			.param("total", "175.00")
			.param("version", "1"));
		PageHtml stale = html(org.member(), back);

		assertThat(stale.row(a.id()).text("invoice-total")).isEqualTo("100.00");
		assertThat(stale.row(a.id()).attributes("invoice-row")).containsEntry("data-version", "1");
		assertThat(stale.time("list-fetched-at")).isEqualTo(before.time("list-fetched-at"));
		assertThat(stale.text("summary-total")).isEqualTo("375.00");
		assertThat(html(org.member(), "/invoices/" + a.id()).text("detail-total")).isEqualTo("175.00");

		// The stale read started one background refresh of the data; whichever page comes
		// next, its rows and its fetched-at strip tell the same story.
		PageHtml fresh = pollUntilTotal("175.00", Duration.ofSeconds(30));
		assertThat(fresh.time("list-fetched-at")).isGreaterThan(before.time("list-fetched-at"));
	}

	/**
	 * Reads the list until the row shows {@code total} (a bounded poll on the background
	 * refresh), checking on every read that a row still showing the old total comes with
	 * the old fetched-at time.
	 */
	private PageHtml pollUntilTotal(String total, Duration bound) throws Exception {
		String oldTime = null;
		long deadline = System.nanoTime() + bound.toNanos();
		while (System.nanoTime() < deadline) {
			PageHtml page = html(org.member(), "/invoices");
			String shown = page.row(a.id()).text("invoice-total");
			if (shown.equals(total)) {
				return page;
			}
			if (oldTime == null) {
				oldTime = page.time("list-fetched-at");
			}
			assertThat(page.time("list-fetched-at")).as("an old row with an old strip").isEqualTo(oldTime);
		}
		throw new AssertionError("the list did not show " + total + " within " + bound);
	}

	private MockHttpServletRequestBuilder lifecycle(String email, String action, TestInvoice invoice, long version) {
		return form(email, "/invoices/" + invoice.id() + "/" + action).param("version", Long.toString(version))
			.param("view", "active");
	}

	private MockHttpServletRequestBuilder rowPost(String email, MockHttpSession session, String url, String token) {
		return post(url).with(user(email))
			.session(session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.param("_csrf", token)
			.param("view", "active")
			.param("version", "1");
	}

	private String redirectOf(MockHttpServletRequestBuilder action) throws Exception {
		return mvc.perform(action).andExpect(status().isSeeOther()).andReturn().getResponse().getRedirectedUrl();
	}

	private void warm(String email, String... urls) throws Exception {
		for (String url : urls) {
			html(email, url);
		}
	}

	private PageHtml html(String email, String url) throws Exception {
		return html(email, url, new MockHttpSession());
	}

	private PageHtml html(String email, String url, MockHttpSession session) throws Exception {
		return new PageHtml(mvc.perform(page(email, url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> csrfValues(PageHtml page) {
		List<String> values = new ArrayList<>();
		Matcher value = CSRF_VALUE.matcher(page.toString());
		while (value.find()) {
			values.add(value.group(1));
		}
		return values;
	}

}
