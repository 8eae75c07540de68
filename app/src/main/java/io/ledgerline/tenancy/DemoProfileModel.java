package io.ledgerline.tenancy;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page rendered per request whether the demo profile is on (the sign-in
 * page's demo hints). The acting user is not a model attribute: templates read it as the
 * request attribute {@code me} ({@link ActingUserResolver}).
 */
@ControllerAdvice
class DemoProfileModel {

	private final boolean inspectorEnabled;

	DemoProfileModel(DemoProfile demoProfile) {
		this.inspectorEnabled = demoProfile.isOn();
	}

	/** The inspector and the demo hints exist only with the demo profile. */
	@ModelAttribute("inspectorEnabled")
	boolean inspectorEnabled() {
		return this.inspectorEnabled;
	}

}
