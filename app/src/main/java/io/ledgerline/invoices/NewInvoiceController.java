package io.ledgerline.invoices;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.Toast;
import io.ledgerline.web.RepeatedFields;
import io.ledgerline.web.ValidationException;

/**
 * The new-invoice form and its submit. Without JavaScript the form's own buttons add
 * ({@code addLine}) and remove ({@code removeLine=<index>}) lines: those posts re-render
 * the form with every value kept and write nothing.
 */
@Controller
class NewInvoiceController {

	static final String VIEW_NEW = "invoices/new";

	private final InvoiceCreation creation;

	private final Clock clock;

	NewInvoiceController(InvoiceCreation creation, Clock clock) {
		this.creation = creation;
		this.clock = clock;
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
		return formPage(NewInvoiceForm.blank(LocalDate.now(clock.withZone(ZoneOffset.UTC))), Map.of(), HttpStatus.OK);
	}

	@PostMapping("/invoices")
	ModelAndView create(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		NewInvoiceForm form = NewInvoiceForm.from(request);
		if (request.getParameter("addLine") != null) {
			return formPage(form.withLineAdded(), Map.of(), HttpStatus.OK);
		}
		String removeLine = request.getParameter("removeLine");
		if (removeLine != null) {
			return formPage(form.withLineRemoved(lineIndex(removeLine)), Map.of(), HttpStatus.OK);
		}
		NewInvoiceForm.Validated validated = form.validate();
		if (validated.invoice().isEmpty()) {
			return formPage(form, validated.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Invoice created = creation.create(me, validated.invoice().get());
		Toast.success(redirect, created.number() + " created.");
		return new ModelAndView("redirect:/invoices/" + created.id());
	}

	/** JSON: 201 with the invoice and its {@code Location}, or the 422 envelope. */
	@PostMapping(path = "/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<ApiResponse> createJson(ActingUser me, HttpServletRequest request) {
		NewInvoiceForm.Validated validated = NewInvoiceForm.from(request).validate();
		Invoice created = creation.create(me,
				validated.invoice().orElseThrow(() -> new ValidationException(validated.errors())));
		return ResponseEntity.created(URI.create("/invoices/" + created.id())).body(ApiResponse.ok(created));
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

	private static int lineIndex(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("removeLine must be the index of a line.");
		}
	}

}
