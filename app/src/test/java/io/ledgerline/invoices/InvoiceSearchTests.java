package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.TagCache;

/**
 * {@code GET /invoices?q=…}: the prefix of any word of the number or the customer, in any
 * case and with or without accents, within the view, keyset-paged both ways like the
 * list, and cached under the list's tag.
 */
@IntegrationTest
class InvoiceSearchTests {

	private static final Pattern ROW_ID = Pattern.compile("data-testid=\"invoice-row\"\\s+data-invoice-id=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TagCache cache;

	TestOrg org;

	TestInvoice acme;

	TestInvoice emile;

	TestInvoice acmeville;

	TestInvoice globex;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		acme = fixtures.invoice(org.id(), "10.00", "Acme Corp");
		emile = fixtures.invoice(org.id(), "20.00", "Émile Zola SARL");
		acmeville = fixtures.invoice(org.id(), "30.00", "Acmeville Bakery");
		globex = fixtures.invoice(org.id(), "40.00", "Globex, Inc.");
	}

	@Test
	void aWordMatchesByItsPrefixInAnyCaseAndWithOrWithoutAccents() throws Exception {
		assertThat(search("acm")).containsExactly(acmeville.id(), acme.id());
		assertThat(search("ACME")).containsExactly(acmeville.id(), acme.id());
		assertThat(search("corp")).containsExactly(acme.id());
		assertThat(search("acme corp")).as("every word must match").containsExactly(acme.id());
		assertThat(search("emile")).containsExactly(emile.id());
		assertThat(search("Émile")).containsExactly(emile.id());
		assertThat(search("ÉMI")).containsExactly(emile.id());
		assertThat(search("inc.")).containsExactly(globex.id());
		assertThat(search("cme")).as("the middle of a word is not a prefix").isEmpty();
		assertThat(search("acme bakery corp")).isEmpty();
	}

	@Test
	void theNumberMatchesWholeAndByThePrefixOfItsParts() throws Exception {
		assertThat(search(emile.number())).containsExactly(emile.id());
		assertThat(search(emile.number().toLowerCase())).containsExactly(emile.id());
		String[] parts = emile.number().split("-");
		assertThat(search("T-" + parts[1])).contains(emile.id());
		assertThat(search(parts[2])).contains(emile.id());
	}

	@Test
	void anotherOrgsInvoicesAreNeverFound() throws Exception {
		TestOrg other = fixtures.org();
		fixtures.invoice(other.id(), "1.00", "Acme Corp");
		assertThat(search("acme")).containsExactly(acmeville.id(), acme.id());
	}

	@Test
	void aSearchPagesForwardAndBackLikeTheList() throws Exception {
		List<Long> paging = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			paging.add(fixtures.invoice(org.id(), "1.00", "Paging Partners " + i).id());
		}
		List<Long> newestFirst = paging.stream().sorted(Comparator.reverseOrder()).toList();

