package io.velocity.hmr.server;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The host names the development endpoints answer to, as Vite's
 * {@code server.allowedHosts}. A page on any site can make the browser send requests to
 * the development server under that site's own name once the name resolves to the
 * developer's machine (DNS rebinding): the browser then takes the server for the site and
 * lets the page read what it serves, the client script with the socket's token included.
 * Only the {@code Host} header tells such a request apart.
 * <p>
 * Always allowed: {@code localhost} and its subdomains ({@code app.localhost}), IP
 * addresses (which no rebinding can hide behind), and this machine's host name. A
 * configured value allows that host; one with a leading dot ({@code .example.com}) also
 * its subdomains; {@code *} allows any host, and with it the attack.
 */
public final class AllowedHosts {

	/**
	 * Hosts allowed with nothing configured.
	 */
	public static final AllowedHosts LOCAL = new AllowedHosts(List.of());

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.%a-z]*");

	private final boolean any;

	private final Set<String> hosts = new LinkedHashSet<>();

	private final Set<String> domains = new LinkedHashSet<>();

	/**
	 * Create a new instance.
	 * @param configured host names allowed besides the local ones:
	 * {@code dev.example.com}, {@code .example.com} for it and its subdomains, or
	 * {@code *} for any
	 */
	public AllowedHosts(Collection<String> configured) {
		Assert.notNull(configured, "'configured' must not be null");
		this.any = configured.stream().anyMatch((host) -> host.strip().equals("*"));
		this.hosts.add("localhost");
		this.domains.add("localhost");
		for (String name : new String[] { System.getenv("HOSTNAME"), System.getenv("COMPUTERNAME") }) {
			if (StringUtils.hasText(name)) {
				this.hosts.add(normalize(name));
			}
		}
		for (String host : configured) {
			String normalized = normalize(host.strip());
			if (normalized.startsWith(".") && normalized.length() > 1) {
				this.domains.add(normalized.substring(1));
			}
			else if (!normalized.isEmpty() && !normalized.equals("*")) {
				this.hosts.add(normalized);
			}
		}
	}

	/**
	 * Whether a request with the given {@code Host} header (or forwarded host) may be
	 * answered.
	 * @param hostHeader the header's value, such as {@code localhost:8080}, or
	 * {@code null} when the request has none
	 * @return whether the host is allowed
	 */
	public boolean allows(@Nullable String hostHeader) {
		if (this.any || hostHeader == null) {
			// Without a Host header, no browser sent it.
			return true;
		}
		String host = hostOf(hostHeader);
		if (host.isEmpty()) {
			return false;
		}
		if (this.hosts.contains(host) || IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
			return true;
		}
		for (String domain : this.domains) {
			if (host.equals(domain) || host.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the host name of a {@code Host} header, without the port, lower case.
	 * @param hostHeader the header value
	 * @return the host name
	 */
	static String hostOf(String hostHeader) {
		String value = hostHeader.strip();
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			return (end > 0) ? value.substring(1, end).toLowerCase(Locale.ROOT) : "";
		}
		int colon = value.lastIndexOf(':');
		return normalize((colon >= 0) ? value.substring(0, colon) : value);
	}

	private static String normalize(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		// "localhost." is the same name as "localhost".
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	@Override
	public String toString() {
		return this.any ? "any host" : "localhost, IP addresses, " + this.hosts + " and subdomains of " + this.domains;
	}

}
