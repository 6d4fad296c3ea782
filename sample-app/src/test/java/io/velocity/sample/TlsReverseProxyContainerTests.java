package io.velocity.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.Containers;
import io.velocity.hmr.test.EnabledWithDocker;
import io.velocity.hmr.test.IgnoreHttpsErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in the dev profile behind nginx in a container, which terminates TLS on
 * a port of its own as a developer's proxy does: the page is opened over https, and its
 * HMR socket goes over wss through the proxy, set with {@code velocity.hmr.client.*}.
 */
@EnabledWithDocker
@IgnoreHttpsErrors
// Its own context, for the proxy's properties: closed after the class so that it stops
// watching the shared sources.
@DirtiesContext
class TlsReverseProxyContainerTests extends HotReloadTestSupport {

	private static final int PROXY_PORT = Containers.freePort();

	private static final String PROXY_ORIGIN = "https://localhost:" + PROXY_PORT;

	// The certificate is made in the container by its openssl, for the one run of this
	// class.
	private static final String START = "mkdir -p /tmp/tls /tmp/nginx && openssl req -x509 -newkey ec"
			+ " -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost"
			+ " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout /tmp/tls/key.pem -out /tmp/tls/cert.pem"
			+ " && exec nginx -c /etc/velocity/nginx.conf -g 'daemon off;'";

	private static GenericContainer<?> proxy;

	private final List<String> sockets = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void behindTheProxy(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.client.host", () -> "localhost");
		registry.add("velocity.hmr.client.port", () -> PROXY_PORT);
		// The page's origin is the proxy's, which the app, reached over plain HTTP, does
		// not know as its own.
		registry.add("velocity.hmr.client.allowed-origins", () -> PROXY_ORIGIN);
	}

	@BeforeAll
	static void startProxy(@LocalServerPort int appPort) {
		String config = fixture("tls-proxy.conf").replace("@PROXY_PORT@", String.valueOf(PROXY_PORT))
			.replace("@APP_PORT@", String.valueOf(appPort));
		proxy = Containers.onHostNetwork(Containers.nginx())
			.withCopyToContainer(Transferable.of(config), "/etc/velocity/nginx.conf")
			.withCommand("sh", "-c", START)
			.waitingFor(Wait.forLogMessage(".*start worker process.*", 1));
		proxy.start();
	}

	@AfterAll
	static void stopProxy() {
		if (proxy != null) {
			proxy.stop();
		}
	}

	@Override
	@BeforeEach
	void open(Page page, ConsoleLog console) {
		page.onWebSocket((socket) -> this.sockets.add(socket.url()));
		super.open(page, console);
	}

	@Override
	String url(String path) {
		return PROXY_ORIGIN + path;
	}

	@Test
	void editingAComponentSwapsItInPlaceOverTheProxysSecureSocket() {
		assertThat(this.sockets).singleElement()
			.asString()
			.startsWith("wss://localhost:" + PROXY_PORT + "/__hmr?token=");
		clickIncrement(3);
		try {
			sources.edit("Counter.tsx", "Count: {count}", "Clicks: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Clicks: 3");
			assertNoReload();
			assertLogged("[velocity] hot updated /frontend/Counter.tsx");
		}
		finally {
			sources.edit("Counter.tsx", "Clicks: {count}", "Count: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Count: 3");
		}
	}

}
