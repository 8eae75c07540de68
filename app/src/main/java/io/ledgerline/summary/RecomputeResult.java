package io.ledgerline.summary;

import java.math.BigDecimal;

/** What one recompute found and stored: the org's active invoice count and total. */
public record RecomputeResult(String orgId, long activeCount, BigDecimal activeTotal) {
}
