package io.ledgerline.tagcache.redis;

/**
 * The Lua scripts of {@link RedisInvalidationBus}: each runs atomically in Redis, so a
 * read and the write that depends on it cannot interleave with another instance's.
 */
final class BusScripts {

	/** max(INCR, proposed): a counter that came back empty jumps to what callers know. */
	static final String NEXT_EPOCH = """
			local v = redis.call('INCR', KEYS[1])
			local p = tonumber(ARGV[1])
			if v < p then redis.call('SET', KEYS[1], ARGV[1]) v = p end
			return v""";

	/** Raises the counter to at least ARGV[1] (after Redis came back, maybe empty). */
	static final String RAISE_COUNTER = """
			local v = tonumber(redis.call('GET', KEYS[1]) or '0')
			if v < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
			return 0""";

	/** Records the tag's latest epoch per kind (only if higher), then publishes. */
	static final String PUBLISH = """
			local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
			if (not s) or tonumber(s) < tonumber(ARGV[2]) then
			  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			end
			return redis.call('PUBLISH', ARGV[4], ARGV[3])""";

	/**
	 * Marks the counter with the time (the earliest time it had that value), then removes
	 * up to ARGV[3] tag records whose epochs were allocated before the newest mark older
	 * than the cutoff, and raises the "trimmed through" watermark to the highest removed.
	 */
	static final String TRIM = """
			local counter = redis.call('GET', KEYS[1]) or '0'
			redis.call('ZADD', KEYS[4], 'NX', ARGV[1], counter)
			local mark = redis.call('ZREVRANGEBYSCORE', KEYS[4], ARGV[2], '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
			if #mark == 0 then return 0 end
			redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. mark[2])
			local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', mark[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
			if #old == 0 then return 0 end
			local members = {}
			local highest = 0
			for i = 1, #old, 2 do
			  members[#members + 1] = old[i]
			  local e = tonumber(old[i + 1])
			  if e > highest then highest = e end
			end
			redis.call('ZREM', KEYS[2], unpack(members))
			redis.call('HDEL', KEYS[3], unpack(members))
			local through = tonumber(redis.call('HGET', KEYS[5], 'through') or '0')
			if highest > through then
			  redis.call('HSET', KEYS[5], 'through', string.format('%.0f', highest), 'at', mark[2])
			end
			return #members""";

	private BusScripts() {
	}

}
