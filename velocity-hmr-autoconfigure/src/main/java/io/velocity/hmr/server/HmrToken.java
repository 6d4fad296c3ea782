package io.velocity.hmr.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The secret a page must present to open the HMR socket. A new one is generated for each
 * server run and written into the pages the server renders, so that another site open in
 * the same browser cannot connect to the socket and read the application's source code
 * from the updates.
 */
public final class HmrToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 32;

	private final String value;

	private HmrToken(String value) {
		this.value = value;
	}

	/**
	 * Generate a new random token of 256 bits.
	 * @return the token
	 */
	public static HmrToken generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new HmrToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * Return a token with a known value, for tests and for a value shared with another
	 * process.
	 * @param value the value, at least 22 URL-safe characters (128 bits)
	 * @return the token
	 */
	public static HmrToken of(String value) {
		Assert.isTrue(value != null && value.length() >= 22 && value.matches("[A-Za-z0-9_-]+"),
				"'value' must be at least 22 URL-safe characters");
		return new HmrToken(value);
	}

	/**
	 * Return the value, safe to put into a URL as it is.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return whether a candidate equals this token, in time that does not depend on how
	 * much of it is right.
	 * @param candidate the value a client presented, or {@code null}
	 * @return whether it matches
	 */
	public boolean matches(@Nullable String candidate) {
		if (candidate == null) {
			return false;
		}
		return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		// Keep the secret out of logs and failure messages.
		return "HmrToken[****]";
	}

}
