package io.velocity.hmr.web;

import io.velocity.hmr.compile.JsonStrings;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the HMR client needs to know, written into {@code hmr-client.js} when it is served
 * so that the page needs no inline script (which a Content-Security-Policy could forbid).
 *
 * @param token the per-process token the socket requires
 * @param instanceId the id of this server run, to tell a restarted server
 * @param socketPath the path of the HMR socket
 * @param host the host to connect the socket to, or {@code null} for the page's
 * @param port the port to connect the socket to, or {@code null} for the page's
 * @param overlay whether to show errors in an overlay
 * @param debug whether the client exposes its state and update timings to scripts
 */
public record HmrClientSettings(String token, String instanceId, String socketPath, @Nullable String host,
		@Nullable Integer port, boolean overlay, boolean debug) {

	/**
	 * The identifier in {@code hmr-client.js} that the settings replace.
	 */
	static final String PLACEHOLDER = "__VELOCITY_HMR_CONFIG__";

	public HmrClientSettings {
		Assert.hasText(token, "'token' must not be empty");
		Assert.hasText(instanceId, "'instanceId' must not be empty");
		Assert.hasText(socketPath, "'socketPath' must not be empty");
	}

	String toJson() {
		return "{\"token\":" + JsonStrings.quote(this.token) + ",\"instanceId\":" + JsonStrings.quote(this.instanceId)
				+ ",\"path\":" + JsonStrings.quote(this.socketPath) + ",\"host\":"
				+ ((this.host != null) ? JsonStrings.quote(this.host) : "null") + ",\"port\":" + this.port
				+ ",\"overlay\":" + this.overlay + ",\"debug\":" + this.debug + "}";
	}

	String statusJson() {
		return "{\"instanceId\":" + JsonStrings.quote(this.instanceId) + "}";
	}

}
