package io.ledgerline.tickets;

/** What a delete answers with as JSON: which ticket is gone. */
record DeletedTicket(long id, String title, boolean deleted) {

	static DeletedTicket of(Ticket ticket) {
		return new DeletedTicket(ticket.id(), ticket.title(), true);
	}

}
