package io.ledgerline.web;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Secure randomness for what every request needs (the CSRF mask, the CSP nonce, a form's
 * idempotency key) without one lock for the whole process. The default
 * {@code new SecureRandom()} on Linux (NativePRNG) mixes every call, from every instance,
 * through one shared synchronized generator: under load the request threads queued on it
 * for 10–40 ms (docs/BENCHMARKS.md). A DRBG instance (NIST SP 800-90A, seeded from the
 * system) locks only itself and makes no system call per draw; each user keeps its own.
 */
public final class SecureRandoms {

	private SecureRandoms() {
	}

	/** A new DRBG generator, for one user to keep. */
	public static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("This JDK has no DRBG SecureRandom.", missing);
		}
	}

	/** A random (version 4) UUID drawn from {@code random}. */
	public static UUID uuid(SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong());
	}

}
