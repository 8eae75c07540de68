package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;

import io.ledgerline.support.CommentPostGate;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * The comment thread island in a real Chromium: live polling (the test profile polls
 * every second), the optimistic post seen while the server is held at the
 * {@link CommentPostGate}, its rollback on a forced 500, older pages, the server-rendered
 * count, and the plain form with JavaScript off.
 */
class CommentThreadBrowserTest extends BrowserTestBase {

	private static final Pattern PENDING = Pattern.compile("\\bcomment-pending\\b");

	/**
	 * Lets a test hide and show the tab: headless Chromium's tabs are always visible, so
	 * the page's visibilityState is taken over and the browser's own event is sent.
	 */
	private static final String TAB_VISIBILITY = """
			(() => {
			  let state = 'visible';
			  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => state });
			  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state === 'hidden' });
			  window.setTabVisibility = (next) => {
			    state = next;
			    window.dispatchEvent(new Event('visibilitychange'));
			  };
			})();
			""";

	@Autowired
	CommentPostGate gate;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void openTheGate() {
		gate.open();
	}

	@Test
	void aCommentPostedInAnotherSessionAppearsWithoutAReload() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page reader = openThread(org.member(), invoice);
		reader.evaluate("() => { window.sameDocument = true; }");
		assertThat(comments(reader)).hasCount(0);

		Page writer = openThread(org.admin(), invoice);
		postThroughTheForm(writer, "Posted in the other session");

