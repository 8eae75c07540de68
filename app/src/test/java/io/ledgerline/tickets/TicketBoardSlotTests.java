package io.ledgerline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** Filling the shared board's CSRF slots with one request's token. */
class TicketBoardSlotTests {

	private static final String BOARD = "<form>" + TicketBoard.CSRF_SLOT + "</form><p>&lt;input&gt;</p><form>"
			+ TicketBoard.CSRF_SLOT + "</form>";

	@Test
	void fillsEverySlotWithTheEscapedToken() {
		String filled = TicketBoard.withToken(BOARD, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a\"b<c"));
		assertThat(filled).isEqualTo("<form><input type=\"hidden\" name=\"_csrf\" value=\"a&quot;b&lt;c\"></form>"
				+ "<p>&lt;input&gt;</p><form><input type=\"hidden\" name=\"_csrf\" value=\"a&quot;b&lt;c\"></form>");
	}

	@Test
	void withoutATokenTheSlotsDisappear() {
		assertThat(TicketBoard.withToken(BOARD, null)).isEqualTo("<form></form><p>&lt;input&gt;</p><form></form>");
	}

}
