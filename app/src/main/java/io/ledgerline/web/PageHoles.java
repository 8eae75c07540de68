package io.ledgerline.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Fills the {@link Hole holes} of a prerendered page for the request it answers. The
 * tenancy feature implements it: it knows the signed-in user.
 */
public interface PageHoles {

	/**
	 * The hole's value for this request, as HTML escaped for where holes sit (text or a
	 * double-quoted attribute); {@code model} is the handler's model (the toast a
	 * redirect left comes in it).
	 */
	String html(Hole hole, HttpServletRequest request, Map<String, ?> model);

}
