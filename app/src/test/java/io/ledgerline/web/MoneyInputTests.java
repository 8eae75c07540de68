package io.ledgerline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts read back the way the app prints them, and nothing looser. */
class MoneyInputTests {

	@ParameterizedTest
	@CsvSource({ "'1,234.50', 1234.50", "1234.50, 1234.50", "'12,000.00', 12000.00", "'1,000,000', 1000000", "0.5, 0.5",
			"' 7 ', 7", "'-1,234.50', -1234.50", "999, 999" })
	void readsGroupedAndPlainAmounts(String typed, String expected) {
		assertThat(MoneyInput.parse(typed)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "1,23.40", "12,34", ",123", "1,234,", "1.234,50", "1 234.50", "１２", "+5", "1e3",
			"1..2", "." })
	void refusesAnythingElse(String typed) {
		assertThat(MoneyInput.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1,234.567" })
	void leavesDecimalPlacesToTheCaller(String typed) {
		assertThat(MoneyInput.parse(typed)).contains(new BigDecimal("1234.567"));
	}

}
