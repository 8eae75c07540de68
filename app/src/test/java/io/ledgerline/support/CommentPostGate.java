package io.ledgerline.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.ledgerline.comments.CommentPostPause;

/**
 * Slows the server for a test: while closed, every comment post waits (before its
 * transaction) until the test opens the gate, so the browser's optimistic comment can be
 * observed before the server answers. Open by default; bounded, so a forgotten gate only
 * delays a post.
 */
public class CommentPostGate implements CommentPostPause {

	private final AtomicReference<CountDownLatch> closed = new AtomicReference<>();

	private final AtomicReference<CountDownLatch> arrived = new AtomicReference<>();

	/** Holds the next posts until {@link #open()}. */
	public void close() {
		arrived.set(new CountDownLatch(1));
		closed.set(new CountDownLatch(1));
	}

	/** Waits (bounded) until a post is held at the gate. */
	public boolean awaitHeldPost() throws InterruptedException {
		CountDownLatch latch = arrived.get();
		return latch != null && latch.await(15, TimeUnit.SECONDS);
	}

	public void open() {
		CountDownLatch latch = closed.getAndSet(null);
		if (latch != null) {
			latch.countDown();
		}
	}

	@Override
	public void beforePost(String orgId, long invoiceId) {
		CountDownLatch latch = closed.get();
		if (latch == null) {
			return;
		}
		CountDownLatch seen = arrived.get();
		if (seen != null) {
			seen.countDown();
		}
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
