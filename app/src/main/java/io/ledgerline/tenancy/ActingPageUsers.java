package io.ledgerline.tenancy;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.ledgerline.web.ForbiddenException;
import io.ledgerline.web.page.PageUsers;

/**
 * The acting user as a page's header shows them ({@link PageUsers}): resolved once per
 * request like every other use of the acting user.
 */
@Component
class ActingPageUsers implements PageUsers {

	private final ActingUserResolver users;

	private final boolean demo;

	ActingPageUsers(ActingUserResolver users, DemoProfile demoProfile) {
		this.users = users;
		this.demo = demoProfile.isOn();
	}

	@Override
	public Optional<PageUser> current(HttpServletRequest request) {
		try {
			return this.users.current(request).map(ActingPageUsers::asShown);
		}
		catch (ForbiddenException | DataAccessException noHeader) {
			// No membership, or the database is the very error this page reports: the
			// page still renders, without the header.
			return Optional.empty();
		}
	}

	@Override
	public boolean demoTools() {
		return this.demo;
	}

	static PageUser asShown(ActingUser me) {
		return new PageUser(me.email(), me.role().dbValue(),
				me.memberships()
					.stream()
					.map(seat -> new Org(seat.orgId(), seat.orgName(), seat.orgId().equals(me.orgId())))
					.toList());
	}

}
