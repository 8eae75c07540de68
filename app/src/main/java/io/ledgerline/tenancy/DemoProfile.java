package io.ledgerline.tenancy;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the demo profile is on, decided once at start-up, for every page that asks: the
 * page frame (through {@link ActingPageUsers}) and, as the model attribute
 * {@code inspectorEnabled}, every page rendered per request (the sign-in page's demo
 * hints). The acting user is not a model attribute: templates read it as the request
 * attribute {@code me} ({@link ActingUserResolver}).
 */
@ControllerAdvice
class DemoProfile {

	private static final String NAME = "demo";

	private final boolean on;

	DemoProfile(Environment environment) {
		this.on = environment.matchesProfiles(NAME);
	}

	boolean isOn() {
		return this.on;
	}

	/** The inspector and the demo hints exist only with the demo profile. */
	@ModelAttribute("inspectorEnabled")
	boolean inspectorEnabled() {
		return this.on;
	}

}
