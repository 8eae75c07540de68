package io.ledgerline.web;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-line message shown once on the page the user lands on after an action, with an
 * optional undo (a real form, so it works without JavaScript). Serializable: it travels
 * as a flash attribute in the session, which the cluster profile stores in the database.
 */
public record Toast(Kind kind, String message, Undo undo) implements Serializable {

	public enum Kind {

		SUCCESS, INFO, ERROR

	}

	/**
	 * The action that takes the last one back: a POST to {@code action} with the row's
	 * version (optimistic locking applies to the undo like to any write) and the list
	 * view to return to.
	 */
	public record Undo(String action, long version, String view) {
	}

	public static final String ATTRIBUTE = "toast";

	public Toast(Kind kind, String message) {
		this(kind, message, null);
	}

	public static void success(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute(ATTRIBUTE, new Toast(Kind.SUCCESS, message));
	}

	/** A success the user can take back from the toast itself. */
	public static void successWithUndo(RedirectAttributes redirect, String message, Undo undo) {
		redirect.addFlashAttribute(ATTRIBUTE, new Toast(Kind.SUCCESS, message, undo));
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
