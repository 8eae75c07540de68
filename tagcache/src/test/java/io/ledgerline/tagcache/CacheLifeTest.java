package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheLifeTest {

	static Stream<Arguments> nextJs16Profiles() {
		return Stream.of(Arguments.of(CacheLife.DEFAULT, "default", 300L, 900L, null),
				Arguments.of(CacheLife.SECONDS, "seconds", 30L, 1L, 60L),
				Arguments.of(CacheLife.MINUTES, "minutes", 300L, 60L, 3_600L),
				Arguments.of(CacheLife.HOURS, "hours", 300L, 3_600L, 86_400L),
				Arguments.of(CacheLife.DAYS, "days", 300L, 86_400L, 604_800L),
				Arguments.of(CacheLife.WEEKS, "weeks", 300L, 604_800L, 2_592_000L),
				Arguments.of(CacheLife.MAX, "max", 300L, 2_592_000L, 31_536_000L));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("nextJs16Profiles")
	void builtInProfilesCarryNextJsNumbers(CacheLife life, String name, long stale, long revalidate, Long expire) {
		assertThat(life.name()).isEqualTo(name);
		assertThat(life.stale()).isEqualTo(Duration.ofSeconds(stale));
		assertThat(life.revalidate()).isEqualTo(Duration.ofSeconds(revalidate));
		assertThat(life.expire()).isEqualTo(expire == null ? null : Duration.ofSeconds(expire));
		assertThat(CacheLife.builtIn(name)).containsSame(life);
		assertThat(TagCache.builder().build().profile(name)).isSameAs(life);
	}

	@Test
	void unknownBuiltInIsEmpty() {
		assertThat(CacheLife.builtIn("fortnight")).isEmpty();
		assertThat(CacheLife.builtIn("Default")).as("names are case-sensitive").isEmpty();
	}

	@Test
	void expireMustExceedRevalidate() {
		assertThatThrownBy(() -> new CacheLife("flat", Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("flat")
			.hasMessageContaining("expire")
			.hasMessageContaining("must exceed revalidate");
		assertThatThrownBy(
				() -> new CacheLife("backwards", Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsMissingOrNegativeDurationsAndBlankNames() {
		assertThatThrownBy(() -> new CacheLife(" ", Duration.ZERO, Duration.ZERO, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("blank");
		assertThatThrownBy(() -> new CacheLife(null, Duration.ZERO, Duration.ZERO, null))
			.isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> new CacheLife("p", null, Duration.ZERO, null)).isInstanceOf(NullPointerException.class)
			.hasMessageContaining("stale");
		assertThatThrownBy(() -> new CacheLife("p", Duration.ZERO, null, null)).isInstanceOf(NullPointerException.class)
			.hasMessageContaining("revalidate");
		assertThatThrownBy(() -> new CacheLife("p", Duration.ofSeconds(-1), Duration.ZERO, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("negative");
	}

	@Test
	void neverExpiringCustomProfileIsValid() {
		CacheLife life = new CacheLife("forever", Duration.ofSeconds(10), Duration.ofSeconds(20), null);
		assertThat(life.expire()).isNull();
	}

	@Test
	void customProfilesAreRegisteredByName() {
		CacheLife invoices = new CacheLife("invoices", Duration.ofSeconds(30), Duration.ofSeconds(60),
				Duration.ofMinutes(10));
		TagCache cache = TagCache.builder().profile(invoices).build();

		assertThat(cache.profile("invoices")).isSameAs(invoices);
		assertThat(cache.profile("hours")).isSameAs(CacheLife.HOURS);
	}

	@Test
	void unknownProfileIsRejected() {
		TagCache cache = TagCache.builder().build();
		assertThatThrownBy(() -> cache.profile("fortnight")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown cache-life profile 'fortnight'");
		assertThatThrownBy(() -> cache.revalidateTag("t", "fortnight")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void builtInsCannotBeRedefinedNorCustomProfilesRegisteredTwice() {
		CacheLife fakeMax = new CacheLife("max", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThatThrownBy(() -> TagCache.builder().profile(fakeMax)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("built-in");

		CacheLife a = new CacheLife("a", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
		CacheLife otherA = new CacheLife("a", Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(4));
		assertThatThrownBy(() -> TagCache.builder().profile(a).profile(otherA))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("already registered");
	}

}
