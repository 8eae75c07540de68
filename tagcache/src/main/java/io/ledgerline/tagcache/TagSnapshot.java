package io.ledgerline.tagcache;

import java.util.ArrayList;
import java.util.List;

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

	private TagSnapshot(TagState[] states, long[] expireSeen, long[] staleSeen) {
		this.states = states;
		this.expireSeen = expireSeen;
		this.staleSeen = staleSeen;
	}

	static TagSnapshot of(TagState[] states) {
		return new TagSnapshot(states);
	}

	/**
	 * The epoch of the newest {@code revalidateTag} that made the entry stale, or 0 when
	 * no tag did (it is fresh, or stale by age alone): the generation a shared refresh is
	 * claimed for.
	 */
	long staleGeneration() {
		long generation = 0;
		for (int i = 0; i < states.length; i++) {
			long epoch = states[i].stale().epoch();
			if (epoch > staleSeen[i]) {
				generation = Math.max(generation, epoch);
			}
		}
		return generation;
	}

	/** The epochs seen, named by {@code tags} (the names of the states, in order). */
	List<SharedRefresh.SeenTag> seen(List<String> tags) {
		List<SharedRefresh.SeenTag> seen = new ArrayList<>(states.length);
		for (int i = 0; i < states.length; i++) {
			seen.add(new SharedRefresh.SeenTag(tags.get(i), expireSeen[i], staleSeen[i]));
		}
		return seen;
	}

	/**
	 * The snapshot of an entry loaded elsewhere, from the epochs its loader saw there
	 * ({@code others}, the states of the same tags here, in the same order): per tag the
	 * lower of those and what this cache has seen now, so an invalidation known here and
	 * not there still reaches the entry. {@code null} when {@code others} are not this
	 * snapshot's tags.
	 */
	TagSnapshot seenElsewhere(TagState[] others, List<SharedRefresh.SeenTag> epochs) {
		if (others.length != states.length) {
			return null;
		}
		long[] expire = new long[states.length];
		long[] stale = new long[states.length];
		for (int i = 0; i < states.length; i++) {
			if (others[i] != states[i]) {
				return null;
			}
			expire[i] = Math.min(states[i].expireEpoch(), epochs.get(i).expireEpoch());
			stale[i] = Math.min(states[i].stale().epoch(), epochs.get(i).staleEpoch());
		}
		return new TagSnapshot(states, expire, stale);
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
