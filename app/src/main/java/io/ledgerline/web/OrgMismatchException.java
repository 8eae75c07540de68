package io.ledgerline.web;

/**
 * A form opened in one org was submitted while another org is active: nothing was
 * written. {@code 409 org_mismatch} for JSON; a page keeps the user's input where its
 * controller can (an {@code @ExceptionHandler} beside the form's handler), an error page
 * naming both orgs otherwise.
 */
public class OrgMismatchException extends RuntimeException {

	private final String formOrgName;

	private final String activeOrgName;

	/**
	 * @param formOrgName the name of the org the form was opened in, or null when the
	 * user is not (or no longer) a member of it
	 * @param activeOrgName the name of the active org
	 */
	public OrgMismatchException(String formOrgName, String activeOrgName) {
		super(message(formOrgName, activeOrgName));
		this.formOrgName = formOrgName;
		this.activeOrgName = activeOrgName;
	}

	private static String message(String formOrgName, String activeOrgName) {
		if (formOrgName == null) {
			return "Nothing was saved: this form was opened in an organisation you are no longer a member of, "
					+ "and your active organisation is " + activeOrgName + ".";
		}
		return "Nothing was saved: this form was opened in " + formOrgName + ", but your active organisation is now "
				+ activeOrgName + " (switched in another tab?). Switch back to " + formOrgName
				+ " and submit again to save it there.";
	}

	/** The org the form was opened in, or null when the user is not a member of it. */
	public String formOrgName() {
		return formOrgName;
	}

	public String activeOrgName() {
		return activeOrgName;
	}

}
