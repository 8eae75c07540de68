package io.ledgerline.tenancy;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.ledgerline.web.ActionAnswers;
import io.ledgerline.web.BadRequestException;

@Controller
class OrgSwitchController {

	private final ActingUserResolver users;

	OrgSwitchController(ActingUserResolver users) {
		this.users = users;
	}

	@PostMapping("/orgs/switch")
	Object switchOrg(@RequestParam(required = false) String orgId, HttpServletRequest request) {
		if (orgId == null || !orgId.matches("[a-z0-9-]{1,40}")) {
			throw new BadRequestException("orgId is required and must be an organisation id.");
		}
		users.switchOrg(request, orgId);
		return ActionAnswers.done(request, "/invoices", Map.of("orgId", orgId));
	}

}
