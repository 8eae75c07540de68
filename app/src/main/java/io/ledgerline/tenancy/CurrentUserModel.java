package io.ledgerline.tenancy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the acting user ("me") in every page's model for the header and role-aware
 * controls.
 */
@ControllerAdvice
class CurrentUserModel {

	private final ActingUserResolver users;

	private final boolean inspectorEnabled;

	CurrentUserModel(ActingUserResolver users, Environment environment) {
		this.users = users;
		this.inspectorEnabled = environment.matchesProfiles("demo");
	}

	/** The inspector and the demo hints exist only with the demo profile. */
	@ModelAttribute("inspectorEnabled")
	boolean inspectorEnabled() {
		return inspectorEnabled;
	}

	@ModelAttribute("me")
	ActingUser me(HttpServletRequest request) {
		return users.current(request).orElse(null);
	}

}
