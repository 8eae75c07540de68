package io.ledgerline.tenancy;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo profile is on, decided once at start-up for every page that asks (the
 * page frame and the sign-in page's demo hints).
 */
@Component
class DemoProfile {

	private static final String NAME = "demo";

	private final boolean on;

	DemoProfile(Environment environment) {
		this.on = environment.matchesProfiles(NAME);
	}

	boolean isOn() {
		return this.on;
	}

}
