package io.ledgerline.config;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.tenancy.AdminOfAnyOrg;

/**
 * The health endpoint's components and details (journal position, pool, Redis) only for
 * callers the rest of {@code /actuator/**} is for: admins of an org
 * ({@link AdminOfAnyOrg}). {@code show-details: when-authorized} alone would show them to
 * every signed-in member. The status and its HTTP code stay public (load balancers and
 * scripts read them).
 */
@Component
class HealthDetailsForAdmins implements HealthEndpointGroupsPostProcessor {

	private final AdminOfAnyOrg adminOfAnyOrg;

	HealthDetailsForAdmins(AdminOfAnyOrg adminOfAnyOrg) {
		this.adminOfAnyOrg = adminOfAnyOrg;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
		for (String name : groups.getNames()) {
			named.put(name, new AdminsOnly(groups.get(name)));
		}
		return HealthEndpointGroups.of(new AdminsOnly(groups.getPrimary()), named);
	}

	private boolean callerIsAdmin() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		return this.adminOfAnyOrg
			.authorize(SecurityContextHolder.getContext()::getAuthentication, new RequestAuthorizationContext(request))
			.isGranted();
	}

	/** A group as configured, whose components and details admins alone may see. */
	private final class AdminsOnly implements HealthEndpointGroup {

		private final HealthEndpointGroup group;

		AdminsOnly(HealthEndpointGroup group) {
			this.group = group;
		}

		@Override
		public boolean isMember(String name) {
			return this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext context) {
			return this.group.showComponents(context) && callerIsAdmin();
		}

		@Override
		public boolean showDetails(SecurityContext context) {
			return this.group.showDetails(context) && callerIsAdmin();
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
