package io.velocity.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server restart, as Spring DevTools does one after a Java change (the context closes
 * and a new one starts on the same port, with a new token): the open page reconnects,
 * reloads exactly once when the new server answers, and keeps its components' state.
 */
@ExtendWith(BrowserExtension.class)
class ServerRestartBrowserTests {

	@Test
	void pageReloadsOnceWhenTheServerRestartsAndKeepsItsState(Page page, ConsoleLog console) throws IOException {
		int port = freePort();
		AtomicInteger loads = new AtomicInteger();
		page.onLoad((loaded) -> loads.incrementAndGet());
		ConfigurableApplicationContext first = start(port);
		try {
			page.navigate("http://localhost:" + port + "/");
			page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
			page.locator("#increment").click();
			page.locator("#increment").click();
			page.locator("#increment").click();
			assertThat(page.locator("#count-label")).hasText("Count: 3");
		}
		finally {
			first.close();
		}
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'waiting'");
		ConfigurableApplicationContext second = start(port);
		try {
			page.waitForCondition(() -> loads.get() == 2);
			assertThat(page.locator("#count-label")).hasText("Count: 3");
			page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
			assertThat(console.texts())
				.anyMatch((text) -> text.startsWith("[velocity] reloaded: the server restarted"));
			page.locator("#increment").click();
			assertThat(page.locator("#count-label")).hasText("Count: 4");
			assertThat(loads.get()).as("reloaded exactly once").isEqualTo(2);
		}
		finally {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(SampleApplication.class).profiles("dev")
			.properties("server.port=" + port, "velocity.hmr.debug=true",
					"velocity.hmr.source-roots=" + HotReloadTestSupport.sources.root())
			.run();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
