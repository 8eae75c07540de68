package io.ledgerline.browser;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright driver and one headless system Chromium per test class; every context a
 * test opens is closed after it. When a test fails, each of its open pages is saved as a
 * screenshot under {@code target/browser-failures/}.
 * <p>
 * Without a Chromium (see {@link ChromiumLocator}) the class fails on CI; elsewhere each
 * test is aborted with the install hint. That abort happens per test on purpose: Surefire
 * drops a class-level abort without a trace (0 run, 0 skipped), so nobody would see the
 * hint.
 */
public final class ChromiumExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AfterEachCallback {

	static final String SKIP_DOWNLOAD = "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD";

	static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

	private static final double ACTION_TIMEOUT_MS = 10_000;

	private static final double NAVIGATION_TIMEOUT_MS = 15_000;

	private Playwright playwright;

	private Browser browser;

	private TestAbortedException noBrowser;

	private final List<BrowserContext> contexts = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		Path executable;
		try {
			executable = ChromiumLocator.locate(System.getenv());
		}
		catch (TestAbortedException aborted) {
			noBrowser = aborted;
			System.err.println("[browser tests] " + aborted.getMessage());
			return;
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(SKIP_DOWNLOAD, "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (noBrowser != null) {
			throw new TestAbortedException(noBrowser.getMessage());
		}
	}

	/**
	 * A fresh context (own cookies, own session) that lives until the end of the current
	 * test.
	 */
	public BrowserContext newContext() {
		return newContext(new Browser.NewContextOptions());
	}

	public BrowserContext newContext(Browser.NewContextOptions options) {
		if (browser == null) {
			throw new IllegalStateException("The browser is only available inside a test of the class.");
		}
		BrowserContext context = browser.newContext(options);
		context.setDefaultTimeout(ACTION_TIMEOUT_MS);
		context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
		contexts.add(context);
		return context;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			if (context.getExecutionException().isPresent()) {
				screenshots(context);
			}
		}
		finally {
			closeContexts();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		noBrowser = null;
		closeContexts();
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			browser = null;
			if (playwright != null) {
				playwright.close();
				playwright = null;
			}
		}
	}

	private void screenshots(ExtensionContext context) {
		Path dir = Paths.get("target", "browser-failures", context.getRequiredTestClass().getSimpleName());
		String test = context.getRequiredTestMethod().getName();
		int n = 0;
		for (BrowserContext browserContext : contexts) {
			for (Page page : browserContext.pages()) {
				n++;
				try {
					page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
						.setPath(dir.resolve(test + "-" + n + ".png")));
				}
				catch (RuntimeException e) {
					// A screenshot is a courtesy; never let it hide the test's own
					// failure.
					context.publishReportEntry("screenshot-failed", test + "-" + n + ": " + e.getMessage());
				}
			}
		}
	}

	private void closeContexts() {
		for (BrowserContext context : contexts) {
			try {
				context.close();
			}
			catch (RuntimeException e) {
				// Already gone with the browser; nothing left to release.
			}
		}
		contexts.clear();
	}

}
