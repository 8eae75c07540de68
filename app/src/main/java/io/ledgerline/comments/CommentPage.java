package io.ledgerline.comments;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page of a thread, newest first, and the cursor of the next (older) page, null on
 * the last. The one shape of {@code GET /api/invoices/{id}/comments} and of the first
 * page the detail page renders on the server and hands to the client.
 *
 * <p>
 * Its JSON keeps the published shape {@code {"comments":[…],"nextCursor":…}} (scripts
 * read those two members at the top level, not under {@code data}) and carries
 * {@code "ok":true} beside them, so that every JSON answer of the app can be told apart
 * by {@code ok} alone.
 */
@JsonPropertyOrder({ "ok", "comments", "nextCursor" })
public record CommentPage(List<CommentView> comments, String nextCursor) {

	public CommentPage {
		comments = List.copyOf(comments);
	}

	/** A page is always a success; errors are the envelope's {@code "ok":false}. */
	@JsonProperty("ok")
	public boolean ok() {
		return true;
	}

}
