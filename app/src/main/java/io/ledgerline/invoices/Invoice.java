package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One invoice row as the server currently has it; {@code version} is the write
 * precondition.
 */
public record Invoice(long id, @JsonIgnore String orgId, String number, String customerName, InvoiceStatus status,
		BigDecimal total, LocalDate issuedOn, LocalDate dueOn, long version, Instant createdAt, Instant updatedAt,
		Instant archivedAt, Instant deletedAt) {

	@JsonProperty
	public Lifecycle lifecycle() {
		if (deletedAt != null) {
			return Lifecycle.DELETED;
		}
		return archivedAt != null ? Lifecycle.ARCHIVED : Lifecycle.ACTIVE;
	}

	@JsonIgnore
	public boolean isActive() {
		return lifecycle() == Lifecycle.ACTIVE;
	}

	/**
	 * Sent and past its due date on {@code today}: derived, never stored, so it changes
	 * at midnight without a write (docs/INVOICES.md).
	 */
	public boolean isOverdueOn(LocalDate today) {
		return status == InvoiceStatus.SENT && dueOn.isBefore(today);
	}

}