		PageHtml first = html("/invoices?q=paging");
		assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 25));
		assertThat(first.has("prev-page")).isFalse();
		assertThat(first.text("list-position")).as("a search shows no total").isEqualTo("1–25");

		PageHtml second = follow(first, "next-page");
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(25, 50));
		assertThat(second.text("list-position")).isEqualTo("26–50");
		PageHtml third = follow(second, "next-page");
		assertThat(ids(third)).containsExactlyElementsOf(newestFirst.subList(50, 60));
		assertThat(third.has("next-page")).isFalse();
		assertThat(third.text("list-position")).isEqualTo("51–60");

		PageHtml back = follow(third, "prev-page");
		assertThat(ids(back)).containsExactlyElementsOf(newestFirst.subList(25, 50));
		PageHtml backToFirst = follow(back, "prev-page");
		assertThat(ids(backToFirst)).containsExactlyElementsOf(newestFirst.subList(0, 25));
		assertThat(backToFirst.has("prev-page")).isFalse();
	}

	@Test
	void thePlainListShowsWhereYouAreOfTheActiveTotal() throws Exception {
		TestInvoice newest = null;
		for (int i = 0; i < 30; i++) {
			newest = fixtures.invoice(org.id(), "1.00", "Filler " + i);
		}
		PageHtml first = html("/invoices");
		assertThat(first.text("list-position")).isEqualTo("1–25 of 34");
		PageHtml second = follow(first, "next-page");
		assertThat(second.text("list-position")).isEqualTo("26–34 of 34");
		assertThat(ids(follow(second, "prev-page"))).containsExactlyElementsOf(ids(first));
		assertThat(first.row(newest.id()).text("invoice-issued")).isEmpty();
		assertThat(first.row(newest.id()).toString()).contains("<time datetime=\"2026-11-01\">1 Nov 2026</time>")
			.contains("<time datetime=\"2026-12-01\">1 Dec 2026</time>");
	}

	@Test
	void aSearchStaysWithinItsView() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + acme.id() + "/archive").param("version", "1"))
			.andExpect(status().isSeeOther());

		assertThat(search("acme")).containsExactly(acmeville.id());
		assertThat(ids(html("/invoices?view=archived&q=acme"))).containsExactly(acme.id());
		assertThat(ids(html("/invoices?view=all&q=acme"))).containsExactly(acmeville.id(), acme.id());
		assertThat(html("/invoices?view=archived").text("list-position")).isEqualTo("1–1 of 1");
	}

	@Test
	void anEditShowsInTheSearchAtOnce() throws Exception {
		assertThat(search("globex")).containsExactly(globex.id());
		assertThat(search("initech")).isEmpty();

		mvc.perform(form(org.admin(), "/invoices/" + globex.id()).param("customerName", "Initech Émigré")
			.param("status", "sent")
			.param("total", "40.00")
			.param("version", "1")).andExpect(status().isSeeOther());

		assertThat(search("globex")).isEmpty();
		assertThat(search("initech")).containsExactly(globex.id());
		assertThat(search("emigre")).containsExactly(globex.id());
	}

	@Test
	void aNewInvoiceShowsInTheSearchAtOnce() throws Exception {
		assertThat(search("zebra")).isEmpty();
		mvc.perform(form(org.member(), "/invoices").param("customerName", "Zebra Crossing")
			.param("issuedOn", "2026-12-01")
			.param("status", "draft")
			.param("lineDescription", "Stripes")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "5.00")).andExpect(status().is3xxRedirection());
		assertThat(search("zebra")).hasSize(1);
	}

	@Test
	void aBlankSearchIsThePlainList() throws Exception {
		List<Long> plain = ids(html("/invoices"));
		assertThat(plain).hasSize(4);
		assertThat(search("  ")).containsExactlyElementsOf(plain);
		assertThat(search("")).containsExactlyElementsOf(plain);
		assertThat(search("--")).as("no letter or digit: no search").containsExactlyElementsOf(plain);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0007acme", "acme\ncorp", "a\tb", "acme\u0000" })
	void controlCharactersAreBadRequests(String q) throws Exception {
		badRequest(q, "control characters");
	}

	@Test
	void aQueryLongerThan100CharactersIsABadRequest() throws Exception {
		badRequest("a".repeat(101), "too long");
		badRequest("a b c d e f g h i", "too many words");
		mvc.perform(page(org.member(), "/invoices").param("q", "a".repeat(100))).andExpect(status().isOk());
	}

	@Test
	void madeUpCursorsOfASearchCreateNoEntriesAndLeadToItsPages() throws Exception {
		List<Long> paging = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			paging.add(fixtures.invoice(org.id(), "1.00", "Cursor Co " + i).id());
		}
		html("/invoices?q=cursor");
		// The member's own first request caches who they are (one entry, not a page's).
		mvc.perform(page(org.member(), "/invoices?q=cursor")).andExpect(status().isOk());
		long before = cache.estimatedSize();
		for (int i = 0; i < 30; i++) {
			// Rank 24 (index 5) ends the first page: a real page, cached as such.
			if (i == 5) {
				continue;
			}
			for (String cursor : List.of(PageCursor.encode(paging.get(i)), PageCursor.encode(acme.id()),
					PageCursor.encode(paging.get(29) + 1000 + i))) {
				String location = mvc.perform(page(org.member(), "/invoices?q=cursor&cursor=" + cursor))
					.andExpect(status().isSeeOther())
					.andReturn()
					.getResponse()
					.getRedirectedUrl();
				assertThat(location).startsWith("/invoices?view=active&q=cursor");
			}
		}
		assertThat(cache.estimatedSize()).as("no entry for any of 87 made-up cursors").isLessThanOrEqualTo(before);
	}

	@Test
	void theJsonListTakesTheSameSearch() throws Exception {
		mvc.perform(json(org.member(), "/invoices?q=corp"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.rows.length()").value(1))
			.andExpect(jsonPath("$.data.rows[0].id").value(acme.id()))
			.andExpect(jsonPath("$.data.nextCursor").doesNotExist());
	}

	private void badRequest(String q, String message) throws Exception {
		String body = mvc.perform(page(org.member(), "/invoices").param("q", q))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(message);
		mvc.perform(json(org.member(), "/invoices").param("q", q))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"));
	}

	private List<Long> search(String q) throws Exception {
		return ids(new PageHtml(mvc.perform(page(org.member(), "/invoices").param("q", q))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()));
	}

	private PageHtml follow(PageHtml from, String link) throws Exception {
		String href = from.attributes(link).get("href").replace("&amp;", "&");
		return new PageHtml(mvc.perform(get(URI.create(href)).with(user(org.member())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private PageHtml html(String url) throws Exception {
		return new PageHtml(mvc.perform(page(org.admin(), url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<Long> ids(PageHtml page) {
		List<Long> ids = new ArrayList<>();
		Matcher m = ROW_ID.matcher(page.toString());
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

}
