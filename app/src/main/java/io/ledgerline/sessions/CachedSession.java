package io.ledgerline.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.session.Session;

/**
 * One request's view of a session: the record from memory, plus what this request changed
 * (the delta a save writes). A session nobody changed is never written, apart from its
 * last access, at most once per touch interval.
 */
final class CachedSession implements Session {

	private final Clock clock;

	private final Duration touchInterval;

	/**
	 * What the database holds (as far as this instance knows); null until first saved.
	 */
	private SessionRecord record;

	private final String primaryId;

	private final Instant createdAt;

	/** The id under which the session is stored (changed by a save of a new id). */
	private String storedId;

	private String id;

	private Instant lastAccessedAt;

	private Duration maxInactive;

	private boolean maxInactiveChanged;

	/** The record's attributes until this request changes one; then its own copy. */
	private Map<String, Object> attributes;

	/** Attributes set (value) or removed (null) by this request, by name. */
	private final Map<String, Object> delta = new LinkedHashMap<>();

	/** A session created by this request and not saved yet. */
	CachedSession(Clock clock, Duration touchInterval, Duration maxInactive) {
		this.clock = clock;
		this.touchInterval = touchInterval;
		this.primaryId = UUID.randomUUID().toString();
		this.id = UUID.randomUUID().toString();
		this.createdAt = clock.instant();
		this.lastAccessedAt = createdAt;
		this.maxInactive = maxInactive;
		this.attributes = new HashMap<>();
	}

	/** A stored session, as this request found it. */
	CachedSession(Clock clock, Duration touchInterval, SessionRecord record) {
		this.clock = clock;
		this.touchInterval = touchInterval;
		this.record = record;
		this.primaryId = record.primaryId();
		this.createdAt = record.createdAt();
		this.storedId = record.id();
		this.id = record.id();
		this.lastAccessedAt = record.lastAccessedAt();
		this.maxInactive = record.maxInactive();
		this.attributes = record.attributes();
	}

	boolean isNew() {
		return record == null;
	}

	String primaryId() {
		return primaryId;
	}

	/** The id the database has it under (the one a save must announce), null if new. */
	String storedId() {
		return storedId;
	}

	SessionRecord record() {
		return record;
	}

	/** Whether a save must write more than the last access (and announce it). */
	boolean isChanged() {
		return !delta.isEmpty() || maxInactiveChanged || !id.equals(storedId);
	}

	/** Whether the last access moved far enough past the stored one to be written. */
	boolean isTouchDue() {
		return record != null && !lastAccessedAt.isBefore(record.lastAccessedAt().plus(touchInterval));
	}

	Map<String, Object> delta() {
		return delta;
	}

	boolean maxInactiveChanged() {
		return maxInactiveChanged;
	}

	/** After a save: this request's changes are now what the database holds. */
	void saved(SessionRecord stored) {
		record = stored;
		storedId = id;
		delta.clear();
		maxInactiveChanged = false;
	}

	/** After a save of the last access alone. */
	void touched() {
		record.accessedAt(lastAccessedAt);
	}

	@Override
	public String getId() {
		return id;
	}

	@Override
	public String changeSessionId() {
		id = UUID.randomUUID().toString();
		return id;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getAttribute(String name) {
		return (T) attributes.get(name);
	}

	@Override
	public Set<String> getAttributeNames() {
		return Set.copyOf(attributes.keySet());
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			removeAttribute(name);
			return;
		}
		ownAttributes().put(name, value);
		delta.put(name, value);
	}

	@Override
	public void removeAttribute(String name) {
		if (!attributes.containsKey(name)) {
			return;
		}
		ownAttributes().remove(name);
		delta.put(name, null);
	}

	private Map<String, Object> ownAttributes() {
		if (record != null && attributes == record.attributes()) {
			attributes = new HashMap<>(attributes);
		}
		return attributes;
	}

	@Override
	public Instant getCreationTime() {
		return createdAt;
	}

	/**
	 * Spring Session's filter passes its own {@code Instant.now()}; the session takes the
	 * app's clock instead, so expiry and the touch interval follow one clock (the one
	 * tests control).
	 */
	@Override
	public void setLastAccessedTime(Instant ignored) {
		Instant now = clock.instant();
		if (now.isAfter(lastAccessedAt)) {
			lastAccessedAt = now;
		}
	}

	@Override
	public Instant getLastAccessedTime() {
		return lastAccessedAt;
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		if (!interval.equals(maxInactive)) {
			maxInactive = interval;
			maxInactiveChanged = true;
		}
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return maxInactive;
	}

	@Override
	public boolean isExpired() {
		return !maxInactive.isNegative() && !lastAccessedAt.plus(maxInactive).isAfter(clock.instant());
	}

	/** The attributes as they are now, for a record of the saved session. */
	Map<String, Object> attributes() {
		return attributes;
	}

}
