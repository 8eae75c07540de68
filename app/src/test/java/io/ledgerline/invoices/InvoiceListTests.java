package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

@IntegrationTest
class InvoiceListTests {

	private static final Pattern ROW_ID = Pattern.compile("data-testid=\"invoice-row\"\\s+data-invoice-id=\"(\\d+)\"");

	private static final Pattern NEXT = Pattern.compile("data-testid=\"next-page\"\\s+href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	List<TestInvoice> invoices = new ArrayList<>();

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		for (int i = 0; i < 53; i++) {
			invoices.add(fixtures.invoice(org, (i + 1) + ".00"));
		}
	}

	@Test
	void pagesHold25RowsNewestFirstAndTheCursorWalksEveryRowOnce() throws Exception {
		List<Long> seen = new ArrayList<>();
		String url = "/invoices?view=active";
		List<Integer> pageSizes = new ArrayList<>();
		while (url != null) {
			String body = html(org.member(), url);
			List<Long> ids = ids(body);
			pageSizes.add(ids.size());
			seen.addAll(ids);
			Matcher next = NEXT.matcher(body);
			url = next.find() ? next.group(1).replace("&amp;", "&") : null;
		}
		assertThat(pageSizes).containsExactly(25, 25, 3);
		List<Long> expected = invoices.stream().map(TestInvoice::id).sorted((a, b) -> Long.compare(b, a)).toList();
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void viewsSplitActiveArchivedAndAllIncludingDeleted() throws Exception {
		TestInvoice archived = invoices.get(0);
		TestInvoice deleted = invoices.get(1);
		mvc.perform(io.ledgerline.support.Requests.form(org.member(), "/invoices/" + archived.id() + "/archive")
			.param("version", "1")).andExpect(status().isSeeOther());
		mvc.perform(io.ledgerline.support.Requests.form(org.admin(), "/invoices/" + deleted.id() + "/delete")
			.param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());

		assertThat(ids(html(org.admin(), "/invoices?view=archived"))).containsExactly(archived.id());
		assertThat(allIds("active")).doesNotContain(archived.id(), deleted.id()).hasSize(51);
		assertThat(allIds("all")).contains(archived.id(), deleted.id()).hasSize(53);
	}

	@Test
	void membersSeeNoAllTabAndGet403OnItsUrl() throws Exception {
		assertThat(html(org.member(), "/invoices")).doesNotContain("view-tab-all").contains("view-tab-archived");
		assertThat(html(org.admin(), "/invoices")).contains("data-testid=\"view-tab-all\"");
		mvc.perform(page(org.member(), "/invoices?view=all")).andExpect(status().isForbidden());
		mvc.perform(json(org.member(), "/invoices?view=all"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "view=deleted", "cursor=not-a-cursor", "cursor=aWQ6LTE", "cursor=%00" })
	void malformedParametersAreBadRequests(String query) throws Exception {
		mvc.perform(page(org.member(), "/invoices?" + query)).andExpect(status().isBadRequest());
		mvc.perform(json(org.member(), "/invoices?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"));
	}

	@Test
	void rowsCarryTheContractHooks() throws Exception {
		String body = html(org.member(), "/invoices");
		TestInvoice newest = invoices.get(invoices.size() - 1);
		assertThat(body).contains("data-invoice-id=\"" + newest.id() + "\"",
				"data-invoice-number=\"" + newest.number() + "\"", "data-version=\"1\"", "data-status=\"draft\"",
				"data-testid=\"invoice-total\" data-value=\"53.00\">53.00<", "data-testid=\"summary-count\">53<",
				"data-testid=\"summary-total\" data-value=\"1431.00\">1,431.00<");
	}

	private List<Long> allIds(String view) throws Exception {
		List<Long> all = new ArrayList<>();
		String url = "/invoices?view=" + view;
		while (url != null) {
			String body = html(org.admin(), url);
			all.addAll(ids(body));
			Matcher next = NEXT.matcher(body);
			url = next.find() ? next.group(1).replace("&amp;", "&") : null;
		}
		return all;
	}

	private String html(String email, String url) throws Exception {
		return mvc.perform(page(email, url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<Long> ids(String body) {
		List<Long> ids = new ArrayList<>();
		Matcher m = ROW_ID.matcher(body);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

}
