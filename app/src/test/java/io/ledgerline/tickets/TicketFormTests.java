package io.ledgerline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The create form's rules, without the app. */
class TicketFormTests {

	@Test
	void stripsTheTitleAndNormalisesLineBreaksInTheBody() {
		var validated = new TicketForm("  Title  ", "\r\n one\r\ntwo\rthree \n").validate();
		assertThat(validated.errors()).isEmpty();
		assertThat(validated.ticket()).contains(new NewTicket("Title", "one\ntwo\nthree"));
	}

	@Test
	void aMissingBodyIsAnEmptyBody() {
		assertThat(new TicketForm("Title", null).validate().ticket()).contains(new NewTicket("Title", ""));
	}

	@Test
	void reportsEveryBrokenFieldAtOnce() {
		var validated = new TicketForm(null, "x".repeat(5_001)).validate();
		assertThat(validated.ticket()).isEmpty();
		assertThat(validated.errors()).containsOnlyKeys("title", "body");
	}

	@Test
	void tabsAreFineInTheBodyButNotInTheTitle() {
		assertThat(new TicketForm("a\tb", "").validate().errors()).containsOnlyKeys("title");
		assertThat(new TicketForm("ab", "a\tb").validate().errors()).isEmpty();
	}

}
