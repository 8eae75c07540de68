package io.ledgerline.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rounding rule and the numbering continuation, without the app around them. */
class NewInvoiceRulesTest {

	@Test
	void eachLineRoundsHalfEvenToCentsAndTheTotalIsTheSumOfTheRoundedLines() {
		NewInvoiceLine down = new NewInvoiceLine("a", new BigDecimal("1.50"), new BigDecimal("99.99"));
		NewInvoiceLine up = new NewInvoiceLine("b", new BigDecimal("0.50"), new BigDecimal("0.03"));
		NewInvoiceLine exact = new NewInvoiceLine("c", new BigDecimal("2.00"), new BigDecimal("150.00"));
		assertThat(down.amount()).isEqualTo(new BigDecimal("149.98")); // 149.985 -> even
																		// 8
		assertThat(up.amount()).isEqualTo(new BigDecimal("0.02")); // 0.015 -> even 2
		assertThat(exact.amount()).isEqualTo(new BigDecimal("300.00"));
		NewInvoice invoice = new NewInvoice("X", LocalDate.of(2026, 11, 22), LocalDate.of(2026, 12, 22),
				InvoiceStatus.DRAFT, List.of(down, up, exact));
		assertThat(invoice.total()).isEqualTo(new BigDecimal("450.00"));
	}

	@Test
	void aSeriesContinuesANumberKeepingItsPrefixAndWidth() {
		assertThat(InvoiceNumbers.continuing("INV-1060")).contains(new InvoiceNumbers.Start("INV-", 1060, 4));
		assertThat(InvoiceNumbers.continuing("GLX-2020")).contains(new InvoiceNumbers.Start("GLX-", 2020, 4));
		assertThat(InvoiceNumbers.continuing("T-5-ab12")).isEmpty();
		assertThat(InvoiceNumbers.continuing("1234")).isEmpty();
		assertThat(InvoiceNumbers.format("INV-", 100, 4)).isEqualTo("INV-0100");
		assertThat(InvoiceNumbers.format("INV-", 10000, 4)).isEqualTo("INV-10000");
	}

}
