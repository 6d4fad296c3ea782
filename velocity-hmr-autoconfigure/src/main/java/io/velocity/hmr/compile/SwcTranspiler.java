package io.velocity.hmr.compile;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jModuleKind;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jJsxRuntimeOption;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;
import org.jspecify.annotations.Nullable;

/**
 * The swc4j calls the compiler makes: transpiling a module to an ES module with a
 * separate source map, and parsing a source or code to a syntax tree.
 */
final class SwcTranspiler {

	// Never fetched: only gives swc an absolute URL to name the source in diagnostics.
	private static final String SPECIFIER_ORIGIN = "http://velocity.invalid";

	/**
	 * Created on first use: swc4j loads its native library as its class initializes,
	 * which must happen after {@link NativeLibrary} chose the directory, and off the
	 * start-up path (several of these are made while beans are created).
	 */
	private volatile @Nullable Swc4j swc4j;

	/**
	 * Transpile a module. JSX is compiled before (see
	 * {@link io.velocity.hmr.compile.jsx.JsxTransform}); should any reach swc, it would
	 * use the automatic runtime of {@code velocity/jsx-runtime}.
	 * @param path the module path, for problems
	 * @param text the source
	 * @param mediaType its language
	 * @param url its URL
	 * @return the code and its source map
	 * @throws CompileProblemException if the source has a syntax error
	 */
	Swc4jTranspileOutput transpile(String path, String text, Swc4jMediaType mediaType, String url) {
		return transpile(path, text, mediaType, url,
				Swc4jJsxRuntimeOption.Automatic().setImportSource("velocity").setDevelopment(false));
	}

	/**
	 * Transpile a module but leave its JSX as it is, for
	 * {@link io.velocity.hmr.compile.jsx.JsxTransform} to compile in the generated code:
	 * the types are stripped, the JSX elements and fragments are written back as JSX.
	 * @param path the module path, for problems
	 * @param text the source
	 * @param mediaType its language
	 * @param url its URL
	 * @return the code, JavaScript with JSX, and its source map
	 * @throws CompileProblemException if the source has a syntax error
	 */
	Swc4jTranspileOutput transpileKeepingJsx(String path, String text, Swc4jMediaType mediaType, String url) {
		// No JSX runtime: swc then leaves JSX untransformed.
		return transpile(path, text, mediaType, url, null);
	}

	private Swc4jTranspileOutput transpile(String path, String text, Swc4jMediaType mediaType, String url,
			@Nullable Swc4jJsxRuntimeOption jsx) {
		Swc4jTranspileOptions options = new Swc4jTranspileOptions().setMediaType(mediaType)
			.setParseMode(Swc4jParseMode.Module)
			.setSpecifier(specifier(url))
			.setJsx(jsx)
			.setModuleKind(Swc4jModuleKind.Esm)
			.setSourceMap(Swc4jSourceMapOption.Separate)
			.setInlineSources(false);
		try {
			return swc4j().transpile(text, options);
		}
		catch (Swc4jCoreException ex) {
			throw new CompileProblemException(CompileProblems.syntax(path, text, ex.getMessage()));
		}
	}

	/**
	 * Parse a module's source.
	 * @param path the module path, for problems
	 * @param text the source
	 * @param mediaType its language
	 * @param url its URL
	 * @return the output, with the syntax tree
	 * @throws CompileProblemException if the source has a syntax error
	 */
	Swc4jParseOutput parseSource(String path, String text, Swc4jMediaType mediaType, String url) {
		Swc4jParseOptions options = new Swc4jParseOptions().setMediaType(mediaType)
			.setParseMode(Swc4jParseMode.Module)
			.setSpecifier(specifier(url))
			.setCaptureAst(true);
		try {
			return swc4j().parse(text, options);
		}
		catch (Swc4jCoreException ex) {
			throw new CompileProblemException(CompileProblems.syntax(path, text, ex.getMessage()));
		}
	}

	/**
	 * Parse text that swc accepted before, the source or the code it generated.
	 * @param code the text
	 * @param mediaType its language
	 * @param url the module's URL
	 * @return the output, with the syntax tree
	 */
	Swc4jParseOutput parse(String code, Swc4jMediaType mediaType, String url) {
		return parse(code, mediaType, url, false);
	}

	/**
	 * Parse text that swc accepted before, the source or the code it generated, perhaps
	 * with scope analysis: then each identifier carries the syntax context of the scope
	 * that declares it (almost free in swc; a registry plan needs it).
	 * @param code the text
	 * @param mediaType its language
	 * @param url the module's URL
	 * @param scopeAnalysis whether to analyse scopes
	 * @return the output, with the syntax tree
	 */
	Swc4jParseOutput parse(String code, Swc4jMediaType mediaType, String url, boolean scopeAnalysis) {
		Swc4jParseOptions options = new Swc4jParseOptions().setMediaType(mediaType)
			.setParseMode(Swc4jParseMode.Module)
			.setSpecifier(specifier(url))
			.setCaptureAst(true)
			.setScopeAnalysis(scopeAnalysis);
		try {
			return swc4j().parse(code, options);
		}
		catch (Swc4jCoreException ex) {
			// swc parsed this text a moment ago, or generated it.
			throw new IllegalStateException("swc could not parse text it accepted before: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Parse code that may be an ES module or a script, as a package ships it.
	 * @param path the file's name, for problems
	 * @param code the code
	 * @param url its URL
	 * @return the output, with a module or script syntax tree
	 * @throws CompileProblemException if the code has a syntax error
	 */
	Swc4jParseOutput parseProgram(String path, String code, String url) {
		Swc4jParseOptions options = new Swc4jParseOptions().setMediaType(Swc4jMediaType.JavaScript)
			.setParseMode(Swc4jParseMode.Program)
			.setSpecifier(specifier(url))
			.setCaptureAst(true);
		try {
			return swc4j().parse(code, options);
		}
		catch (Swc4jCoreException ex) {
			throw new CompileProblemException(CompileProblems.syntax(path, code, ex.getMessage()));
		}
	}

	private static URL specifier(String url) {
		try {
			return new URI(SPECIFIER_ORIGIN + new URI(null, null, url, null).toASCIIString()).toURL();
		}
		catch (URISyntaxException | MalformedURLException ex) {
			throw new IllegalArgumentException("Invalid module URL '" + url + "'", ex);
		}
	}

	private Swc4j swc4j() {
		Swc4j swc4j = this.swc4j;
		if (swc4j == null) {
			// Two threads may both make one: it holds no state.
			swc4j = NativeLibrary.newCompiler();
			this.swc4j = swc4j;
		}
		return swc4j;
	}

}
