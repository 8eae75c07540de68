package io.ledgerline.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * How long until an invalidation made on one instance is applied on another, over a real
 * Redis: {@code updateTag} on cache A (epoch from Redis, record and publish) until cache
 * B's bus has delivered it, one at a time. Not a JMH benchmark: each sample is one round
 * trip, measured end to end.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.ledgerline.bench.InvalidationLatency redis://127.0.0.1:6379 10000
 * </pre>
 */
public final class InvalidationLatency {

	private InvalidationLatency() {
	}

	public static void main(String[] args) {
		String uri = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		String prefix = "ll:bench:" + UUID.randomUUID() + ":";
		try (RedisInvalidationBus busA = bus(uri, prefix); RedisInvalidationBus busB = bus(uri, prefix)) {
			TagCache a = TagCache.builder().bus(busA).instanceId("a").build();
			TagCache b = TagCache.builder().bus(busB).instanceId("b").build();
			AtomicLong delivered = new AtomicLong();
			busB.subscribe(message -> delivered.incrementAndGet());
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!(busA.isConnected() && busB.isConnected())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Redis at " + uri + " did not answer");
				}
				Thread.onSpinWait();
			}
			b.get("k", List.of("org:1:invoices"), CacheLife.DAYS, () -> "v");
			int warmup = Math.min(1_000, samples);
			run(a, delivered, warmup);
			long[] nanos = run(a, delivered, samples);
			Arrays.sort(nanos);
			System.out.printf("invalidations: %d, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", samples,
					ms(nanos[samples / 2]), ms(nanos[(int) (samples * 0.99)]), ms(nanos[(int) (samples * 0.999)]),
					ms(nanos[samples - 1]));
		}
	}

	private static long[] run(TagCache a, AtomicLong delivered, int count) {
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			long expected = delivered.get() + 1;
			long start = System.nanoTime();
			try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
				a.updateTag("org:1:invoices");
			}
			while (delivered.get() < expected) {
				Thread.onSpinWait();
			}
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	private static RedisInvalidationBus bus(String uri, String prefix) {
		return RedisInvalidationBus.builder().uri(uri).prefix(prefix).build().start();
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
