package io.ledgerline.comments;

import java.util.List;

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
 *
 * <p>
 * Its success keeps the published shape {@code {"comments":[…],"nextCursor":…}} (scripts
 * read those two members at the top level, not under {@code data}) and adds
 * {@code "ok":true} beside them, so that every JSON answer of the app can be told apart
 * by {@code ok} alone.
 */
@Controller
class CommentApiController {

	private final CommentService comments;

	CommentApiController(CommentService comments) {
		this.comments = comments;
	}

	@GetMapping(path = "/api/invoices/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PageAnswer page(ActingUser me, @PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		return PageAnswer.of(comments.page(me, id, CommentCursor.decode(cursor), PageLimit.parse(limit)));
	}

	/** A page as the API answers it: the page's two members, and {@code ok} first. */
	record PageAnswer(boolean ok, List<CommentView> comments, String nextCursor) {

		static PageAnswer of(CommentPage page) {
			return new PageAnswer(true, page.comments(), page.nextCursor());
		}

	}

}
