package io.velocity.hmr.resolve;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PackageExports}: Node's resolution of {@code exports} maps.
 */
class PackageExportsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void takesTheFirstActiveConditionInTheOrderThePackageWritesThem() {
		JsonNode exports = json(
				"""
						{ ".": { "types": "./index.d.ts", "require": "./index.cjs", "node": "./node.js",
						         "import": { "browser": "./browser.js", "default": "./index.js" }, "default": "./fallback.js" } }""");
		assertThat(resolve(exports, ".")).isEqualTo("browser.js");
	}

	@Test
	void fallsBackThroughArraysAndToDefault() {
		JsonNode exports = json(
				"""
						{ "./a": [ { "worker": "./worker.js" }, "./a.js" ], "./b": { "node": "./n.js", "default": "./b.js" } }""");
		assertThat(resolve(exports, "./a")).isEqualTo("a.js");
		assertThat(resolve(exports, "./b")).isEqualTo("b.js");
	}

	@Test
	void subpathPatternWithTheLongestPrefixWins() {
		JsonNode exports = json("""
				{ "./*": "./dist/*.js", "./features/*.js": "./dist/features/*.js",
				  "./features/private/*": null }""");
		assertThat(resolve(exports, "./util")).isEqualTo("dist/util.js");
		assertThat(resolve(exports, "./features/x.js")).isEqualTo("dist/features/x.js");
		assertThat(PackageExports.resolve(exports, "./features/private/y", PackageExports.BROWSER_CONDITIONS))
			.isEmpty();
	}

	@Test
	void targetsThatLeaveThePackageOrAreNotRelativeAreNotExported() {
		JsonNode exports = json("""
				{ "./up": "./../../secret.js", "./bare": "other-package/x.js", "./*": "./lib/*" }""");
		assertThat(PackageExports.resolve(exports, "./up", PackageExports.BROWSER_CONDITIONS)).isEmpty();
		assertThat(PackageExports.resolve(exports, "./bare", PackageExports.BROWSER_CONDITIONS)).isEmpty();
		assertThat(PackageExports.resolve(exports, "./../x", PackageExports.BROWSER_CONDITIONS)).isEmpty();
	}

	@Test
	void legacyFolderMappingMapsTheRest() {
		assertThat(resolve(json("{ \"./\": \"./src/\" }"), "./deep/file.js")).isEqualTo("src/deep/file.js");
	}

	@Test
	void importsMapResolvesHashNames() {
		JsonNode imports = json(
				"{ \"#internal/*\": { \"browser\": \"./browser/*.js\", \"default\": \"./node/*.js\" } }");
		assertThat(resolve(imports, "#internal/fs")).isEqualTo("browser/fs.js");
	}

	private static String resolve(JsonNode map, String key) {
		return PackageExports.resolve(map, key, PackageExports.BROWSER_CONDITIONS).orElseThrow();
	}

	private static JsonNode json(String json) {
		return mapper.readTree(json);
	}

}
