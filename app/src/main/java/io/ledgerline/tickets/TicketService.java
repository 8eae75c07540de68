package io.ledgerline.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.idempotency.IdempotencyKey;
import io.ledgerline.idempotency.IdempotentCreates;
import io.ledgerline.paging.Slice;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.NotFoundException;

/**
 * Tickets of the acting user's org. Members create tickets and move them between
 * statuses; deleting is for admins (it is permanent, and a ticket is a record of what was
 * asked). Each mutation writes, audits and asks for its invalidation in one transaction;
 * a refused one (unknown id, not allowed, nothing to change) writes, audits and
 * invalidates nothing.
 */
@Service
public class TicketService {

	/** The board shows at most this many tickets, newest first. */
	static final int BOARD_LIMIT = 500;

	private final TicketRepository tickets;

	private final AuditLog audit;

	private final TicketInvalidation invalidation;

	private final IdempotentCreates creates;

	private final Clock clock;

	TicketService(TicketRepository tickets, AuditLog audit, TicketInvalidation invalidation, IdempotentCreates creates,
			Clock clock) {
		this.tickets = tickets;
		this.audit = audit;
		this.invalidation = invalidation;
		this.creates = creates;
		this.clock = clock;
	}

	/**
	 * The org's newest tickets, up to {@link #BOARD_LIMIT}, and whether there are more.
	 */
	Slice<Ticket> board(String orgId) {
		return Slice.fetch(BOARD_LIMIT, limit -> tickets.newest(orgId, limit));
	}

	/**
	 * The ticket opened, or ({@code replayed}) the one an earlier request with the same
	 * one-time key opened ({@link IdempotentCreates}).
	 */
	public IdempotentCreates.Outcome<Ticket> create(ActingUser actor, NewTicket ticket, Optional<IdempotencyKey> key) {
		return creates.once(actor, "ticket", key, () -> {
			Instant now = clock.instant();
			long id = tickets.insert(actor.orgId(), ticket, TicketStatus.OPEN, now);
			Ticket opened = reload(actor, id);
			// The org's ticket number, as the board shows it (never the row's id).
			audit.record(actor.orgId(), actor.userId(), "ticket.create", "ticket", Long.toString(id),
					"#" + opened.number() + " opened: " + ticket.title());
			invalidation.afterChange();
			return opened;
		}, Ticket::id, id -> reload(actor, id));
	}

	@Transactional
	public StatusChange changeStatus(ActingUser actor, long id, TicketStatus status) {
		Ticket before = tickets.lock(actor.orgId(), id).orElseThrow(() -> notFound(id));
		if (before.status() == status) {
			return new StatusChange(before, before.status(), false);
		}
		tickets.updateStatus(actor.orgId(), id, status, clock.instant());
		audit.record(actor.orgId(), actor.userId(), "ticket.status", "ticket", Long.toString(id),
				"#" + before.number() + " " + before.status().value() + " -> " + status.value());
		invalidation.afterChange();
		return new StatusChange(reload(actor, id), before.status(), true);
	}

	@Transactional
	public Ticket delete(ActingUser actor, long id) {
		actor.requireAdmin("delete tickets");
		Ticket before = tickets.lock(actor.orgId(), id).orElseThrow(() -> notFound(id));
		tickets.delete(actor.orgId(), id);
		audit.record(actor.orgId(), actor.userId(), "ticket.delete", "ticket", Long.toString(id),
				"#" + before.number() + " deleted: " + before.title());
		invalidation.afterChange();
		return before;
	}

	private Ticket reload(ActingUser actor, long id) {
		return tickets.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Ticket " + id + " was not found.");
	}

}
