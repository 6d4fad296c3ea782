package io.velocity.hmr.compile;

import java.time.Duration;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * What the compiler takes on before it gives up with a {@link CompileProblem}: swc runs
 * in this process, through JNI, so a module it cannot handle must be refused before it
 * reaches swc, or it takes the whole application down with it.
 *
 * @param maxModuleSize the largest module source compiled
 * @param maxNestingDepth the deepest nesting of brackets, template literal expressions
 * and JSX elements compiled (see {@link NestingCheck})
 * @param timeout how long a caller waits for one compile
 */
public record CompileLimits(DataSize maxModuleSize, int maxNestingDepth, Duration timeout) {

	/**
	 * The limits used unless configured: 10 MB, a nesting depth of 1,000 (hand-written
	 * code rarely goes past 30) and 30 seconds (a 5 MB module compiles in about one).
	 */
	public static final CompileLimits DEFAULT = new CompileLimits(DataSize.ofMegabytes(10), 1000,
			Duration.ofSeconds(30));

	public CompileLimits {
		Assert.isTrue(maxModuleSize != null && maxModuleSize.toBytes() > 0, "'maxModuleSize' must be positive");
		Assert.isTrue(maxNestingDepth > 0 && maxNestingDepth <= CompileThreads.MAX_NESTING_DEPTH,
				() -> "'maxNestingDepth' must be between 1 and " + CompileThreads.MAX_NESTING_DEPTH);
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
	}

}
