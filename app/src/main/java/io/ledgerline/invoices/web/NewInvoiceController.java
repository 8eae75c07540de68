package io.ledgerline.invoices.web;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.idempotency.IdempotencyKey;
import io.ledgerline.idempotency.IdempotentCreates;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.FormOrg;
import io.ledgerline.web.OrgMismatchException;
import io.ledgerline.web.Toast;
import io.ledgerline.web.RepeatedFields;
import io.ledgerline.web.SecureRandoms;
import io.ledgerline.web.ValidationException;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceStatus;
import io.ledgerline.invoices.write.InvoiceCreation;

/**
 * The new-invoice form and its submit. Without JavaScript the form's own buttons add
 * ({@code addLine}) and remove ({@code removeLine=<index>}) lines: those posts re-render
 * the form with every value kept and write nothing.
 *
 * <p>
 * The form carries the org it was opened in ({@link FormOrg#FIELD}) and a one-time key
 * ({@link IdempotencyKey#FIELD}), kept through every re-render: a double click, a retry
 * or a resubmit after a lost answer gets the invoice the first submit created, and a
 * submit after the user switched orgs in another tab is refused with the values kept.
 */
@Controller
class NewInvoiceController {

	static final String VIEW_NEW = "invoices/new";

	private final InvoiceCreation creation;

	private final InvoiceReads reads;

	private final SecureRandom random = SecureRandoms.drbg();

	NewInvoiceController(InvoiceCreation creation, InvoiceReads reads) {
		this.creation = creation;
		this.reads = reads;
	}

	/**
	 * The line fields arrive once per line, aligned by position; every other field sent
	 * twice is still refused.
	 */
	@Bean
	static RepeatedFields newInvoiceLineFields() {
		return new RepeatedFields(Set.of("lineDescription", "lineQuantity", "lineUnitPrice"));
	}

	@GetMapping("/invoices/new")
	ModelAndView form(ActingUser me) {
		return formPage(blank(me), Map.of(), HttpStatus.OK).addObject("formOrg", me.orgId())
			.addObject("createKey", newKey());
	}

	@PostMapping("/invoices")
	ModelAndView create(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		NewInvoiceForm form = NewInvoiceForm.from(request);
		Optional<IdempotencyKey> key = IdempotencyKey.of(request);
		if (request.getParameter("addLine") != null) {
			return formPage(me, form.withLineAdded(), key, Map.of(), HttpStatus.OK);
		}
		String removeLine = request.getParameter("removeLine");
		if (removeLine != null) {
			return formPage(me, form.withLineRemoved(lineIndex(removeLine)), key, Map.of(), HttpStatus.OK);
		}
		NewInvoiceForm.Validated validated = form.validate(reads.paymentTermsDays(me));
		if (validated.invoice().isEmpty()) {
			return formPage(me, form, key, validated.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		IdempotentCreates.Outcome<Invoice> outcome = creation.create(me, validated.invoice().get(), key);
		Invoice created = outcome.value();
		// A resubmit lands where the first submit did, and says why nothing new appeared.
		Toast.success(redirect, outcome.replayed() ? created.number() + " was already created by this form."
				: created.number() + " created.");
		return new ModelAndView("redirect:/invoices/" + created.id());
	}

	/**
	 * JSON: 201 with the invoice and its {@code Location}, or the 422 envelope. With an
	 * {@code Idempotency-Key}, a repeat answers the same 201 with the invoice the first
	 * request created (as it is now) and {@code Idempotent-Replayed: true}.
	 */
	@PostMapping(path = "/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<ApiResponse> createJson(ActingUser me, HttpServletRequest request) {
		NewInvoiceForm.Validated validated = NewInvoiceForm.from(request).validate(reads.paymentTermsDays(me));
		Optional<IdempotencyKey> key = IdempotencyKey.of(request);
		IdempotentCreates.Outcome<Invoice> outcome = creation.create(me,
				validated.invoice().orElseThrow(() -> new ValidationException(validated.errors())), key);
		Invoice created = outcome.value();
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/invoices/" + created.id()));
		if (outcome.replayed()) {
			answer.header(IdempotencyKey.REPLAYED_HEADER, "true");
		}
		return answer.body(ApiResponse.ok(created));
	}

	/**
	 * The form was opened in another org than the active one: the form again, with the
	 * user's values, its org and key, and the message naming both orgs (409). A JSON
	 * request gets the error envelope from the global handler.
	 */
	@ExceptionHandler(exception = OrgMismatchException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView orgMismatch(OrgMismatchException refused, ActingUser me, HttpServletRequest request) {
		NewInvoiceForm form;
		try {
			form = NewInvoiceForm.from(request);
		}
		catch (BadRequestException unreadable) {
			form = blank(me);
		}
		String key = request.getParameter(IdempotencyKey.FIELD);
		return formPage(form, Map.of(), HttpStatus.CONFLICT).addObject("formOrg", request.getParameter(FormOrg.FIELD))
			.addObject("createKey", key != null ? key : newKey())
			.addObject("orgMismatch", refused.getMessage());
	}

	private ModelAndView formPage(ActingUser me, NewInvoiceForm form, Optional<IdempotencyKey> key,
			Map<String, String> errors, HttpStatus status) {
		return formPage(form, errors, status).addObject("formOrg", me.orgId())
			.addObject("createKey", key.map(IdempotencyKey::value).orElseGet(this::newKey));
	}

	private static ModelAndView formPage(NewInvoiceForm form, Map<String, String> errors, HttpStatus status) {
		ModelAndView mav = new ModelAndView(VIEW_NEW);
		mav.setStatus(status);
		mav.addObject("form", form);
		mav.addObject("errors", errors);
		mav.addObject("statuses", InvoiceStatus.values());
		mav.addObject("maxLines", NewInvoiceForm.MAX_LINES);
		return mav;
	}

	/** An empty form for the actor's org: issued today, due after the org's terms. */
	private NewInvoiceForm blank(ActingUser me) {
		return NewInvoiceForm.blank(reads.today(), reads.paymentTermsDays(me));
	}

	private String newKey() {
		return SecureRandoms.uuid(this.random).toString();
	}

	static int lineIndex(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("removeLine must be the index of a line.");
		}
	}

}
