package io.ledgerline.tenancy;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.Toast;

@Controller
class OrgSwitchController {

	private final ActingUserResolver users;

	OrgSwitchController(ActingUserResolver users) {
		this.users = users;
	}

	@PostMapping("/orgs/switch")
	String switchOrg(@RequestParam(required = false) String orgId, HttpServletRequest request,
			RedirectAttributes redirect) {
		users.switchOrg(request, validOrgId(orgId));
		users.current(request).ifPresent(me -> Toast.info(redirect, "Switched to " + me.active().orgName() + "."));
		return "redirect:/invoices";
	}

	@PostMapping(path = "/orgs/switch", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse switchOrgJson(@RequestParam(required = false) String orgId, HttpServletRequest request) {
		users.switchOrg(request, validOrgId(orgId));
		return ApiResponse.ok(Map.of("orgId", orgId));
	}

	private static String validOrgId(String orgId) {
		if (orgId == null || !orgId.matches("[a-z0-9-]{1,40}")) {
			throw new BadRequestException("orgId is required and must be an organisation id.");
		}
		return orgId;
	}

}
