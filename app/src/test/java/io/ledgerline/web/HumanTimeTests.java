package io.ledgerline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTimeTests {

	private static final Instant NOW = Instant.parse("2026-12-06T15:30:00.000Z");

	private final HumanTime times = HumanTime.PEOPLE;

	@ParameterizedTest(name = "{0} reads as ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-06T15:29:55.000Z | just now
			2026-12-06T15:29:48.000Z | 12 s ago
			2026-12-06T15:27:00.000Z | 3 min ago
			2026-12-06T14:30:00.001Z | 59 min ago
			2026-12-06T14:02:00.000Z | today 14:02
			2026-12-06T00:00:00.000Z | today 00:00
			2026-12-05T23:59:59.000Z | yesterday 23:59
			2026-12-05T14:02:00.000Z | yesterday 14:02
			2026-12-03T09:15:00.000Z | 3 Dec, 09:15
			2025-12-03T09:15:00.000Z | 3 Dec 2025
			2026-12-06T15:31:00.000Z | just now
			""")
	void relativeToNowAsPeopleSayIt(String instant, String expected) {
		assertThat(times.relative(Instant.parse(instant), NOW)).isEqualTo(expected);
		assertThat(times.relative(instant, NOW)).as("from the ISO text").isEqualTo(expected);
	}

	@Test
	void absoluteAndExactSayTheZone() {
		assertThat(times.absolute("2026-12-06T03:11:47.054Z")).isEqualTo("6 Dec 2026, 03:11 UTC");
		assertThat(times.exact("2026-12-06T03:11:47.054Z")).isEqualTo("Sun, 6 Dec 2026, 03:11:47.054 UTC");
		assertThat(HumanTime.iso(Instant.parse("2026-12-06T03:11:47Z"))).isEqualTo("2026-12-06T03:11:47.000Z");
	}

	@Test
	void whatIsNotAnInstantIsPrintedAsItIs() {
		assertThat(times.absolute("ll-hole-abc-LIST-FETCHED-AT-end")).isEqualTo("ll-hole-abc-LIST-FETCHED-AT-end");
		assertThat(times.relative(null, NOW)).isEmpty();
		assertThat(times.exact("2026-13-45")).isEqualTo("2026-13-45");
	}

	@Test
	void aCalendarDateReadsAsDayMonthYear() {
		assertThat(times.day(LocalDate.of(2026, 9, 28))).isEqualTo("28 Sep 2026");
		assertThat(times.day(LocalDate.of(2027, 1, 2))).isEqualTo("2 Jan 2027");
		assertThat(times.day(null)).isEmpty();
	}

}
