package io.ledgerline.audit;

import java.time.Instant;

public record AuditEntry(long id, String orgId, long actorId, String actorEmail, String action, String subjectType,
		String subjectId, String detail, Instant occurredAt) {
}
