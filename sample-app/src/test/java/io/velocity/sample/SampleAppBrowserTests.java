package io.velocity.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in a real browser: the TSX front end, compiled in the JVM, renders,
 * reacts, applies the style sheet a component imports and shows data from the Spring
 * endpoints (the greeting, the todo app's suggestions), whether its sources come from the
 * classpath (as packaged) or from disk (in the dev profile).
 */
class SampleAppBrowserTests {

	// Compiled on request from the classpath: a production build that an earlier 'mvn
	// package' left in target/classes is not what this test is about (ProductionJarIT
	// is).
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "velocity.hmr.production.enabled=false")
	@ExtendWith(BrowserExtension.class)
	class Packaged {

		@LocalServerPort
		int port;

		@Test
		void rendersCountsAndShowsTheGreeting(Page page, ConsoleLog console) {
			assertSampleWorks(page, console, this.port);
			assertThat(page.locator("script[src='/__velocity/hmr-client.js']")).hasCount(0);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=dev")
	@ExtendWith(BrowserExtension.class)
	class Development {

		@LocalServerPort
		int port;

		@Test
		void rendersCountsAndShowsTheGreeting(Page page, ConsoleLog console) {
			assertSampleWorks(page, console, this.port);
		}

	}

	static void assertSampleWorks(Page page, ConsoleLog console, int port) {
		List<String> failedRequests = new CopyOnWriteArrayList<>();
		page.onResponse((response) -> {
			if (response.status() >= 400) {
				failedRequests.add(response.status() + " " + response.url());
			}
		});
		page.navigate("http://localhost:" + port + "/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Velocity HMR"))).isVisible();
		assertThat(page.locator("#count-label")).hasText("Count: 0");
		page.locator("#increment").click();
		page.locator("#increment").click();
		assertThat(page.locator("#count-label")).hasText("Count: 2");
		assertThat(page.locator("#count-hint")).hasText("You clicked 2 times.");
		assertThat(page.locator("#greeting")).hasText("Hello, Velocity!");
		page.locator("#new-todo").fill("Ship it");
		page.locator("#new-todo").press("Enter");
		assertThat(page.locator("#todo-list .title")).hasText(new String[] { "Ship it" });
		page.locator("#todo-list .toggle").click();
		assertThat(page.locator("#todo-list li")).hasClass("todo done");
		assertThat(page.locator("#suggestions .suggestion")).hasCount(TodoController.SUGGESTIONS.size());
		assertThat(page.locator("style[data-velocity-css='/frontend/Counter.css']")).hasCount(1);
		assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#count-label')).color"))
			.as("Counter.css, imported by Counter.tsx, applies")
			.isEqualTo("rgb(52, 81, 178)");
		assertThat(console.pageErrors()).isEmpty();
		assertThat(console.errors()).as("failed requests: %s", failedRequests).isEmpty();
	}

}
