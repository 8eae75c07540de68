package io.ledgerline.web.page;

import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The fetched-at strip of a cached page reads "3 min ago" at every request, measured on
 * the server's clock, though the page around it was rendered once: the times are holes,
 * the instant stays in {@code datetime} and the title.
 */
@IntegrationTest
class SharedPageTimesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Test
	void theSameCachedPageSaysHowLongAgoAtEachRequest() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		String detail = "/invoices/" + invoice.id();

		PageHtml first = html(org.member(), detail);
		clock.advance(Duration.ofMinutes(3));
		PageHtml later = html(org.member(), detail);

		assertThat(later.time("record-fetched-at")).as("the same load, the same cached page")
			.isEqualTo(first.time("record-fetched-at"));
		assertThat(first.text("record-fetched-at")).isEqualTo("just now");
		assertThat(later.text("record-fetched-at")).isEqualTo("3 min ago");
		assertThat(later.attributes("record-fetched-at").get("title")).endsWith(" UTC")
			.isEqualTo(first.attributes("record-fetched-at").get("title"));
		// The list's time is given per request (the page is not built from the list).
		assertThat(later.time("list-fetched-at")).isEqualTo(first.time("list-fetched-at"));
		assertThat(later.text("list-fetched-at")).isEqualTo("3 min ago");
		assertThat(later.toString()).doesNotContain("ll-hole-");
	}

	@Test
	void theListPageToo() throws Exception {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "10.00");

		PageHtml first = html(org.member(), "/invoices");
		clock.advance(Duration.ofSeconds(42));
		PageHtml later = html(org.member(), "/invoices");

		assertThat(later.time("list-fetched-at")).isEqualTo(first.time("list-fetched-at"));
		assertThat(later.text("list-fetched-at")).isEqualTo("42 s ago");
		assertThat(later.text("summary-fetched-at")).isEqualTo("42 s ago");
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
