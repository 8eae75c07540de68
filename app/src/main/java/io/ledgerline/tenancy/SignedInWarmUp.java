package io.ledgerline.tenancy;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

import io.ledgerline.web.Toast;

/**
 * What a signed-in request does per request, for a warm-up before the instance serves:
 * the acting user's resolution and a toast for the page's holes to show, run for a user
 * who exists only in memory, in an org that cannot exist. Nothing is written and nothing
 * is granted: the lookups ask the database for an account nobody can have, and the user
 * is handed to the request as a resolution would, never to Spring Security.
 */
@Component
public class SignedInWarmUp {

	/**
	 * Outside the org id format ({@code [a-z0-9-]}), so no real org can share its
	 * queries' rows or its cache keys.
	 */
	public static final String ORG_ID = "~warm-up~";

	/** A reserved domain ({@code .invalid}): no account can have it. */
	static final String EMAIL = "nobody@warm-up.invalid";

	private final UserSeats seats;

	private final TenancyRepository repository;

	private final ActingUserResolver users;

	SignedInWarmUp(UserSeats seats, TenancyRepository repository, ActingUserResolver users) {
		this.seats = seats;
		this.repository = repository;
		this.users = users;
	}

	/** The in-memory user with {@code role} in the synthetic org (id -1: none is). */
	public ActingUser user(Role role) {
		Membership seat = new Membership(ORG_ID, "Warm-up", role);
		return new ActingUser(-1, EMAIL, "Warm-up", seat, List.of(seat));
	}

	/**
	 * A request's resolution: the cached read of the user's seats, missed and loaded (for
	 * an account that does not exist, so it finds nothing and caches nothing), then
	 * {@code user} kept on the request as the resolver keeps a resolved user, and read
	 * back through it.
	 */
	public ActingUser resolve(HttpServletRequest request, ActingUser user) {
		if (this.seats.find(EMAIL).isPresent() || this.repository.findUserByEmail(EMAIL).isPresent()) {
			throw new IllegalStateException("The warm-up's account " + EMAIL + " exists; it must not.");
		}
		request.setAttribute(ActingUserResolver.REQUEST_ATTRIBUTE, user);
		return this.users.require(request);
	}

	/**
	 * A toast with an undo for {@code request}, as a redirect leaves one (a flash
	 * attribute), so answering a page fills every hole, the toast's form included.
	 */
	public void leaveToast(HttpServletRequest request) {
		FlashMap flash = new FlashMap();
		flash.put(Toast.ATTRIBUTE,
				new Toast(Toast.Kind.SUCCESS, "Warmed up.", new Toast.Undo("/invoices/1/unarchive", 1, "archived")));
		request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
	}

}
