package io.ledgerline.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The customer-name rule both invoice forms use, and the one-line rule under it. */
class CustomerNameTest {

	@Test
	void aNameIsStripped() {
		assertThat(new CustomerName("  Acme Ltd ").value()).isEqualTo("Acme Ltd");
		assertThat(new CustomerName("x".repeat(CustomerName.MAX_LENGTH)).value()).hasSize(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void aBlankNameIsRequired(String typed) {
		assertThatThrownBy(() -> new CustomerName(typed)).isInstanceOf(InvalidValueException.class)
			.hasMessage("Customer name is required.");
		assertThatThrownBy(() -> new CustomerName(null)).hasMessage("Customer name is required.");
	}

	@Test
	void aNameHasAtMostTwoHundredCharacters() {
		assertThatThrownBy(() -> new CustomerName("x".repeat(201)))
			.hasMessage("Customer name must be at most 200 characters.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Acme\nLtd", "Acme\tLtd", "Acme\u0000" })
	void aNameIsOneLine(String typed) {
		assertThatThrownBy(() -> new CustomerName(typed)).hasMessage("Customer name must be a single line of text.");
	}

	@Test
	void aDescriptionFollowsTheSameOneLineRuleWithItsOwnLabelAndLength() {
		assertThat(OneLineText.check(" Consulting ", "Description", 300)).isEqualTo("Consulting");
		assertThatThrownBy(() -> OneLineText.check("x".repeat(301), "Description", 300))
			.hasMessage("Description must be at most 300 characters.");
		assertThatThrownBy(() -> OneLineText.check("a\r\nb", "Description", 300))
			.hasMessage("Description must be a single line of text.");
	}

}
