package io.ledgerline.comments;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.ledgerline.tenancy.ActingUser;

/**
 * {@code GET /invoices/{id}/comments?cursor=…}: one page of the thread as a plain page,
 * where the detail page's "Load older comments" link leads without JavaScript (with it,
 * the thread loads the same page from the JSON API in place). Rendered per request, so
 * its times are relative to now.
 */
@Controller
class OlderCommentsController {

	static final String VIEW = "comments/older";

	private final CommentService comments;

	private final Clock clock;

	OlderCommentsController(CommentService comments, Clock clock) {
		this.comments = comments;
		this.clock = clock;
	}

	@GetMapping("/invoices/{id}/comments")
	String older(ActingUser me, @PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
		CommentService.OlderComments older = comments.older(me, id, CommentCursor.decode(cursor));
		model.addAttribute("invoice", older.invoice());
		model.addAttribute("comments", older.page());
		model.addAttribute("now", clock.instant());
		return VIEW;
	}

}
