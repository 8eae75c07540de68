package io.ledgerline.inspector;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.caching.InvalidationLog;
import io.ledgerline.caching.InvalidationLogEntry;
import io.ledgerline.caching.OrgTags;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.web.Toast;
import io.ledgerline.tagcache.testing.ManualClock;

/** The inspector page, its hooks, the rules it demonstrates and the identity switcher. */
@IntegrationTest
class InspectorPageTests {

	static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	InvalidationLog invalidations;

	@Autowired
	ListInvalidationMisuse misuse;

	TestOrg org;

	TestInvoice older;

	TestInvoice newest;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		older = fixtures.invoice(org, "40.00");
		newest = fixtures.invoice(org, "100.00");
	}

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void rendersTheStripTheLogsAndEveryControlForTheActiveOrg() throws Exception {
		TestOrg other = fixtures.org();
		TestInvoice elsewhere = fixtures.invoice(other, "5.00");
		mvc.perform(form(other.admin(), "/inspector/edit-one")).andExpect(status().isSeeOther());
		clock.advance(Duration.ofSeconds(1));
		mvc.perform(form(org.admin(), "/inspector/edit-one")).andExpect(status().isSeeOther());
		clock.advance(Duration.ofSeconds(1));

		PageHtml page = inspector(org.admin());

		for (String strip : List.of("list-fetched-at", "record-fetched-at", "summary-fetched-at")) {
			// The instant in datetime (the hook); people read it in the text (how long
			// ago, on the server's clock) and the title.
			assertThat(page.time(strip)).matches(ISO_MILLIS);
			assertThat(page.text(strip)).matches("just now|\\d+ s ago|\\d+ min ago");
			assertThat(page.attributes(strip).get("title")).endsWith(" UTC");
		}
		assertThat(page.attributes("inspector-target")).containsEntry("data-invoice-id", Long.toString(newest.id()))
			.containsEntry("data-version", "2");
		assertThat(page.value("summary-total")).isEqualTo("141.00");

		List<Map<String, String>> log = page.items("invalidation-log");
		assertThat(log).isNotEmpty().allSatisfy(item -> {
			assertThat(item).containsKey("data-primitive").containsKey("data-source");
			assertThat(item.containsKey("data-tag") ^ item.containsKey("data-path")).isTrue();
		});
		assertThat(log).allSatisfy(
				item -> assertThat(item.getOrDefault("data-tag", "")).doesNotStartWith(OrgTags.prefix(other.id())));
		assertThat(log).anySatisfy(item -> assertThat(item).containsEntry("data-tag", InvoiceTags.list(org.id()))
			.containsEntry("data-primitive", "updateTag")
			.containsEntry("data-source", "action"));
		// Invoice writes invalidate by tag only: no invoice page is cached whole.
		assertThat(log).noneSatisfy(item -> assertThat(item).containsEntry("data-path", "/invoices"));
		assertThat(page.toString()).contains("<time datetime=\"");

		List<Map<String, String>> audit = page.items("audit-log");
		assertThat(audit).hasSize(1)
			.first()
			.satisfies(item -> assertThat(item).containsEntry("data-action", "invoice.update"));
		assertThat(page.toString()).contains(newest.number()).doesNotContain(elsewhere.number());

		assertThat(page.text("misuse-toggle")).isEqualTo("off");
		assertThat(page.has("force-update-tag-error")).isFalse();
		for (String button : List.of("edit-one", "archive-one", "restore-one", "delete-one", "misuse", "force-drift",
				"identity")) {
			assertThat(page.formsPostingTo("/inspector/" + button)).as(button).isEqualTo(1);
		}
		assertThat(page.count("href=\"/invoices/" + newest.id() + "/edit\" target=\"_blank\"")).isEqualTo(2);
		assertThat(page.toString()).contains("href=\"/inspector/force-update-tag\"");
	}

	@Test
	void anOrgWithoutInvoicesStillRendersAndTheButtonsSayThereIsNothingToActOn() throws Exception {
		TestOrg empty = fixtures.org();

		PageHtml page = inspector(empty.admin());
		assertThat(page.has("inspector-no-target")).isTrue();
		assertThat(page.has("record-fetched-at")).isFalse();
		assertThat(page.time("list-fetched-at")).matches(ISO_MILLIS);
		assertThat(page.items("audit-log")).isEmpty();

		MvcResult result = mvc.perform(form(empty.admin(), "/inspector/edit-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"))
			.andReturn();
		Toast toast = (Toast) result.getFlashMap().get(Toast.ATTRIBUTE);
		assertThat(toast.kind()).isEqualTo(Toast.Kind.ERROR);
		assertThat(toast.message()).isEqualTo("Nothing to edit: Org " + empty.id() + " has no active invoice.");
	}

	@Test
	void misuseToggleFlipsAndShowsItsState() throws Exception {
		mvc.perform(form(org.admin(), "/inspector/misuse"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));
		assertThat(misuse.isOn(org.id())).isTrue();
		assertThat(inspector(org.admin()).text("misuse-toggle")).isEqualTo("on");
		assertThat(inspector(org.member()).text("misuse-state")).isEqualTo("on");

		mvc.perform(form(org.admin(), "/inspector/misuse")).andExpect(status().isSeeOther());
		assertThat(misuse.isOn(org.id())).isFalse();
		assertThat(inspector(org.admin()).text("misuse-toggle")).isEqualTo("off");
		assertThat(inspector(org.member()).text("misuse-state")).isEqualTo("off");
	}

	@Test
	void aMembersInspectorOffersNoOrgWideSwitch() throws Exception {
		PageHtml member = inspector(org.member());
		assertThat(member.has("misuse-toggle")).isFalse();
		assertThat(member.has("fail-next-comment")).isFalse();
		assertThat(member.formsPostingTo("/inspector/misuse")).isZero();
		assertThat(member.formsPostingTo("/inspector/fail-next-comment")).isZero();
		assertThat(member.text("misuse-state")).isEqualTo("off");
		// The buttons that act as the member through the real flows stay.
		for (String button : List.of("edit-one", "archive-one", "restore-one", "force-drift")) {
			assertThat(member.formsPostingTo("/inspector/" + button)).as(button).isEqualTo(1);
		}

		PageHtml admin = inspector(org.admin());
		assertThat(admin.formsPostingTo("/inspector/misuse")).isEqualTo(1);
		assertThat(admin.formsPostingTo("/inspector/fail-next-comment")).isEqualTo(1);
		assertThat(admin.has("misuse-state")).isFalse();
	}

	@Test
	void forceUpdateTagShowsTheRefusalAndInvalidatesNothing() throws Exception {
		String listFetchedAt = inspector(org.admin()).time("list-fetched-at");
		long lastLogged = lastLoggedId();
		clock.advance(Duration.ofSeconds(1));

		String html = mvc.perform(page(org.admin(), "/inspector/force-update-tag"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		PageHtml refused = new PageHtml(html);
		assertThat(refused.text("force-update-tag-error")).contains("only available inside an action");
		assertThat(refused.has("invalidation-log")).isTrue();

		assertThat(lastLoggedId()).isEqualTo(lastLogged);
		clock.advance(Duration.ofSeconds(1));
		assertThat(inspector(org.admin()).time("list-fetched-at")).isEqualTo(listFetchedAt);
	}

	@Test
	void actingAsAnotherDemoUserChangesWhoIsSignedInForTheSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/inspector/identity").param("username", "priya@acme.test")
			.with(user("dana@acme.test"))
			.with(csrf())
			.session(session)
			.accept(MediaType.TEXT_HTML))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));

		PageHtml invoices = new PageHtml(mvc.perform(get("/invoices").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(invoices.text("current-user")).isEqualTo("priya@acme.test");
		assertThat(invoices.text("current-role")).isEqualTo("member");

		// A member may not switch on (that was a way in); Globex's admin olga may become
		// hank.
		mvc.perform(post("/inspector/identity").param("username", "hank@globex.test")
			.with(csrf())
			.session(session)
			.accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		MockHttpSession olga = new MockHttpSession();
		mvc.perform(post("/inspector/identity").param("username", "hank@globex.test")
			.with(user("olga@multi.test"))
			.with(csrf())
			.session(olga)
			.accept(MediaType.TEXT_HTML)).andExpect(status().isSeeOther());
		PageHtml globex = new PageHtml(mvc.perform(get("/inspector").session(olga).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(globex.text("current-user")).isEqualTo("hank@globex.test");
		assertThat(globex.text("current-role")).isEqualTo("admin");
	}

	@Test
	void onlyTheDemoUsersCanBeActedAs() throws Exception {
		for (String username : List.of(org.admin(), "nobody@acme.test", "")) {
			mvc.perform(form(org.member(), "/inspector/identity").param("username", username))
				.andExpect(status().isBadRequest());
		}
		mvc.perform(form(org.member(), "/inspector/identity")).andExpect(status().isBadRequest());
	}

	private PageHtml inspector(String email) throws Exception {
		return new PageHtml(mvc.perform(page(email, "/inspector"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long lastLoggedId() {
		return invalidations.recentFor(org.id(), 1).stream().mapToLong(InvalidationLogEntry::id).findFirst().orElse(0);
	}

}
