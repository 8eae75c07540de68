package io.ledgerline.comments;

import java.util.List;

/**
 * One page of a thread, newest first, and the cursor of the next (older) page, null on
 * the last. The one shape of {@code GET /api/invoices/{id}/comments} and of the first
 * page the detail page renders on the server and hands to the client.
 */
public record CommentPage(List<CommentView> comments, String nextCursor) {

	public CommentPage {
		comments = List.copyOf(comments);
	}

}
