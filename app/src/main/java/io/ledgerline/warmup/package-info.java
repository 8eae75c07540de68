/**
 * Warming an instance up before its port opens: the whole request path, the signed-in
 * pages included, for an org that cannot exist. A package of its own because it reaches
 * into several features (tenancy, invoices) and nothing depends on it.
 */
package io.ledgerline.warmup;
