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

	@Override
	public UserDetails loadUserByUsername(String username) {
		return repository.findUserByEmail(username.trim().toLowerCase(java.util.Locale.ROOT))
			.map(u -> User.withUsername(u.email())
				.password(u.passwordHash())
				.disabled(!u.enabled())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
