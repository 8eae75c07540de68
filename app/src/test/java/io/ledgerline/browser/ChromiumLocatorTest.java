package io.ledgerline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The missing-browser policy: never a silent skip on CI, a helpful skip elsewhere. */
class ChromiumLocatorTest {

	private static final Path CUSTOM = Paths.get("/opt/chromium/chrome");

	@Test
	void usesTheDebianPackagePathByDefault() {
		Path found = ChromiumLocator.locate(Map.of(), ChromiumLocator.DEFAULT_EXECUTABLE::equals);

		assertThat(found).isEqualTo(Paths.get("/usr/bin/chromium"));
	}

	@Test
	void honoursTheOverride() {
		Path found = ChromiumLocator.locate(Map.of("LEDGERLINE_CHROMIUM", CUSTOM.toString()), CUSTOM::equals);

		assertThat(found).isEqualTo(CUSTOM);
	}

	@Test
	void missingBrowserFailsTheRunOnCi() {
		AssertionFailedError failure = assertThrows(AssertionFailedError.class,
				() -> ChromiumLocator.locate(Map.of("CI", "true"), path -> false));

		assertThat(failure.getMessage()).contains("cannot be skipped on CI").contains("apt-get install chromium");
	}

	@Test
	void missingOverriddenBrowserFailsOnCiToo() {
		assertThrows(AssertionFailedError.class,
				() -> ChromiumLocator.locate(Map.of("CI", "1", "LEDGERLINE_CHROMIUM", CUSTOM.toString()),
						ChromiumLocator.DEFAULT_EXECUTABLE::equals));
	}

	@Test
	void missingBrowserAbortsWithInstallAdviceOffCi() {
		TestAbortedException aborted = assertThrows(TestAbortedException.class,
				() -> ChromiumLocator.locate(Map.of("CI", "false"), path -> false));

		assertThat(aborted.getMessage()).contains("apt-get install chromium").contains("/usr/bin/chromium");
	}

}
