package io.ledgerline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the system Chromium the browser tier drives. Playwright never downloads a browser
 * here, so a missing executable is a setup problem: on CI it fails the run (this tier
 * must never be skipped silently there); on a developer machine it aborts the browser
 * tests with a message that says how to install one.
 */
final class ChromiumLocator {

	/** Overrides where the executable is. */
	static final String EXECUTABLE_ENV = "LEDGERLINE_CHROMIUM";

	static final Path DEFAULT_EXECUTABLE = Paths.get("/usr/bin/chromium");

	private ChromiumLocator() {
	}

	static Path locate(Map<String, String> env) {
		return locate(env, ChromiumLocator::usable);
	}

	static Path locate(Map<String, String> env, Predicate<Path> usable) {
		String configured = env.get(EXECUTABLE_ENV);
		Path executable = (configured == null || configured.isBlank()) ? DEFAULT_EXECUTABLE
				: Paths.get(configured.strip());
		if (usable.test(executable)) {
			return executable;
		}
		String problem = "No Chromium executable at " + executable + ". Install Debian's package ("
				+ "apt-get install chromium) or point " + EXECUTABLE_ENV
				+ " at a Chromium binary; Playwright is not allowed to download one.";
		if (onCi(env)) {
			return Assertions.fail("The browser test tier cannot be skipped on CI. " + problem);
		}
		return Assumptions.abort("Browser tests skipped. " + problem);
	}

	static boolean onCi(Map<String, String> env) {
		String ci = env.get("CI");
		return ci != null && (ci.strip().equalsIgnoreCase("true") || ci.strip().equals("1"));
	}

	private static boolean usable(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path);
	}

}
