package io.velocity.hmr.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link io.velocity.hmr.compile.registry.RegistryPlan}, through
 * {@link RegistryWriter}: modules parsed again.
 */
class RegistryFormTests {

	private final RegistryWriter writer = new RegistryWriter();

	@Test
	void importedBindingsReadTheExportersNamespaceButInnerVariablesOfTheSameNameStay() {
		RegistryModule module = write("""
				import { count, inc as increment } from "/frontend/store.ts";
				import Def, * as ns from "/frontend/b.ts";
				function f(count) { return count + increment(); }
				const o = { count, ns, x: Def };
				""");
		assertThat(module.code()).contains("const __vi0 = __vr.i(\"/frontend/store.ts\");")
			.contains("const __vi1 = __vr.i(\"/frontend/b.ts\");")
			.contains("function f(count) { return count + (0, __vi0.inc)(); }")
			.contains("const o = { count: __vi0.count, ns: __vi1, x: __vi1.default };")
			.doesNotContain("import ");
		assertThat(module.imports()).containsExactly("/frontend/store.ts", "/frontend/b.ts");
	}

	@Test
	void exportsBecomeGettersDefinedBeforeTheImportsAreEvaluated() {
		RegistryModule module = write("""
				import { a } from "/frontend/a.ts";
				export let n = 1;
				export function f() {}
				export const [x, setX] = [1, 2];
				const o = 1;
				export { o as object, a };
				export { b as c } from "/frontend/c.ts";
				export * from "/frontend/d.ts";
				n++;
				""");
		assertThat(module.code())
			.startsWith("__velocity_hmr__.define(\"/frontend/m.ts\", function (__vr, __ve, __vm) {"
					+ "__vr.x(__ve, {\"n\": () => n, \"f\": () => f, \"x\": () => x, \"setX\": () => setX, "
					+ "\"object\": () => o, \"a\": () => __vi0.a, \"c\": () => __vi1.b, });"
					+ "const __vi0 = __vr.i(\"/frontend/a.ts\");const __vi1 = __vr.i(\"/frontend/c.ts\");"
					+ "const __vi2 = __vr.i(\"/frontend/d.ts\");__vr.s(__ve, __vi2);")
			.contains("\nlet n = 1;\nfunction f() {}\n")
			.endsWith("n++;\n\n});\n");
	}

	@Test
	void defaultExportsAreNamed() {
		assertThat(write("export default 1 + 2;\n").code()).contains("\"default\": () => __vd")
			.contains("const __vd = 1 + 2;");
		assertThat(write("export default function () {}\n").code()).contains("function __vd () {}");
		assertThat(write("export default class Counter {}\n").code()).contains("\"default\": () => Counter")
			.contains("class Counter {}");
	}

	@Test
	void importMetaAndDynamicImportUseTheRegistry() {
		String code = write("""
				import.meta.hot = create(import.meta);
				const lazy = () => import("/frontend/lazy.ts");
				""").code();
		assertThat(code).contains("__vm.hot = create(__vm);").contains("() => __vr.load(\"/frontend/lazy.ts\")");
	}

	@Test
	void noLineMovesSoTheModulesSourceMapStillApplies() {
		String source = "import {\n  a,\n  b\n} from \"/frontend/a.ts\";\nconsole.log(a, b);\n";
		RegistryModule module = write(source);
		String[] lines = module.code().split("\n", -1);
		assertThat(lines[4]).isEqualTo("console.log(__vi0.a, __vi0.b);");
		assertThat(module.firstLineShift()).isEqualTo(lines[0].length());
	}

	@Test
	void topLevelAwaitIsNotSupported() {
		assertThatExceptionOfType(UnsupportedModuleException.class)
			.isThrownBy(() -> write("const x = await Promise.resolve(1);\n"))
			.withMessage("top-level await");
		assertThat(write("async function f() { await g(); }\n").code()).contains("await g()");
	}

	private RegistryModule write(String code) {
		return this.writer.write("/frontend/m.ts", code);
	}

}
