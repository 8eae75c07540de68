package io.ledgerline.comments;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;

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
	String post(ActingUser me, @PathVariable long id, @RequestParam(required = false) String clientId,
			@RequestParam(required = false) String body) {
		comments.post(me, id, NewComment.parse(clientId, body));
		return "redirect:/invoices/" + id + "#comment-thread";
	}

	@PostMapping(path = "/invoices/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse postJson(ActingUser me, @PathVariable long id, @RequestParam(required = false) String clientId,
			@RequestParam(required = false) String body) {
		return ApiResponse.ok(comments.post(me, id, NewComment.parse(clientId, body)));
	}

}
