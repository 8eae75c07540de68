package io.ledgerline.tagcache.jdbc;

import java.sql.SQLException;

/**
 * A statement on the journal failed. Unchecked, so that a failed append fails the write
 * it belongs to (see {@code InvalidationRecorder}).
 */
public final class JournalException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	JournalException(String what, SQLException cause) {
		super(what + " failed: " + cause.getMessage(), cause);
	}

}