		Locator arrived = comments(reader)
			.filter(new Locator.FilterOptions().setHasText("Posted in the other session"));
		assertThat(arrived).hasCount(1);
		assertThat(arrived).hasAttribute("data-comment-id", storedIds(invoice).get(0).toString());
		assertThat(reader.evaluate("() => window.sameDocument === true")).isEqualTo(true);
	}

	@Test
	void aHiddenTabDoesNotPollAndCatchesUpWhenShownAgain() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page away = chromium.newContext().newPage();
		away.addInitScript(TAB_VISIBILITY);
		logIn(away, org.member());
		openThread(away, invoice);
		List<String> awayReads = new CopyOnWriteArrayList<>();
		away.onRequest(request -> {
			if (request.url().contains("/api/invoices/")) {
				awayReads.add(request.url());
			}
		});
		away.evaluate("() => window.setTabVisibility('hidden')");

		Page writer = openThread(org.admin(), invoice);
		postThroughTheForm(writer, "Posted while you were away");
		// Three poll intervals pass, as the visible tab's own reads show.
		waitForThreadRead(writer);
		waitForThreadRead(writer);
		waitForThreadRead(writer);

		assertThat(awayReads).isEmpty();
		assertThat(comments(away)).hasCount(0);
		away.evaluate("() => window.setTabVisibility('visible')");
		assertThat(comments(away).filter(new Locator.FilterOptions().setHasText("Posted while you were away")))
			.hasCount(1);
	}

	@Test
	void yourOwnCommentShowsBeforeTheServerAnswersAndStaysExactlyOnceAfterTheRefetch() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = openThread(org.member(), invoice);
		assertThat(page.getByTestId("comment-count")).hasText("0");

		gate.close();
		postThroughTheForm(page, "Mine, straight away");
		assertThat(gate.awaitHeldPost()).as("the post reached the server and is held there").isTrue();

		Locator mine = comments(page).filter(new Locator.FilterOptions().setHasText("Mine, straight away"));
		assertThat(mine).hasCount(1);
		assertThat(mine).hasClass(PENDING);
		assertThat(storedIds(invoice)).isEmpty();

		Response answer = page.waitForResponse(r -> r.request().method().equals("POST"),
				new Page.WaitForResponseOptions().setTimeout(30_000), gate::open);
		assertThat(answer.status()).isEqualTo(200);
		UUID stored = storedIds(invoice).get(0);
		assertThat(mine).not().hasClass(PENDING);
		assertThat(mine).hasAttribute("data-comment-id", stored.toString());
		// Through the next polls (refetches of the thread) it stays one item.
		waitForThreadRead(page);
		waitForThreadRead(page);
		assertThat(comments(page)).hasCount(1);
		assertThat(page.getByTestId("comment-count")).hasText("1");
	}

	@Test
	void aForced500TakesTheOptimisticCommentBackAndShowsAnError() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		// An org-wide switch: only an admin's inspector offers it.
		Page page = openThread(org.admin(), invoice);
		page.navigate(url("/inspector"));
		page.getByTestId("fail-next-comment").click();
		page.waitForURL(url("/inspector"));
		openThread(page, invoice);

		gate.close();
		postThroughTheForm(page, "This one will fail");
		assertThat(gate.awaitHeldPost()).isTrue();
		Locator doomed = comments(page).filter(new Locator.FilterOptions().setHasText("This one will fail"));
		assertThat(doomed).hasCount(1);

		Response answer = page.waitForResponse(r -> r.request().method().equals("POST"),
				new Page.WaitForResponseOptions().setTimeout(30_000), gate::open);
		assertThat(answer.status()).isEqualTo(500);
		assertThat(doomed).hasCount(0);
		assertThat(page.getByTestId("comment-error")).isVisible();
		assertThat(page.getByTestId("comment-error")).not().isEmpty();
		assertThat(page.locator("textarea[name=body]")).hasValue("This one will fail");
		assertThat(storedIds(invoice)).isEmpty();
		assertThat(page.getByTestId("comment-count")).hasText("0");
	}

	@Test
	void scrollingBackLoadsOlderPagesAndComingBackDownDoesNotRefetchThem() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		storeComments(org, invoice, 55);
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		// This test counts the thread's reads: no polling here (the others cover it).
		page.route(url("/invoices/" + invoice.id()), route -> {
			APIResponse response = route.fetch();
			String html = response.text().replaceFirst("data-poll-ms=\"\\d+\"", "data-poll-ms=\"3600000\"");
			route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(html));
		});
		List<String> reads = new CopyOnWriteArrayList<>();
		page.onRequest(request -> {
			if (request.url().contains("/api/invoices/")) {
				reads.add(request.url());
			}
		});
		openThread(page, invoice);
		assertThat(page.getByTestId("comment-thread")).hasAttribute("data-poll-ms", "3600000");
		assertThat(comments(page)).hasCount(20);
		assertThat(comments(page).first()).containsText("Comment 55");

		Locator older = page.getByTestId("load-older");
		older.scrollIntoViewIfNeeded();
		assertThat(comments(page)).hasCount(40);
		older.scrollIntoViewIfNeeded();
		assertThat(comments(page)).hasCount(55);
		assertThat(older).isHidden();
		assertThat(comments(page).last()).containsText("Comment 1");
		assertThat(reads).hasSize(2).allMatch(read -> read.contains("cursor="));

		page.getByTestId("comment-thread").scrollIntoViewIfNeeded();
		page.evaluate("() => window.scrollTo(0, 0)");
		afterTwoFrames(page);
		comments(page).last().scrollIntoViewIfNeeded();
		afterTwoFrames(page);

		assertThat(comments(page)).hasCount(55);
		assertThat(reads).hasSize(2);
	}

	@Test
	void withJavaScriptOffOlderCommentsAreALinkAway() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		storeComments(org, invoice, 25);
		Page page = signedInWithoutJavaScript(org.member());
		openThread(page, invoice);
		assertThat(comments(page)).hasCount(20);
		assertThat(comments(page).last()).containsText("Comment 6");

		page.getByTestId("load-older").click();

		page.waitForURL(Pattern.compile(".*/invoices/" + invoice.id() + "/comments\\?cursor=.+"));
		assertThat(page.getByTestId("comment")).hasCount(5);
		assertThat(page.getByTestId("comment").first()).containsText("Comment 5");
		assertThat(page.getByTestId("comment").last()).containsText("Comment 1");
		assertThat(page.getByTestId("load-older")).hasCount(0);
		page.getByTestId("show-newest").click();
		assertThat(comments(page).first()).containsText("Comment 25");
	}

	@Test
	void withJavaScriptOffThePlainFormPostsAndTheCountMoves() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());
		openThread(page, invoice);
		assertThat(page.getByTestId("comment-count")).hasText("0");

		Response answer = postAnswer(page, "/invoices/" + invoice.id() + "/comments",
				() -> postThroughTheForm(page, "No JavaScript needed"));

		assertThat(answer.status()).isEqualTo(303);
		page.waitForURL(url("/invoices/" + invoice.id() + "#comment-thread"));
		assertThat(comments(page)).hasCount(1);
		assertThat(comments(page).first()).containsText("No JavaScript needed");
		assertThat(page.getByTestId("comment-count")).hasText("1");
		assertThat(storedIds(invoice)).hasSize(1);
	}

	private Page openThread(String email, TestInvoice invoice) {
		Page page = chromium.newContext().newPage();
		logIn(page, email);
		openThread(page, invoice);
		return page;
	}

	private void openThread(Page page, TestInvoice invoice) {
		page.navigate(url("/invoices/" + invoice.id()));
		assertThat(page.getByTestId("comment-thread")).isVisible();
	}

	private static Locator comments(Page page) {
		return page.getByTestId("comment-thread").getByTestId("comment");
	}

	private static void postThroughTheForm(Page page, String body) {
		Locator form = page.getByTestId("comment-form");
		form.locator("textarea[name=body]").fill(body);
		form.locator("button[type=submit]").click();
	}

	/** Waits (bounded) for the thread's next read from the API, a poll or a refetch. */
	private static void waitForThreadRead(Page page) {
		page.waitForResponse(r -> r.url().contains("/api/invoices/") && r.status() == 200, () -> {
		});
	}

	/** Lets pending scroll and intersection callbacks run: a condition, not a sleep. */
	private static void afterTwoFrames(Page page) {
		page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
	}

	private List<UUID> storedIds(TestInvoice invoice) {
		return jdbc.sql("SELECT id FROM comments WHERE invoice_id = ? ORDER BY created_at DESC")
			.param(invoice.id())
			.query(UUID.class)
			.list();
	}

	/** Comments "Comment 1" (oldest) … "Comment n" (newest), each with its audit row. */
	private void storeComments(TestOrg org, TestInvoice invoice, int n) {
		Instant start = Instant.parse("2026-11-01T09:00:00.000Z");
		for (int i = 1; i <= n; i++) {
			fixtures.comment(org, invoice, "Comment " + i, start.plusSeconds(60L * i));
		}
	}

}
