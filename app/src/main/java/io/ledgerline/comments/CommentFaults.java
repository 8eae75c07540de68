package io.ledgerline.comments;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * TEACHING SURFACE: the inspector's "fail next comment". Armed per org, it makes that
 * org's next comment post answer 500 before anything is stored, so the thread's
 * optimistic rollback can be shown on demand. Only the demo inspector arms it.
 */
@Component
public class CommentFaults {

	private final Set<String> armed = ConcurrentHashMap.newKeySet();

	public void failNextPost(String orgId) {
		armed.add(orgId);
	}

	/** Whether this post is the one to fail (disarms it). */
	boolean takeFailure(String orgId) {
		return armed.remove(orgId);
	}

}
