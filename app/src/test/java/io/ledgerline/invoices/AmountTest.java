package io.ledgerline.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Amounts read back the way the app prints them, and nothing looser; each kind's sign,
 * decimal places and maximum, with the messages the forms show.
 */
class AmountTest {

	@ParameterizedTest
	@CsvSource({ "'1,234.50', 1234.50", "1234.50, 1234.50", "'12,000.00', 12000.00", "'1,000,000', 1000000", "0.5, 0.5",
			"' 7 ', 7", "'-1,234.50', -1234.50", "999, 999" })
	void readsGroupedAndPlainAmounts(String typed, String expected) {
		assertThat(Amount.read(typed)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "1,23.40", "12,34", ",123", "1,234,", "1.234,50", "1 234.50", "１２", "+5", "1e3",
			"1..2", "." })
	void refusesAnythingElse(String typed) {
		assertThat(Amount.read(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1,234.567" })
	void leavesDecimalPlacesToTheCaller(String typed) {
		assertThat(Amount.read(typed)).contains(new BigDecimal("1234.567"));
	}

	@Test
	void aParsedAmountIsAtScaleTwo() {
		assertThat(Amount.parse("1,234.5", Amount.Kind.UNIT_PRICE).value()).isEqualTo(new BigDecimal("1234.50"));
		assertThat(Amount.parse("3", Amount.Kind.QUANTITY).value()).isEqualTo(new BigDecimal("3.00"));
		assertThat(Amount.parse("-12.5", Amount.Kind.ADJUSTMENT).value()).isEqualTo(new BigDecimal("-12.50"));
		assertThat(Amount.parse("0", Amount.Kind.TOTAL).value()).isEqualTo(new BigDecimal("0.00"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "QUANTITY|''|Quantity is required.",
					"QUANTITY|abc|Quantity must be a positive number like 1,234.50.",
					"QUANTITY|-1|Quantity must be a positive number like 1,234.50.",
					"QUANTITY|0|Quantity must be more than zero.",
					"QUANTITY|1.005|Quantity can have at most two decimal places.",
					"QUANTITY|1000000.01|Quantity must be at most 1000000.", "UNIT_PRICE|'  '|Unit price is required.",
					"UNIT_PRICE|1000000000.01|Unit price must be at most 1000000000.",
					"ADJUSTMENT|abc|Unit price must be a number like 1,234.50.",
					"ADJUSTMENT|0.00|Unit price must be other than zero.",
					"ADJUSTMENT|-10000000000|Unit price must be at most 9999999999.99.",
					"TOTAL|abc|Total must be a number like 1,234.50.", "TOTAL|-0.01|Total cannot be negative.",
					"TOTAL|1.234|Total can have at most two decimal places.",
					"TOTAL|'10,000,000,000'|Total must be at most 9999999999.99." })
	void eachKindRefusesWithItsMessage(Amount.Kind kind, String typed, String message) {
		assertThatThrownBy(() -> Amount.parse(typed, kind)).isInstanceOf(InvalidValueException.class)
			.hasMessage(message);
	}

	@Test
	void theLargestAmountFitsNumericTwelveTwo() {
		assertThat(Amount.parse("9,999,999,999.99", Amount.Kind.TOTAL).value()).isEqualTo(Amount.MAX);
		assertThat(Amount.total(Amount.MAX)).isEqualTo(Amount.MAX);
		assertThatThrownBy(() -> Amount.total(new BigDecimal("10000000000.00")))
			.hasMessage("The lines add up to 10000000000.00; an invoice total must be at most 9999999999.99.");
	}

}
