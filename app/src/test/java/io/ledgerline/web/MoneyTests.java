package io.ledgerline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

	private final Money money = Money.PEOPLE;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12000|12,000.00|12000.00", "12000.00|12,000.00|12000.00",
			"685041.33|685,041.33|685041.33", "0|0.00|0.00", "0.5|0.50|0.50", "999.99|999.99|999.99",
			"1234567890.12|1,234,567,890.12|1234567890.12", "-1200.5|-1,200.50|-1200.50", "1E+4|10,000.00|10000.00" })
	void groupsForPeopleAndStaysPlainForScripts(String amount, String forPeople, String forScripts) {
		assertThat(money.format(new BigDecimal(amount))).isEqualTo(forPeople);
		assertThat(money.plain(new BigDecimal(amount))).isEqualTo(forScripts);
	}

	@Test
	void nothingPrintsNothing() {
		assertThat(money.format(null)).isEmpty();
		assertThat(money.plain(null)).isEmpty();
	}

}
