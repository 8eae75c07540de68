package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through a real load balancer (scripts/cluster.sh up; its URL in
 * {@code LEDGERLINE_CLUSTER_URL}): sign in, edit, see the new total, archive, see the row
 * leave, with the requests spread over several instances. Run it with
 * {@code -Dledgerline.excluded-groups=cluster} (README, "More than one instance").
 */
@Tag("cluster-browser")
class ClusterBrowserTest {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	String base;

	@BeforeEach
	void cluster() {
		base = System.getenv("LEDGERLINE_CLUSTER_URL");
		Assumptions.assumeTrue(base != null, "LEDGERLINE_CLUSTER_URL not set (scripts/cluster.sh up prints it)");
	}

	@Test
	void signInEditArchiveThroughTheBalancer() {
		BrowserContext context = chromium.newContext();
		Set<String> instances = ConcurrentHashMap.newKeySet();
		context.onResponse(response -> {
			String instance = response.headers().get("x-ledgerline-instance");
			if (instance != null) {
				instances.add(instance);
			}
		});
		Page page = context.newPage();
		page.navigate(base + "/login");
		Locator form = page.getByTestId("login-form");
		form.locator("input[name=username]").fill("dana@acme.test");
		form.locator("input[name=password]").fill("demo");
		form.locator("button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/invoices(\\?.*)?$"));

		Locator first = page.getByTestId("invoice-row").first();
		String invoiceId = first.getAttribute("data-invoice-id");
		String newTotal = (100 + (System.nanoTime() % 800)) + ".25";
		first.getByTestId("invoice-number").getByRole(AriaRole.LINK).click();
		page.getByTestId("edit-link").click();
		page.locator("input[name=total]").fill(newTotal);
		page.getByTestId("save-button").click();
		page.waitForURL(Pattern.compile(".*/invoices(\\?.*)?$"));
		Locator row = page.locator("tr[data-testid=invoice-row][data-invoice-id='" + invoiceId + "']");
		assertThat(row.getByTestId("invoice-total")).hasText(newTotal);

		BrowserTestBase.rowButton(row, "Archive").click();
		assertThat(row).hasCount(0);
		page.reload();
		assertThat(page.locator("tr[data-testid=invoice-row][data-invoice-id='" + invoiceId + "']")).hasCount(0);

		assertThat(instances).as("requests were spread over the instances").hasSizeGreaterThan(1);
	}

}
