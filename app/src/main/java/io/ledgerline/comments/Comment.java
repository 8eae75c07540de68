package io.ledgerline.comments;

import java.time.Instant;
import java.util.UUID;

/** A stored comment, with what the thread shows of its author. */
record Comment(UUID id, String orgId, long invoiceId, long authorId, String authorName, String body,
		Instant createdAt) {

	CommentView view() {
		return CommentView.of(this);
	}

	/** Whether a repeat of this post by {@code authorId} on that invoice of that org. */
	boolean isRepeatOf(String orgId, long invoiceId, long authorId) {
		return this.orgId.equals(orgId) && this.invoiceId == invoiceId && this.authorId == authorId;
	}

}
