package io.ledgerline.tickets;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.Toast;
import io.ledgerline.web.ValidationException;

/**
 * The ticket board and its three actions. Each action commits (its invalidation runs
 * after the commit), then answers 303 back to the board, so the redirect renders the new
 * board.
 */
@Controller
class TicketController {

	static final String VIEW_LIST = "tickets/list";

	private static final String REDIRECT_TO_BOARD = "redirect:" + TicketInvalidation.PAGE_PATH;

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final TicketService tickets;

	private final TicketBoard board;

	TicketController(TicketService tickets, TicketBoard board) {
		this.tickets = tickets;
		this.board = board;
	}

	@GetMapping("/tickets")
	ModelAndView list(ActingUser me, CsrfToken csrf) {
		return page(me, csrf, TicketForm.empty(), Map.of(), HttpStatus.OK);
	}

	@PostMapping("/tickets")
	ModelAndView create(ActingUser me, @ModelAttribute("form") TicketForm form, CsrfToken csrf,
			RedirectAttributes redirect) {
		TicketForm.Validated validated = form.validate();
		if (validated.ticket().isEmpty()) {
			return page(me, csrf, form, validated.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Ticket created = tickets.create(me, validated.ticket().get());
		Toast.success(redirect, "Ticket #" + created.id() + " opened.");
		return new ModelAndView(REDIRECT_TO_BOARD);
	}

	@PostMapping(path = "/tickets", produces = JSON)
	@ResponseBody
	ApiResponse createJson(ActingUser me, @ModelAttribute("form") TicketForm form) {
		return ApiResponse.ok(tickets.create(me, form.validate().orElseThrow()));
	}

	@PostMapping("/tickets/{id}/status")
	String changeStatus(ActingUser me, @PathVariable long id, @RequestParam(required = false) String status,
			RedirectAttributes redirect) {
		TicketStatus wanted = parseStatus(status);
		StatusChange change = tickets.changeStatus(me, id, wanted);
		String label = wanted.label().toLowerCase(Locale.ROOT);
		if (change.changed()) {
			Toast.success(redirect, "Ticket #" + id + " moved to " + label + ".");
		}
		else {
			Toast.info(redirect, "Ticket #" + id + " is already " + label + ".");
		}
		return REDIRECT_TO_BOARD;
	}

	@PostMapping(path = "/tickets/{id}/status", produces = JSON)
	@ResponseBody
	ApiResponse changeStatusJson(ActingUser me, @PathVariable long id, @RequestParam(required = false) String status) {
		return ApiResponse.ok(tickets.changeStatus(me, id, parseStatus(status)));
	}

	@PostMapping("/tickets/{id}/delete")
	String delete(ActingUser me, @PathVariable long id, RedirectAttributes redirect) {
		tickets.delete(me, id);
		Toast.success(redirect, "Ticket #" + id + " deleted.");
		return REDIRECT_TO_BOARD;
	}

	@PostMapping(path = "/tickets/{id}/delete", produces = JSON)
	@ResponseBody
	ApiResponse deleteJson(ActingUser me, @PathVariable long id) {
		return ApiResponse.ok(DeletedTicket.of(tickets.delete(me, id)));
	}

	private static TicketStatus parseStatus(String status) {
		return TicketStatus.parse(status)
			.orElseThrow(
					() -> new ValidationException(Map.of("status", "Status must be one of open, in_progress, done.")));
	}

	private ModelAndView page(ActingUser me, CsrfToken csrf, TicketForm form, Map<String, String> errors,
			HttpStatus status) {
		ModelAndView mav = new ModelAndView(VIEW_LIST);
		mav.setStatus(status);
		mav.addObject("form", form);
		mav.addObject("errors", errors);
		mav.addObject("board", board.html(me, csrf));
		return mav;
	}

}
