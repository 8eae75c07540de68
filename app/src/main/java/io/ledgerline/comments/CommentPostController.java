package io.ledgerline.comments;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ActionAnswers;

/**
 * {@code POST /invoices/{id}/comments} ({@code body}, {@code clientId}): 303 back to the
 * thread for a plain form, so posting works with JavaScript off; the stored comment as
 * {@code {"ok":true,"data":…}} when asked for JSON.
 */
@Controller
class CommentPostController {

	private final CommentService comments;

	CommentPostController(CommentService comments) {
		this.comments = comments;
	}

	@PostMapping("/invoices/{id}/comments")
	Object post(ActingUser me, @PathVariable long id, @RequestParam(required = false) String clientId,
			@RequestParam(required = false) String body, HttpServletRequest request) {
		NewComment comment = NewComment.parse(clientId, body);
		CommentView stored = comments.post(me, id, comment);
		return ActionAnswers.done(request, "/invoices/" + id + "#comment-thread", stored);
	}

}
