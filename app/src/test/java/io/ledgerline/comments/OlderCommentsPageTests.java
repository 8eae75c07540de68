package io.ledgerline.comments;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.web.HumanTime;

/**
 * Without JavaScript every comment is reachable: the detail page's "Load older comments"
 * is a link with a cursor, and each older page links on to the next.
 */
@IntegrationTest
class OlderCommentsPageTests {

	private static final Pattern COMMENT_ID = Pattern.compile("data-testid=\"comment\" data-comment-id=\"([^\"]+)\"");

	private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Test
	void followingTheLinksFromTheDetailPageVisitsEveryCommentOnce() throws Exception {
		long demo = fixtures.demoInvoiceId("INV-1042");
		PageHtml detail = html("dana@acme.test", "/invoices/" + demo);
		long count = Long.parseLong(detail.text("comment-count"));
		assertThat(count).isGreaterThan(20);

		List<String> seen = new ArrayList<>(ids(detail));
		String next = detail.attributes("load-older").get("href");
		assertThat(detail.attributes("load-older")).doesNotContainKey("hidden");
		int pages = 1;
		while (next != null) {
			assertThat(next).startsWith("/invoices/" + demo + "/comments?cursor=");
			PageHtml older = html("dana@acme.test", next.replace("&amp;", "&"));
			seen.addAll(ids(older));
			next = older.has("load-older") ? older.attributes("load-older").get("href") : null;
			pages++;
		}

		assertThat(seen).hasSize((int) count).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo((int) ((count + 19) / 20));
	}

	@Test
	void aThreadWithoutOlderCommentsHidesTheLink() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");

		Map<String, String> older = html(org.member(), "/invoices/" + invoice.id()).attributes("load-older");

		assertThat(older).containsKey("hidden").doesNotContainKey("href");
	}

	@Test
	void commentTimesReadAsPeopleReadThemWithTheInstantInDatetime() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/comments")
			.param("clientId", UUID.randomUUID().toString())
			.param("body", "Timed")).andExpect(status().isSeeOther());
		String postedAt = HumanTime.iso(clock.instant());
		boolean farFromMidnight = clock.instant().atZone(ZoneOffset.UTC).getHour() < 23;
		clock.advance(Duration.ofMinutes(3));

		// The cached detail page prints the absolute time (relative text would go stale).
		String detail = html(org.member(), "/invoices/" + invoice.id()).toString();
		assertThat(detail)
			.containsPattern("<time datetime=\"" + postedAt + "\" data-relative(=\"\")? title=\"[^\"]+ UTC\">"
					+ "\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d UTC</time>");

		// The page rendered per request prints it relative to now.
		String page = html(org.member(), "/invoices/" + invoice.id() + "/comments").toString();
		assertThat(page).containsPattern("<time datetime=\"" + postedAt + "\" data-relative(=\"\")? title=\"")
			.contains(">3 min ago</time>");
		clock.advance(Duration.ofDays(1));
		Assumptions.assumeTrue(farFromMidnight, "a day later is the next calendar day");
		assertThat(html(org.member(), "/invoices/" + invoice.id() + "/comments").toString())
			.containsPattern(">yesterday \\d\\d:\\d\\d</time>");
		assertThat(postedAt).matches(ISO_MILLIS);
	}

	@Test
	void anotherOrgsThreadIsNotFoundAndAGarbledCursorIsABadRequest() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		TestOrg other = fixtures.org();

		mvc.perform(page(other.member(), "/invoices/" + invoice.id() + "/comments")).andExpect(status().isNotFound());
		mvc.perform(page(org.member(), "/invoices/" + invoice.id() + "/comments?cursor=%%%"))
			.andExpect(status().isBadRequest());
		mvc.perform(page(org.member(), "/invoices/" + invoice.id() + "/comments?cursor=bm9wZQ"))
			.andExpect(status().isBadRequest());
	}

	private static List<String> ids(PageHtml html) {
		List<String> ids = new ArrayList<>();
		Matcher m = COMMENT_ID.matcher(html.toString());
		while (m.find()) {
			ids.add(m.group(1));
		}
		assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
		return ids;
	}

	private PageHtml html(String user, String url) throws Exception {
		return new PageHtml(mvc.perform(page(user, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
