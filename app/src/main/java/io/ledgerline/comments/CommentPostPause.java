package io.ledgerline.comments;

/**
 * A seam for tests that must observe the thread while a post is still on its way (the
 * optimistic comment before the server answers). The app registers none; a test may
 * register one bean that holds the request until the test lets it go. Runs before the
 * post's transaction opens, so a held post holds no lock.
 */
@FunctionalInterface
public interface CommentPostPause {

	void beforePost(String orgId, long invoiceId);

}
