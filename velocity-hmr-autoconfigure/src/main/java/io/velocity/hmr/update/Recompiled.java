package io.velocity.hmr.update;

import java.util.Map;
import java.util.Set;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.CompileProblem;

/**
 * The outcome of compiling the changed modules again.
 */
sealed interface Recompiled {

	/**
	 * Every changed module compiled and its imports are recorded in the graph.
	 *
	 * @param modules the analysed modules by URL, to write their code from
	 * @param pruned the URLs of the modules no module imports any more
	 * @param midSave the URLs of the modules left out because they were read empty while
	 * being saved, for their own change to update
	 * @param delivered the URLs of the modules reported changed that the browsers already
	 * have as they are now
	 */
	record Compiled(Map<String, AnalyzedModule> modules, Set<String> pruned, Set<String> midSave,
			Set<String> delivered) implements Recompiled {
	}

	/**
	 * A changed module does not compile; the graph is as it was.
	 *
	 * @param problem what is wrong, for the browsers
	 */
	record Failed(CompileProblem problem) implements Recompiled {
	}

}
