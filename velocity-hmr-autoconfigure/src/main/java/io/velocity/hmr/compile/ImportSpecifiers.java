package io.velocity.hmr.compile;

import java.util.function.UnaryOperator;

import io.velocity.hmr.compile.ModuleSyntax.ImportSite;

/**
 * Rewrites the import specifiers of code that is already a browser module, such as a
 * compiled package module whose imports are URLs: the production build writes them as
 * paths relative to the importer, for a bundler to follow. Only string literals of
 * imports, re-exports and {@code import('…')} change.
 */
public final class ImportSpecifiers {

	private final SwcTranspiler swc = new SwcTranspiler();

	/**
	 * Rewrite the specifiers of a module.
	 * @param code the module's code
	 * @param url its URL, for problems
	 * @param specifiers writes a specifier anew from the one written
	 * @return the code with the new specifiers
	 * @throws CompileProblemException if the code has a syntax error
	 */
	public String rewrite(String code, String url, UnaryOperator<String> specifiers) {
		// On a compile thread, parse and reading the tree alike: swc recurses on the
		// caller's native stack (see CompileThreads) and the reading on its Java stack.
		ModuleSyntax syntax = CompileThreads.run(url, CompileLimits.DEFAULT.timeout(),
				() -> ModuleSyntax.of(this.swc.parseProgram(url, code, url).getProgram()));
		StringBuilder result = new StringBuilder(code.length() + 32 * syntax.imports().size());
		int copied = 0;
		for (ImportSite site : syntax.imports()) {
			int start = SourceText.index(code, site.span().getStart());
			int end = SourceText.index(code, site.span().getEnd());
			result.append(code, copied, start).append(JsonStrings.quote(specifiers.apply(site.specifier())));
			copied = end;
		}
		return result.append(code, copied, code.length()).toString();
	}

}
