package io.ledgerline.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;

/**
 * Sessions read from this instance's memory and written to the database, the store of
 * record.
 *
 * <ul>
 * <li>A read is a tag cache read under the session's own tag: served from memory, loaded
 * from the database on a miss.
 * <li>A change (an attribute set or removed, a new id, a new timeout, sign-out) is
 * written in one transaction that also asks the cache to {@code updateTag} the session's
 * tag: the cluster's recorder journals it in that transaction, and after the commit every
 * instance drops its copy (over the bus, or from the journal when the request carries the
 * writer's causal token, or when the bus comes back). A sign-out or an org switch is
 * therefore seen on the next request on any instance by the same argument as
 * read-your-writes of an invoice edit.
 * <li>The last access alone is written at most once per touch interval, and announced to
 * nobody: an instance whose copy looks expired loads it again before it believes it.
 * </ul>
 */
class CachedSessionRepository implements SessionRepository<CachedSession> {

	/**
	 * Session ids are UUIDs; anything else is refused before it costs a database read.
	 */
	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final TagCache cache;

	private final SessionRows rows;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SessionProperties properties;

	private final CacheLife life;

	private final Function<byte[], Object> deserializer;

	private final Function<Object, byte[]> serializer;

	private final SessionMetrics metrics;

	private final PrincipalNameIndexResolver<CachedSession> principals = new PrincipalNameIndexResolver<>();

	CachedSessionRepository(TagCache cache, SessionRows rows, TransactionTemplate transactions, Clock clock,
			SessionProperties properties, Function<Object, byte[]> serializer, Function<byte[], Object> deserializer,
			SessionMetrics metrics) {
		this.cache = cache;
		this.rows = rows;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.serializer = serializer;
		this.deserializer = deserializer;
		this.metrics = metrics;
		// Revalidated in the background after a while only as a net under the bus (every
		// change is announced); gone from memory after a timeout without use.
		this.life = new CacheLife("session", Duration.ZERO, properties.timeout(),
				properties.timeout().plus(properties.timeout()));
	}

	@Override
	public CachedSession createSession() {
		return new CachedSession(clock, properties.touchInterval(), properties.timeout());
	}

	@Override
	public CachedSession findById(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return null;
		}
		Instant now = clock.instant();
		boolean[] loaded = { false };
		Cached<SessionRecord> cached;
		try {
			// A copy that looks expired is loaded again: another instance may have
			// written a later access.
			// The tag is the key too: one digest per lookup (it runs on every request).
			String tag = tag(id);
			cached = cache.get(tag, List.of(tag), life, () -> {
				loaded[0] = true;
				return rows.find(id).map(row -> SessionRecord.of(row, deserializer)).orElseThrow(NoSuchSession::new);
			}, (SessionRecord copy) -> !copy.looksExpiredAt(now));
		}
		catch (NoSuchSession gone) {
			metrics.loaded();
			return null;
		}
		if (loaded[0]) {
			metrics.loaded();
		}
		else {
			metrics.fromMemory();
		}
		SessionRecord record = cached.value();
		// Just loaded (or joined a load that started after this copy was refused): the
		// database says so too. The expired-row cleanup deletes it.
		return record.looksExpiredAt(now) ? null : new CachedSession(clock, properties.touchInterval(), record);
	}

	@Override
	public void save(CachedSession session) {
		if (session.isNew()) {
			insert(session);
		}
		else if (session.isChanged()) {
			update(session);
		}
		else if (session.isTouchDue()) {
			rows.touch(session.primaryId(), session.getLastAccessedTime(), session.getMaxInactiveInterval());
			session.touched();
			metrics.written("touched");
		}
	}

	private void insert(CachedSession session) {
		Map<String, byte[]> attributes = new LinkedHashMap<>();
		session.attributes().forEach((name, value) -> attributes.put(name, serializer.apply(value)));
		SessionRows.Row row = new SessionRows.Row(session.primaryId(), session.getId(), session.getCreationTime(),
				session.getLastAccessedTime(), session.getMaxInactiveInterval(), attributes);
		// Nobody can hold a copy of an id that was never stored: nothing to announce.
		transactions.executeWithoutResult(status -> rows.insert(row, principals.resolveIndexValueFor(session)));
		session.saved(snapshot(session));
		metrics.written("created");
	}

	private void update(CachedSession session) {
		Map<String, byte[]> set = new LinkedHashMap<>();
		List<String> removed = new ArrayList<>();
		session.delta().forEach((name, value) -> {
			if (value == null) {
				removed.add(name);
			}
			else {
				set.put(name, serializer.apply(value));
			}
		});
		String storedId = session.storedId();
		SessionRows.Change change = new SessionRows.Change(session.getId().equals(storedId) ? null : session.getId(),
				session.maxInactiveChanged() ? session.getMaxInactiveInterval() : null, session.getLastAccessedTime(),
				set, removed, principals.resolveIndexValueFor(session));
		transactions.executeWithoutResult(status -> {
			if (rows.update(session.primaryId(), change)) {
				announce(storedId);
			}
		});
		session.saved(snapshot(session));
		metrics.written("changed");
	}

	@Override
	public void deleteById(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			if (rows.delete(id) > 0) {
				announce(id);
			}
		});
		metrics.written("deleted");
	}

	/**
	 * Every instance drops its copy of the session stored under {@code id}, after the
	 * transaction commits. The user is waiting on this change (their sign-out, their org
	 * switch), which is what an action is, whichever request saves it (a sign-in is not
	 * an authenticated request; a session saved as a response is sent may be a GET).
	 */
	private void announce(String id) {
		try (InvocationScope scope = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(tag(id));
		}
	}

	private SessionRecord snapshot(CachedSession session) {
		return new SessionRecord(session.primaryId(), session.getId(), session.getCreationTime(),
				session.getLastAccessedTime(), session.getMaxInactiveInterval(), session.attributes(), 0);
	}

	/**
	 * The session's tag: a digest of its id, because tags travel through Redis and the
	 * journal, and a session id is a credential.
	 */
	static String tag(String id) {
		return "session:" + digest(id);
	}

	private static String digest(String id) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 unavailable", e);
		}
	}

	/** The loader's way of saying there is no such session (nothing is cached). */
	private static final class NoSuchSession extends RuntimeException {

		NoSuchSession() {
			super(null, null, false, false);
		}

	}

}
