package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.test.SmallStack;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A module can never take the JVM down: nesting that overflowed a request thread's native
 * stack (a crash of the whole process, not an exception), a module too large, a compile
 * that does not end.
 */
class CompileSafetyTests {

	private final ModuleCompiler compiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS);

	@Test
	void compilesNestingThatOverflowedARequestThreadsStackOnASmallStack() throws Exception {
		// The depths that crashed the JVM from a 1 MB request thread, compiled from a
		// thread with half that.
		String[] modules = { "export default () => " + "<div>".repeat(300) + "x" + "</div>".repeat(300) + ";",
				"export const x = " + "(".repeat(340) + "1" + ")".repeat(340) + ";",
				"export const x = " + "{a:".repeat(470) + "1" + "}".repeat(470) + ";",
				"export const x = " + "`${".repeat(500) + "1" + "}`".repeat(500) + ";" };
		for (String text : modules) {
			assertThat(SmallStack.call(() -> this.compiler.compile(source("Deep.tsx", text))).code())
				.contains("export");
		}
	}

	@Test
	void rewritesTheSpecifiersOfDeeplyNestedCodeOnASmallStack() throws Exception {
		// A package's module (or the build's compiled one) is parsed again for its
		// specifiers: that parse runs on a compile thread too.
		String code = "import a from './a.js';\nexport const x = " + "(".repeat(2_000) + "a" + ")".repeat(2_000) + ";";
		String rewritten = SmallStack.call(() -> new ImportSpecifiers().rewrite(code,
				"/__velocity/npm/deep@1.0.0/index.js", (specifier) -> "./b.js"));
		assertThat(rewritten).startsWith("import a from \"./b.js\";");
	}

	@Test
	void refusesNestingPastTheLimitWithAProblemRatherThanCrashing() {
		String text = "export const x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ";";
		assertThatExceptionOfType(CompileProblemException.class)
			.isThrownBy(() -> this.compiler.compile(source("Deep.ts", text)))
			.satisfies((ex) -> {
				assertThat(ex.getProblem().toString()).startsWith("Deep.ts:1:1018 nesting deeper than 1000");
				// The frame shows the place, not the 200,000 characters of the line.
				assertThat(ex.getProblem().frame()).hasSizeLessThan(1000).contains("^");
			});
	}

	@Test
	void refusesJsxNestedPastTheLimit() {
		String text = "export default () => " + "<div>".repeat(20_000) + "</div>".repeat(20_000) + ";";
		assertThatExceptionOfType(CompileProblemException.class)
			.isThrownBy(() -> this.compiler.compile(source("Deep.tsx", text)))
			.satisfies((ex) -> assertThat(ex.getProblem().message()).startsWith("nesting deeper than 1000"));
	}

	@Test
	void refusesAModuleLargerThanTheLimit() {
		ModuleCompiler small = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS,
				CompileMode.PRODUCTION, PackageImports.NONE, ImportMetaEnv.PRODUCTION,
				new CompileLimits(DataSize.ofKilobytes(1), 1000, Duration.ofSeconds(30)));
		String text = "export const x = '" + "x".repeat(2000) + "';";
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> small.compile(source("big.ts", text)))
			.satisfies((ex) -> assertThat(ex.getProblem().toString())
				.isEqualTo("big.ts:0:0 big.ts is 0.0 MB, more than the 0.0 MB a module may have"
						+ " (velocity.hmr.compiler.max-module-size)"));
	}

	@Test
	void givesUpWaitingForACompileThatTakesLongerThanTheTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try {
			assertThatExceptionOfType(CompileProblemException.class)
				.isThrownBy(() -> CompileThreads.run("Slow.tsx", Duration.ofMillis(50),
						() -> release.await(1, TimeUnit.MINUTES)))
				.satisfies((ex) -> assertThat(ex.getProblem().toString())
					.isEqualTo("Slow.tsx:0:0 Compiling took longer than 50 ms and was given up"
							+ " (velocity.hmr.compiler.timeout)"));
		}
		finally {
			release.countDown();
		}
		// The next compile does not wait behind the one given up.
		assertThat(this.compiler.compile(CompileFixtures.source("utils.ts")).code()).contains("export");
	}

	@Test
	void warmsUpOnACompileThread() {
		this.compiler.warmUp();
	}

	private static ModuleSource source(String path, String text) {
		return new ModuleSource(path, text.getBytes(StandardCharsets.UTF_8), null);
	}

}
