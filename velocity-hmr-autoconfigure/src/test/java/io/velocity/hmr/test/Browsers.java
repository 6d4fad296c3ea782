package io.velocity.hmr.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Settings for the Chromium that browser tests drive. A system Chromium (the
 * {@code VELOCITY_CHROMIUM} environment variable, else {@code /usr/bin/chromium}) is
 * preferred, with Playwright's browser download switched off; without one, Playwright
 * uses its own browser.
 *
 * @author Velocity HMR
 */
public final class Browsers {

	private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path SYSTEM_NODE = Path.of("/usr/bin/node");

	// A distribution's Chromium runs as root in containers and must not phone home
	// mid-test.
	private static final List<String> SYSTEM_CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-dev-shm-usage");

	private Browsers() {
	}

	/**
	 * Return the system Chromium to use, if any.
	 * @return the executable, or empty to let Playwright use its own browser
	 */
	public static Optional<Path> systemChromium() {
		String configured = System.getenv("VELOCITY_CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured));
		}
		return Files.isExecutable(DEBIAN_CHROMIUM) ? Optional.of(DEBIAN_CHROMIUM) : Optional.empty();
	}

	/**
	 * Return the options to create {@link Playwright} with. The driver reads
	 * {@code PLAYWRIGHT_NODEJS_PATH} from this environment, so a system Node.js replaces
	 * the bundled one (which is then not even extracted).
	 * @return the create options
	 */
	public static Playwright.CreateOptions createOptions() {
		Map<String, String> env = new LinkedHashMap<>();
		if (systemChromium().isPresent()) {
			env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		}
		if (System.getenv("PLAYWRIGHT_NODEJS_PATH") == null && Files.isExecutable(SYSTEM_NODE)) {
			env.put("PLAYWRIGHT_NODEJS_PATH", SYSTEM_NODE.toString());
		}
		return new Playwright.CreateOptions().setEnv(env);
	}

	/**
	 * Return the options to launch a headless Chromium with.
	 * @return the launch options
	 */
	public static BrowserType.LaunchOptions launchOptions() {
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
		systemChromium().ifPresent((executable) -> options.setExecutablePath(executable).setArgs(SYSTEM_CHROMIUM_ARGS));
		return options;
	}

	/**
	 * Launch Chromium.
	 * @param playwright the Playwright instance to launch with
	 * @return the browser
	 */
	public static Browser launch(Playwright playwright) {
		return playwright.chromium().launch(launchOptions());
	}

}
