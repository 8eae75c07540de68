package io.ledgerline.comments;

import io.ledgerline.caching.FetchedAt;

/**
 * One comment as the JSON API, the post's result and the server-rendered thread show it.
 * {@code createdAt} is ISO-8601 UTC with milliseconds, always.
 */
public record CommentView(String id, long invoiceId, String authorName, String body, String createdAt) {

	static CommentView of(Comment comment) {
		return new CommentView(comment.id().toString(), comment.invoiceId(), comment.authorName(), comment.body(),
				FetchedAt.format(comment.createdAt()));
	}

}
