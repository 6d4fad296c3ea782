package io.velocity.hmr.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.bundle.EsbuildBundler;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.SourceTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that uses real packages, in Chromium: lit (mvnpm, a custom element with its
 * transitive packages), date-fns (a WebJar of ~250 modules, pre-bundled into one
 * request), classnames (CommonJS), a node_modules package, JSON, SVG, a CSS module,
 * {@code ?raw}, {@code import.meta.env} and a path alias; then a component that imports
 * packages hot-swaps with its state kept and no package is fetched again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.debug=true", "velocity.hmr.env.GREETING=hello" })
@ExtendWith(BrowserExtension.class)
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class PackagesBrowserTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	EsbuildBundler bundler;

	@BeforeAll
	static void createProject() throws IOException {
		FileSystemUtils
			.copyRecursively(new ClassPathResource("io/velocity/hmr/web/package-fixtures").getFile().toPath(), temp);
	}

	@DynamicPropertySource
	static void project(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
		registry.add("velocity.hmr.tsconfig", () -> temp.resolve("tsconfig.json").toString());
		registry.add("velocity.hmr.reload-roots", () -> temp.resolve("static").toString());
		registry.add("spring.web.resources.static-locations", () -> temp.resolve("static").toUri().toString());
		registry.add("velocity.hmr.packages.cache-directory", () -> temp.resolve("cache").toString());
	}

	@Test
	void rendersWithPackagesAndHotSwapsAComponentThatImportsThem(Page page) {
		List<String> packageRequests = new CopyOnWriteArrayList<>();
		page.onRequest((request) -> {
			String path = request.url().substring(("http://localhost:" + this.port).length());
			if (path.startsWith("/__velocity/npm/")) {
				packageRequests.add(path);
			}
		});
		// A bound, not a measurement: this first load copies date-fns out of its jar and
		// bundles it, which took over 15 s on a 2-core machine with other builds running.
		page.navigate("http://localhost:" + this.port + "/index.html",
				new Page.NavigateOptions().setTimeout(Duration.ofMinutes(1).toMillis()));
		assertThat(page.locator("#date")).hasText("2024-02-02 Friday");
		assertThat(page.locator("#classes")).hasText("a b d");
		assertThat(page.locator("#tiny")).hasText("HI!");
		assertThat(page.locator("#title")).hasText("Velocity packages");
		assertThat(page.locator("#notes")).hasText("Raw notes, \"quoted\".");
		assertThat(page.locator("#env")).hasText("development hello");
		assertThat(page.locator("#store")).hasText("store via @/store");
		assertThat(page.locator("#lit span")).hasText("Hello lit");
		assertThat(page.locator("#lit span")).hasCSS("color", "rgb(255, 0, 0)");
		assertThat(page.locator("#card")).hasCSS("color", "rgb(0, 128, 0)");
		page.waitForFunction("() => document.querySelector('#logo').naturalWidth === 10");
		// date-fns' index fans out into ~250 modules: pre-bundled, it is one request. The
		// build has esbuild's platform jar for linux-x64 only; elsewhere it is ~250.
		List<String> dateFns = packageRequests.stream()
			.filter((path) -> path.startsWith("/__velocity/npm/date-fns@"))
			.toList();
		if (this.bundler.isAvailable()) {
			assertThat(dateFns).containsExactly("/__velocity/npm/date-fns@4.1.0/index.js");
		}
		else {
			assertThat(dateFns).hasSizeGreaterThan(200);
		}
		assertThat(packageRequests).doesNotHaveDuplicates()
			.contains("/__velocity/npm/lit@3.3.1/index.js", "/__velocity/npm/classnames@2.2.5/index.js",
					"/__velocity/npm/tiny@1.0.0/lib/index.js")
			.noneMatch((path) -> this.bundler.isAvailable() && path.contains("/tiny@1.0.0/lib/upper.js"));

		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.evaluate("() => { window.__marker = 'no reload'; }");
		page.locator("#increment").click();
		page.locator("#increment").click();
		assertThat(page.locator("#label")).hasText("Packages: 2");
		int requestsBefore = packageRequests.size();
		SourceTree.at(temp.resolve("frontend")).edit("Card.tsx", "Packages: {count}", "Packages now: {count}");
		assertThat(page.locator("#label")).hasText("Packages now: 2");
		assertThat(page.locator("#date")).hasText("2024-02-02 Friday");
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
		assertThat(packageRequests).hasSize(requestsBefore);

		// An imported JSON file updates its importer as a module would.
		SourceTree.at(temp.resolve("frontend")).edit("data.json", "Velocity packages", "Velocity packages, edited");
		assertThat(page.locator("#title")).hasText("Velocity packages, edited");
		assertThat(page.locator("#label")).hasText("Packages now: 2");
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
