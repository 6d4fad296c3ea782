package io.velocity.hmr.compile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommonJsSyntax} and {@link CommonJsModules}.
 */
class CommonJsSyntaxTests {

	private final SwcTranspiler swc = new SwcTranspiler();

	@Test
	void findsTheRequiresAndTheExportsThatCanBeKnown() {
		CommonJsSyntax syntax = syntax("""
				'use strict';
				const helper = require('./helper');
				var other = require("other-package");
				exports.first = 1;
				module.exports.second = helper;
				Object.defineProperty(exports, "third", { enumerable: true, get: function () { return 3; } });
				Object.defineProperty(exports, "__esModule", { value: true });
				const dynamic = require(name);
				""");
		assertThat(syntax.requires()).containsExactly("./helper", "other-package");
		assertThat(syntax.exports()).containsExactly("first", "second", "third", "__esModule");
		assertThat(syntax.usesCommonJs()).isTrue();
	}

	@Test
	void findsTheKeysOfAnObjectAssignedToModuleExports() {
		CommonJsSyntax syntax = syntax("""
				function shorthand() {}
				module.exports = { shorthand, "quoted": 1, keyed: 2, method() {}, ...spread };
				""");
		assertThat(syntax.exports()).containsExactly("shorthand", "quoted", "keyed", "method");
	}

	@Test
	void aScriptWithoutModuleOrExportsIsNotCommonJs() {
		assertThat(syntax("window.answer = 42;").usesCommonJs()).isFalse();
	}

	@Test
	void writesAnEsModuleWithDefaultAndNamedExports() {
		String code = CommonJsModules.write("exports.a = require('./b');", Map.of("./b", "/x/b.js"),
				new LinkedHashSet<>(List.of("a", "default", "class", "__esModule", "not-an-id")), true);
		assertThat(code).startsWith("import * as __velocity_r0 from \"/x/b.js\";\n")
			.contains("\"./b\": __velocity_r0")
			.contains("exports.a = require('./b');")
			.contains("export default (__velocity_exports && __velocity_exports.__esModule")
			.contains("export const { a } = __velocity_exports ?? {};")
			.contains("NODE_ENV: \"development\"");
	}

	private CommonJsSyntax syntax(String code) {
		return CommonJsSyntax.of(this.swc.parseProgram("test.js", code, "/test.js").getProgram());
	}

}
