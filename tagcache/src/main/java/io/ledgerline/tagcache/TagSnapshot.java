package io.ledgerline.tagcache;

/**
 * The epochs of an entry's tags, read before its loader ran. Holding the
 * {@link TagState}s themselves (not just their names) keeps them alive for as long as the
 * entry can be read.
 */
final class TagSnapshot {

	private final TagState[] states;

	private final long[] expireSeen;

	private final long[] staleSeen;

	private TagSnapshot(TagState[] states) {
		this.states = states;
		this.expireSeen = new long[states.length];
		this.staleSeen = new long[states.length];
		for (int i = 0; i < states.length; i++) {
			expireSeen[i] = states[i].expireEpoch();
			staleSeen[i] = states[i].stale().epoch();
		}
	}

	static TagSnapshot of(TagState[] states) {
		return new TagSnapshot(states);
	}

	/**
	 * Whether no tag was expired ({@code updateTag}, {@code revalidatePath}) since the
	 * snapshot.
	 */
	boolean unexpired() {
		for (int i = 0; i < states.length; i++) {
			if (states[i].expireEpoch() > expireSeen[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * How the tags judge an entry at {@code nowNanos} (since the epoch): usable as is,
	 * usable but stale, or dead.
	 */
	Verdict verdictAt(long nowNanos) {
		Verdict verdict = Verdict.CURRENT;
		for (int i = 0; i < states.length; i++) {
			TagState state = states[i];
			if (state.expireEpoch() > expireSeen[i]) {
				return Verdict.DEAD;
			}
			TagState.StaleMark mark = state.stale();
			if (mark.epoch() > staleSeen[i]) {
				if (!mark.servableAt(nowNanos)) {
					return Verdict.DEAD;
				}
				verdict = Verdict.STALE;
			}
		}
		return verdict;
	}

	enum Verdict {

		CURRENT, STALE, DEAD

	}

}
