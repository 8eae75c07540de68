package io.ledgerline.comments;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.ledgerline.tenancy.ActingUser;

/**
 * {@code GET /api/invoices/{id}/comments?cursor=…&limit=…}: the page the client thread
 * polls and scrolls through. Errors (400, 401, 404) are the JSON envelope, answered by
 * the security chain and the one exception handler.
 */
@Controller
class CommentApiController {

	private final CommentService comments;

	CommentApiController(CommentService comments) {
		this.comments = comments;
	}

	@GetMapping(path = "/api/invoices/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	CommentPage page(ActingUser me, @PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		return comments.page(me, id, CommentCursor.decode(cursor), PageLimit.parse(limit));
	}

}
