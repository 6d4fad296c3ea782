package io.velocity.hmr.server;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AllowedHosts}.
 */
class AllowedHostsTests {

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:8080", "LOCALHOST:8080", "localhost.:8080", "app.localhost:8080",
			"127.0.0.1:8080", "192.168.1.20:8080", "[::1]:8080", "[fe80::1%25eth0]:8080", "10.0.0.2" })
	void allowsLocalNamesAndIpAddressesByDefault(String host) {
		assertThat(AllowedHosts.LOCAL.allows(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.example:8080", "evil.example", "localhost.evil.example:8080", "127.0.0.1.nip.io",
			"evillocalhost:8080", "", ":8080" })
	void refusesOtherNamesByDefault(String host) {
		assertThat(AllowedHosts.LOCAL.allows(host)).isFalse();
	}

	@Test
	void allowsConfiguredHostsAndDomains() {
		AllowedHosts hosts = new AllowedHosts(List.of("dev.example.test", ".team.example"));
		assertThat(hosts.allows("dev.example.test:8443")).isTrue();
		assertThat(hosts.allows("other.example.test")).isFalse();
		assertThat(hosts.allows("team.example")).isTrue();
		assertThat(hosts.allows("a.b.team.example:443")).isTrue();
		assertThat(hosts.allows("evilteam.example")).isFalse();
	}

	@Test
	void anyHostWithAStar() {
		assertThat(new AllowedHosts(List.of("*")).allows("evil.example")).isTrue();
	}

}
