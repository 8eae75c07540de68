package io.ledgerline.tickets;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.idempotency.IdempotencyKey;
import io.ledgerline.idempotency.IdempotentCreates;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.FormOrg;
import io.ledgerline.web.OrgMismatchException;
import io.ledgerline.web.SecureRandoms;
import io.ledgerline.web.Toast;
import io.ledgerline.web.ValidationException;

/**
 * The ticket board and its three actions. Each action commits (its invalidation runs
 * after the commit), then answers 303 back to the board, so the redirect renders the new
 * board. Every form carries the org it was opened in ({@link FormOrg#FIELD}); the create
 * form also a one-time key ({@link IdempotencyKey#FIELD}), so a resubmit opens no second
 * ticket.
 */
@Controller
class TicketController {

	static final String VIEW_LIST = "tickets/list";

	private static final String REDIRECT_TO_BOARD = "redirect:" + TicketInvalidation.PAGE_PATH;

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final TicketService tickets;

	private final TicketBoard board;

	private final SecureRandom random = SecureRandoms.drbg();

	TicketController(TicketService tickets, TicketBoard board) {
		this.tickets = tickets;
		this.board = board;
	}

	@GetMapping("/tickets")
	ModelAndView list(ActingUser me) {
		return page(me, TicketForm.empty(), Map.of(), HttpStatus.OK).addObject("createKey", newKey());
	}

	@PostMapping("/tickets")
	ModelAndView create(ActingUser me, @ModelAttribute("form") TicketForm form, HttpServletRequest request,
			RedirectAttributes redirect) {
		Optional<IdempotencyKey> key = IdempotencyKey.of(request);
		TicketForm.Validated validated = form.validate();
		if (validated.ticket().isEmpty()) {
			return page(me, form, validated.errors(), HttpStatus.UNPROCESSABLE_CONTENT).addObject("createKey",
					key.map(IdempotencyKey::value).orElseGet(this::newKey));
		}
		IdempotentCreates.Outcome<Ticket> created = tickets.create(me, validated.ticket().get(), key);
		// A resubmit lands where the first submit did, and says why nothing new appeared.
		Toast.success(redirect, "Ticket #" + created.value().number()
				+ (created.replayed() ? " was already opened by this form." : " opened."));
		return new ModelAndView(REDIRECT_TO_BOARD);
	}

	/**
	 * JSON: the new ticket; with an {@code Idempotency-Key} seen before, the ticket the
	 * first request opened, and {@code Idempotent-Replayed: true}.
	 */
	@PostMapping(path = "/tickets", produces = JSON)
	@ResponseBody
	ResponseEntity<ApiResponse> createJson(ActingUser me, @ModelAttribute("form") TicketForm form,
			HttpServletRequest request) {
		Optional<IdempotencyKey> key = IdempotencyKey.of(request);
		IdempotentCreates.Outcome<Ticket> created = tickets.create(me, form.validate().orElseThrow(), key);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (created.replayed()) {
			answer.header(IdempotencyKey.REPLAYED_HEADER, "true");
		}
		return answer.body(ApiResponse.ok(created.value()));
	}

	/**
	 * A form of the board opened in another org than the active one: nothing changed; the
	 * board of the active org (409) with the message naming both orgs, and the create
	 * form's values (with their org and key) kept. A JSON request gets the error envelope
	 * from the global handler.
	 */
	@ExceptionHandler(exception = OrgMismatchException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView orgMismatch(OrgMismatchException refused, ActingUser me, HttpServletRequest request) {
		TicketForm typed = new TicketForm(orEmpty(request.getParameter("title")),
				orEmpty(request.getParameter("body")));
		String key = request.getParameter(IdempotencyKey.FIELD);
		return page(me, typed, Map.of(), HttpStatus.CONFLICT).addObject("orgMismatch", refused.getMessage())
			.addObject("formOrg", request.getParameter(FormOrg.FIELD))
			.addObject("createKey", key != null ? key : newKey());
	}

	private String newKey() {
		return SecureRandoms.uuid(this.random).toString();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	@PostMapping("/tickets/{id}/status")
	String changeStatus(ActingUser me, @PathVariable long id, @RequestParam(required = false) String status,
			RedirectAttributes redirect) {
		TicketStatus wanted = parseStatus(status);
		StatusChange change = tickets.changeStatus(me, id, wanted);
		String label = wanted.label().toLowerCase(Locale.ROOT);
		// The org's number, as the board shows it; the id is only the URL's.
		long number = change.ticket().number();
		if (change.changed()) {
			Toast.success(redirect, "Ticket #" + number + " moved to " + label + ".");
		}
		else {
			Toast.info(redirect, "Ticket #" + number + " is already " + label + ".");
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
		Ticket deleted = tickets.delete(me, id);
		Toast.success(redirect, "Ticket #" + deleted.number() + " deleted.");
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

	private ModelAndView page(ActingUser me, TicketForm form, Map<String, String> errors, HttpStatus status) {
		ModelAndView mav = new ModelAndView(VIEW_LIST);
		mav.setStatus(status);
		mav.addObject("form", form);
		mav.addObject("errors", errors);
		mav.addObject("board", board.html(me));
		return mav;
	}

}
