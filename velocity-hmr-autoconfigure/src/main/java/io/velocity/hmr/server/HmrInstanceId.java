package io.velocity.hmr.server;

import java.util.UUID;

import org.springframework.util.Assert;

/**
 * The id of this run of the server, sent to every client on connect and written into the
 * pages' client script: a client that meets another id knows the server restarted.
 *
 * @param value the id
 */
public record HmrInstanceId(String value) {

	public HmrInstanceId {
		Assert.hasText(value, "'value' must not be empty");
	}

	/**
	 * Create a random id.
	 * @return the id
	 */
	public static HmrInstanceId generate() {
		return new HmrInstanceId(UUID.randomUUID().toString());
	}

}
