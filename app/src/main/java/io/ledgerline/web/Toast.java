package io.ledgerline.web;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-line message shown once on the page the user lands on after an action.
 * Serializable: it travels as a flash attribute in the session, which the cluster profile
 * stores in the database.
 */
public record Toast(Kind kind, String message) implements Serializable {

	public enum Kind {

		SUCCESS, INFO, ERROR

	}

	public static final String ATTRIBUTE = "toast";

	public static void success(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute(ATTRIBUTE, new Toast(Kind.SUCCESS, message));
	}

	/** Nothing went wrong and nothing changed (e.g. a no-op). */
	public static void info(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute(ATTRIBUTE, new Toast(Kind.INFO, message));
	}

	public static void error(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute(ATTRIBUTE, new Toast(Kind.ERROR, message));
	}

	public String cssClass() {
		return switch (kind) {
			case SUCCESS -> "toast-success";
			case INFO -> "toast-info";
			case ERROR -> "toast-error";
		};
	}

}
