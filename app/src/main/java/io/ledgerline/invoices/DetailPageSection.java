package io.ledgerline.invoices;

import org.springframework.ui.Model;

import io.ledgerline.tenancy.ActingUser;

/**
 * A part of the invoice detail page that another feature owns (the comment thread): it
 * adds what its own template fragment needs to the model. Features build on invoices
 * through this, so invoices never depends on them. Called after the invoice was found and
 * its visibility checked for the acting user.
 */
public interface DetailPageSection {

	void addTo(ActingUser actor, Invoice invoice, Model model);

}
