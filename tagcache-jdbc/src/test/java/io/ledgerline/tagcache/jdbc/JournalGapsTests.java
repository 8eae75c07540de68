package io.ledgerline.tagcache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The positions skipped by higher rows: each is pending until its row appears or it is
 * given up, and the reason it was given up is counted.
 */
class JournalGapsTests {

	static final Instant T0 = Instant.parse("2031-03-01T12:00:00Z");

	JournalGaps gaps = new JournalGaps(Duration.ofMinutes(1));

	@Test
	void thePositionsStrictlyBetweenAreOpenedAndEachFillsOnce() {
		assertThat(gaps.open(10, 11, T0)).as("no position skipped").isTrue();
		assertThat(gaps.size()).isZero();

		assertThat(gaps.open(11, 14, T0)).isTrue();
		assertThat(gaps.positions()).containsExactly(12L, 13L);
		assertThat(gaps.isPending(11)).isFalse();
		assertThat(gaps.isPending(14)).isFalse();

		assertThat(gaps.fill(13)).isTrue();
		assertThat(gaps.fill(13)).as("delivered once").isFalse();
		assertThat(gaps.fill(20)).as("never a gap").isFalse();
		assertThat(gaps.positions()).containsExactly(12L);
		assertThat(gaps.filled()).isEqualTo(1);
	}

	@Test
	void aGapOlderThanTheTimeoutIsTakenForARollbackAndOneAtOrBelowThePrunedPositionIsLost() {
		gaps.open(10, 12, T0);
		gaps.open(20, 23, T0.plusSeconds(30));

		assertThat(gaps.giveUp(T0.plusSeconds(60), 0)).as("none older than the timeout yet").isZero();
		assertThat(gaps.size()).isEqualTo(3);

		assertThat(gaps.giveUp(T0.plusSeconds(61), 0)).as("timed out: not lost").isZero();
		assertThat(gaps.positions()).containsExactly(21L, 22L);
		assertThat(gaps.timedOut()).isEqualTo(1);

		assertThat(gaps.giveUp(T0.plusSeconds(62), 21)).as("at or below the pruned position").isEqualTo(1);
		assertThat(gaps.positions()).containsExactly(22L);
		assertThat(gaps.lost()).isEqualTo(1);
	}

	@Test
	void aJumpPastTheBoundOpensNothingAndCountsItsPositionsAsLost() {
		gaps.open(0, 10, T0);

		assertThat(gaps.open(100, 100 + JournalGaps.MAX_PENDING, T0)).as("nine pending: one too many").isFalse();
		assertThat(gaps.size()).isEqualTo(9);
		assertThat(gaps.lost()).isEqualTo(JournalGaps.MAX_PENDING - 1);

		assertThat(gaps.open(100, 100 + JournalGaps.MAX_PENDING - 8, T0)).as("exactly the bound").isTrue();
		assertThat(gaps.size()).isEqualTo(JournalGaps.MAX_PENDING);
	}

}
