package io.ledgerline.summary;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.Toast;

/**
 * An admin asks for a recompute of their active org's totals (the button beside the
 * summary on the invoice list). The job runs in the background and its numbers land on a
 * later visit, so the page says so rather than promising fresh totals on the redirect.
 */
@Controller
class SummaryRecomputeController {

	private final SummaryJobs jobs;

	SummaryRecomputeController(SummaryJobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping("/summary/recompute")
	String recompute(ActingUser me, RedirectAttributes redirect) {
		Toast.success(redirect, switch (enqueue(me)) {
			case QUEUED -> "Summary recompute queued: the rebuilt totals show on a later visit.";
			case QUEUED_AFTER_RUNNING -> "A recompute is running; one more is queued after it.";
			case ALREADY_QUEUED -> "A summary recompute is already queued for " + me.active().orgName() + ".";
		});
		return "redirect:/invoices";
	}

	@PostMapping(path = "/summary/recompute", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse recomputeJson(ActingUser me) {
		return ApiResponse.ok(Map.of("orgId", me.orgId(), "enqueued", enqueue(me).name()));
	}

	private SummaryJobs.Enqueued enqueue(ActingUser me) {
		me.requireAdmin("recompute the summary");
		return jobs.enqueue(me.orgId());
	}

}
