package io.velocity.hmr.runtime;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.StaticRoutes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the runtime fixtures into a page: the client modules are served from the
 * classpath at {@code /__velocity/}, the fixtures at {@code /fixtures/}, both without a
 * server.
 *
 * @author Velocity HMR
 */
final class RuntimeFixtures {

	private RuntimeFixtures() {
	}

	static void serve(BrowserContext context) {
		StaticRoutes.create()
			.velocityClient()
			.classpath("/fixtures/", "io/velocity/hmr/runtime/fixtures/")
			.install(context);
	}

	/**
	 * Open the fixture harness with a fixture module and wait until the module ran.
	 * @param page the page
	 * @param log the page's console log, shown if the module fails to load
	 * @param fixture the fixture's name, without {@code .js}
	 */
	static void open(Page page, ConsoleLog log, String fixture) {
		page.navigate(StaticRoutes.ORIGIN + "/fixtures/index.html?fixture=" + fixture);
		page.waitForFunction("() => document.body.dataset.fixture !== undefined");
		assertThat(page.evaluate("() => document.body.dataset.fixture")).as(() -> "Fixture '" + fixture + "'\n" + log)
			.isEqualTo("loaded");
	}

	/**
	 * Return whether a JavaScript expression is strictly true in the page.
	 * @param page the page
	 * @param expression the expression
	 * @return whether it evaluates to {@code true}
	 */
	static boolean isTrue(Page page, String expression) {
		return Boolean.TRUE.equals(page.evaluate("() => " + expression));
	}

}
