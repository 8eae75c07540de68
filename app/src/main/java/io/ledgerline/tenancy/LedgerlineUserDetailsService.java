package io.ledgerline.tenancy;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Login identity only. Roles are per org and are resolved per request by
 * {@link ActingUserResolver}, never frozen into the session at login.
 */
@Service
class LedgerlineUserDetailsService implements UserDetailsService {

	private final TenancyRepository repository;

	LedgerlineUserDetailsService(TenancyRepository repository) {
		this.repository = repository;
	}

	/**
	 * Looks the account up by the {@link Username} normal form, the same one the sign-in
	 * throttle counts by; text that cannot name an account names none.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		return Username.parse(username)
			.flatMap(name -> repository.findUserByEmail(name.value()))
			.map(u -> User.withUsername(u.email())
				.password(u.passwordHash())
				.disabled(!u.enabled())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
