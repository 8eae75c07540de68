package io.ledgerline.web.page;

import java.util.Arrays;

import io.ledgerline.tagcache.Weighable;

/**
 * A prerendered page as the cache keeps it: its HTML with holes, and the loads of the
 * reads it was rendered from ({@link io.ledgerline.tagcache.Cached#load()}), which decide
 * whether a request may be answered with it.
 */
record SharedPage(long[] loads, SharedHtml html) implements Weighable {

	boolean renderedFrom(long[] current) {
		return Arrays.equals(this.loads, current);
	}

	@Override
	public int estimatedBytes() {
		return this.html.estimatedBytes() + 8 * this.loads.length + 48;
	}

}
