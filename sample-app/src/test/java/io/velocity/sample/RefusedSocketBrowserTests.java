package io.velocity.sample;

import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that answers the page but refuses its socket (403: the page's origin is not
 * allowed) is told apart from a server that is down: the client says which properties
 * decide, and backs off instead of retrying every 100 ms for good.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=dev", "velocity.hmr.debug=true",
				// The page is opened at localhost; its socket goes to 127.0.0.1, whose
				// own
				// origin the page's is not.
				"velocity.hmr.client.host=127.0.0.1" })
@ExtendWith(BrowserExtension.class)
class RefusedSocketBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void saysWhichPropertiesDecideAndBacksOff(Page page, ConsoleLog console) {
		page.navigate("http://localhost:" + this.port + "/");
		page.waitForCondition(() -> console.errors().stream().anyMatch((error) -> error.contains("refused")));
		assertThat(console.errors()).anySatisfy((error) -> assertThat(error)
			.startsWith(
					"[velocity] the server at http://localhost:" + this.port + " answers but refused the HMR socket")
			.contains("velocity.hmr.allowed-hosts")
			.contains("velocity.hmr.client.allowed-origins"));
		assertThat(page.evaluate("() => window.__velocity_hmr__.state")).isEqualTo("refused");
		assertThat((Integer) page.evaluate("() => window.__velocity_hmr__.refusals")).isGreaterThanOrEqualTo(2);
		assertThat(console.texts()).noneMatch((text) -> text.contains("server connection lost"));
	}

}
