/**
 * Pages shared by many requests, with per-request holes: the one home of that idea.
 *
 * <p>
 * A page (or a fragment of one, like the ticket board) is rendered once without the
 * request ({@link io.ledgerline.web.page.SharedTemplates}), with a marker
 * ({@link io.ledgerline.web.page.Hole}) wherever a value belongs to one request, and kept
 * as {@link io.ledgerline.web.page.SharedHtml}. Answering a request fills every hole from
 * one object, {@link io.ledgerline.web.page.RequestValues} (the CSRF token, the CSP
 * nonce, the acting user and their orgs, the toast, the server's now, "3 min ago"…).
 *
 * <ul>
 * <li>{@link io.ledgerline.web.page.PrerenderedPages} is the entry point: a whole page
 * cached beside the reads it shows, or a fragment rendered for sharing;
 * <li>{@link io.ledgerline.web.page.FramedViews} renders every other page (per request,
 * error pages included) with the same frame of holes around it and fills them the same
 * way, so the layout has one frame and one toast path;
 * <li>{@link io.ledgerline.web.page.PageUsers} is all this package asks of tenancy: who
 * is signed in, as the header shows them;
 * <li>{@link io.ledgerline.web.page.TimeHole} prints an instant as people read it ("3 min
 * ago") on a shared page, measured at each request.
 * </ul>
 * The template engine is used from this package only (ArchitectureTests).
 */
package io.ledgerline.web.page;
