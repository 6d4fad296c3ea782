package io.velocity.hmr.protocol;

/**
 * Thrown when text received on the HMR socket is not a message the server understands.
 * The message says what was wrong, in words fit to send back to the client.
 */
public class MalformedMessageException extends RuntimeException {

	public MalformedMessageException(String message) {
		super(message);
	}

	public MalformedMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
