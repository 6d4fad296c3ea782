package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.span.Swc4jSpan;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ImportedNames.Named;
import io.velocity.hmr.compile.ModuleSyntax.ImportSite;
import io.velocity.hmr.compile.jsx.JsxOutput;
import io.velocity.hmr.compile.jsx.JsxPositions;
import io.velocity.hmr.compile.jsx.JsxTransform;

/**
 * What the analysis reads from the syntax tree of a module's served code: its imports and
 * exports, its hot module replacement facts and the names it imports.
 *
 * @param module the import sites and exports
 * @param hot the hot module replacement facts
 * @param names the names imported, by specifier
 */
record ScriptSyntax(ModuleSyntax module, HotSyntax hot, ImportedNames names) {

	/**
	 * Read the facts of served code.
	 * @param program its syntax tree
	 * @param mayHaveComponents whether the module is a {@code .tsx} or {@code .jsx}
	 * module
	 * @return the facts
	 */
	static ScriptSyntax of(ISwc4jAstProgram<?> program, boolean mayHaveComponents) {
		return new ScriptSyntax(ModuleSyntax.of(program), HotSyntax.of(program, mayHaveComponents),
				ImportedNames.of(program));
	}

	/**
	 * Read the facts of the code {@link JsxTransform} wrote from the tree of the code it
	 * compiled, so that the written code need not be parsed again. The transform copies
	 * everything but JSX and adds, at the top level, only template declarations, a
	 * {@code delegateEvents} call and the import of its helpers, none of which is a side
	 * effect, a component or an export: the facts are those of the tree, with the import
	 * of the helpers added and the sites moved to where they were copied to.
	 * @param program the tree of the compiled code, with its JSX
	 * @param compiled the compiled code
	 * @param jsx what the transform wrote
	 * @return the facts, or empty when they cannot be read this way: some JSX runs as the
	 * module loads (what the top level does then changes), a site was not copied once
	 * whole, or there is no helper import
	 */
	static Optional<ScriptSyntax> throughJsx(ISwc4jAstProgram<?> program, String compiled, JsxOutput jsx) {
		if (jsx.evaluatedAtTopLevel() || jsx.helpers().isEmpty()) {
			return Optional.empty();
		}
		Mover mover = new Mover(compiled, jsx);
		ScriptSyntax read = of(program, true);
		List<ImportSite> imports = new ArrayList<>(read.module().imports().size() + 1);
		for (ImportSite site : read.module().imports()) {
			ImportSite moved = mover.move(site);
			if (moved == null) {
				return Optional.empty();
			}
			imports.add(moved);
		}
		List<ImportSite> acceptedDeps = new ArrayList<>(read.hot().acceptedDeps().size());
		for (ImportSite site : read.hot().acceptedDeps()) {
			ImportSite moved = mover.move(site);
			if (moved == null) {
				return Optional.empty();
			}
			acceptedDeps.add(moved);
		}
		ImportSite helpers = mover.helperImport();
		if (helpers == null) {
			return Optional.empty();
		}
		// The transform writes its import last, after every other site.
		imports.add(helpers);
		List<Named> named = new ArrayList<>(read.names().named());
		jsx.helpers().forEach((helper) -> named.add(new Named(JsxTransform.HELPERS_MODULE, helper, helpers.span())));
		HotSyntax hot = read.hot();
		return Optional.of(new ScriptSyntax(new ModuleSyntax(List.copyOf(imports), read.module().exports()),
				new HotSyntax(hot.usesHot(), hot.selfAccepts(), List.copyOf(acceptedDeps), hot.declines(),
						hot.disposes(), hot.components(), hot.onlyComponentExports(), hot.sideEffects(),
						hot.exportsValues(), hot.topLevelAwait()),
				new ImportedNames(List.copyOf(named), read.names().starSources())));
	}

	/**
	 * Moves sites from the compiled code to the written code.
	 */
	private static final class Mover {

		private final String compiled;

		private final String written;

		private final JsxPositions positions;

		private final boolean compiledHasOneCharPerCodePoint;

		private final boolean writtenHasOneCharPerCodePoint;

		Mover(String compiled, JsxOutput jsx) {
			this.compiled = compiled;
			this.written = jsx.code();
			this.positions = jsx.positions();
			this.compiledHasOneCharPerCodePoint = compiled.codePointCount(0, compiled.length()) == compiled.length();
			this.writtenHasOneCharPerCodePoint = this.written.codePointCount(0, this.written.length()) == this.written
				.length();
		}

		@Nullable ImportSite move(ImportSite site) {
			int start = index(site.span().getStart());
			int end = index(site.span().getEnd());
			int at = this.positions.toWritten(start, end - start);
			return (at < 0) ? null : new ImportSite(site.specifier(), span(at, end - start), site.dynamic());
		}

		/**
		 * The literal of the import the transform ends its text with.
		 */
		@Nullable ImportSite helperImport() {
			String literal = "\"" + JsxTransform.HELPERS_MODULE + "\"";
			String tail = " } from " + literal + ";\n";
			if (!this.written.endsWith(tail)) {
				return null;
			}
			int at = this.written.length() - tail.length() + " } from ".length();
			return new ImportSite(JsxTransform.HELPERS_MODULE, span(at, literal.length()), false);
		}

		private int index(int codePointOffset) {
			return this.compiledHasOneCharPerCodePoint ? Math.min(codePointOffset, this.compiled.length())
					: SourceText.index(this.compiled, codePointOffset);
		}

		// As swc writes spans: code point offsets, a 1-based line and column.
		private Swc4jSpan span(int at, int length) {
			int lineStart = this.written.lastIndexOf('\n', at - 1) + 1;
			int line = 1;
			for (int i = this.written.indexOf('\n'); i >= 0 && i < at; i = this.written.indexOf('\n', i + 1)) {
				line++;
			}
			if (this.writtenHasOneCharPerCodePoint) {
				return new Swc4jSpan(at, at + length, line, at - lineStart + 1);
			}
			int start = this.written.codePointCount(0, at);
			int end = start + this.written.codePointCount(at, at + length);
			return new Swc4jSpan(start, end, line, this.written.codePointCount(lineStart, at) + 1);
		}

	}

}
