package io.ledgerline.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.ledgerline.caching.CacheProperties;
import io.ledgerline.caching.FetchedAt;
import io.ledgerline.paging.Slice;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Role;
import io.ledgerline.web.page.PrerenderedPages;

/**
 * The ticket board (rows, their forms, the rendered-at time) as cached HTML, one entry
 * per org and role: the only per-viewer differences on it are the admin's delete buttons,
 * so every member of an org shares one rendering and every admin another.
 *
 * <p>
 * A shared rendering must not carry anyone's CSRF token or identity: it is a shared
 * fragment ({@link PrerenderedPages#fragment}), rendered without the request from only
 * the org's tickets and the role, with a hole for each form's token that is filled, like
 * every page's holes, when the page that shows the board is answered. That is also what
 * lets a stale-while-revalidate refresh re-render it on a background thread, long after
 * the request that triggered it is gone.
 */
@Component
class TicketBoard {

	static final String TEMPLATE = "tickets/board";

	/**
	 * Every write revalidates the path, so the entry only needs to outlive quiet periods
	 * ({@code ledgerline.cache.life.ticket-board}, default an hour, keeps a board that
	 * nobody touches from being re-rendered on every view).
	 */
	private final CacheLife life;

	private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final TagCache cache;

	private final TicketService tickets;

	private final PrerenderedPages pages;

	private final Clock clock;

	TicketBoard(TagCache cache, TicketService tickets, PrerenderedPages pages, Clock clock,
			CacheProperties properties) {
		this.cache = cache;
		this.life = properties.life().ticketBoard();
		this.tickets = tickets;
		this.pages = pages;
		this.clock = clock;
	}

	/**
	 * The board of the user's org as their role sees it, with a token hole in every form.
	 */
	String html(ActingUser me) {
		String orgId = me.orgId();
		Role role = me.role();
		Cached<String> board = cache.getPage(TicketInvalidation.PAGE_PATH, "tickets:" + orgId + ":" + role.dbValue(),
				List.of(), life, () -> render(orgId, role));
		return board.value();
	}

	private String render(String orgId, Role role) {
		Slice<Ticket> newest = tickets.board(orgId);
		List<Row> rows = newest.rows().stream().map(Row::of).toList();
		return pages.fragment(TEMPLATE,
				Map.of("rows", rows, "more", newest.more(), "limit", TicketService.BOARD_LIMIT, "statuses",
						TicketStatus.values(), "canDelete", role.isAtLeast(Role.ADMIN), "renderedAt",
						FetchedAt.format(clock.instant()), "orgId", orgId));
	}

	/** A ticket with its times formatted once, for the template. */
	public record Row(Ticket ticket, String openedAt, String openedAtIso) {

		static Row of(Ticket ticket) {
			Instant opened = ticket.createdAt();
			return new Row(ticket, SHORT_TIME.format(opened), FetchedAt.format(opened));
		}

	}

}
