package io.ledgerline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowBodySlotsTests {

	@Test
	void oneAddressGetsItsShareAndNoMore() {
		SlowBodySlots slots = new SlowBodySlots(2, 4);
		assertThat(slots.tryTake("10.0.0.1")).isTrue();
		assertThat(slots.tryTake("10.0.0.1")).isTrue();
		assertThat(slots.tryTake("10.0.0.1")).isFalse();
		// Another address is not held back by the first one's share.
		assertThat(slots.tryTake("10.0.0.2")).isTrue();
		slots.release("10.0.0.1");
		assertThat(slots.tryTake("10.0.0.1")).isTrue();
		assertThat(slots.held()).isEqualTo(3);
	}

	@Test
	void allAddressesTogetherGetTheTotalAndNoMore() {
		SlowBodySlots slots = new SlowBodySlots(2, 3);
		assertThat(slots.tryTake("10.0.0.1")).isTrue();
		assertThat(slots.tryTake("10.0.0.2")).isTrue();
		assertThat(slots.tryTake("10.0.0.3")).isTrue();
		assertThat(slots.tryTake("10.0.0.4")).isFalse();
		slots.release("10.0.0.2");
		assertThat(slots.tryTake("10.0.0.4")).isTrue();
		slots.release("10.0.0.1");
		slots.release("10.0.0.3");
		slots.release("10.0.0.4");
		assertThat(slots.held()).isZero();
	}

}
