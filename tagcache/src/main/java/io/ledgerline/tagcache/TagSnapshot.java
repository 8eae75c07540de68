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

	/**
	 * The highest epoch the cache had seen, for any tag, when the snapshot was taken:
	 * every invalidation numbered at or below it was allocated after its write committed,
	 * so before the loader started (0 when unknown).
	 */
	private final long coveredThrough;

	private TagSnapshot(TagState[] states, long coveredThrough) {
		this.states = states;
		this.expireSeen = new long[states.length];
		this.staleSeen = new long[states.length];
		this.coveredThrough = coveredThrough;
		for (int i = 0; i < states.length; i++) {
			expireSeen[i] = states[i].expireEpoch();
			staleSeen[i] = states[i].stale().epoch();
		}
	}

	private TagSnapshot(TagState[] states, long[] expireSeen, long[] staleSeen) {
		this.states = states;
		this.expireSeen = expireSeen;
		this.staleSeen = staleSeen;
		this.coveredThrough = 0;
	}

	/**
	 * @param coveredThrough the highest epoch the cache had seen before reading the
	 * states' epochs
	 */
	static TagSnapshot of(TagState[] states, long coveredThrough) {
		return new TagSnapshot(states, coveredThrough);
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

	/**
	 * What the loader's value reflects, per tag of {@code tags} (the names of the states,
	 * in order): every invalidation up to the higher of the tag's epoch and
	 * {@link #coveredThrough}. Not the tag's epoch alone: a state starts at its own
	 * cache's highest epoch, so another cache whose state of the same tag started higher
	 * would take that epoch for an invalidation the leader missed, and refuse every
	 * result.
	 */
	List<SharedRefresh.SeenTag> seen(List<String> tags) {
		List<SharedRefresh.SeenTag> seen = new ArrayList<>(states.length);
		for (int i = 0; i < states.length; i++) {
			seen.add(new SharedRefresh.SeenTag(tags.get(i), Math.max(expireSeen[i], coveredThrough),
					Math.max(staleSeen[i], coveredThrough)));
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
