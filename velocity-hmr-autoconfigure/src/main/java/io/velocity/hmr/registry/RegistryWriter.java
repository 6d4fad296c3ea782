package io.velocity.hmr.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import io.velocity.hmr.compile.NativeLibrary;
import org.jspecify.annotations.Nullable;

/**
 * Writes compiled ES modules in registry form: parses the code with scope analysis (so
 * that identifiers carry the syntax context that tells an imported binding from an inner
 * variable of the same name) and hands the tree to {@link RegistryTransform}.
 */
public class RegistryWriter {

	static final String MAP_URL_PREFIX = "//# sourceMappingURL=data:application/json;charset=utf-8;base64,";

	private volatile @Nullable Swc4j swc4j;

	/**
	 * Write a compiled module in registry form.
	 * @param key the URL its importers write
	 * @param compiledCode the compiled module, perhaps with an inline source map
	 * @return the module
	 * @throws UnsupportedModuleException if the module cannot be written so
	 */
	public RegistryModule write(String key, String compiledCode) {
		String code = withoutSourceMap(compiledCode);
		Swc4jParseOptions options = new Swc4jParseOptions().setMediaType(Swc4jMediaType.JavaScript)
			.setParseMode(Swc4jParseMode.Module)
			.setSpecifier(specifier(key))
			.setCaptureAst(true)
			.setScopeAnalysis(true);
		Swc4jParseOutput output;
		try {
			output = swc4j().parse(code, options);
		}
		catch (Swc4jCoreException ex) {
			throw new UnsupportedModuleException("code swc cannot parse again: " + ex.getMessage());
		}
		if (!(output.getProgram() instanceof Swc4jAstModule module)) {
			throw new UnsupportedModuleException("a script rather than a module");
		}
		return RegistryTransform.transform(key, code, module);
	}

	/**
	 * Return the inline source map of compiled code.
	 * @param compiledCode the code
	 * @return the map's JSON, or {@code null} if it has none
	 */
	static @Nullable String sourceMap(String compiledCode) {
		int start = compiledCode.lastIndexOf(MAP_URL_PREFIX);
		if (start < 0) {
			return null;
		}
		String encoded = compiledCode.substring(start + MAP_URL_PREFIX.length()).strip();
		try {
			return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String withoutSourceMap(String compiledCode) {
		int start = compiledCode.lastIndexOf(MAP_URL_PREFIX);
		return (start >= 0) ? compiledCode.substring(0, start) : compiledCode;
	}

	private static java.net.URL specifier(String key) {
		try {
			return new URI("http://velocity.invalid" + new URI(null, null, key.replaceAll("[?#].*", ""), null)).toURL();
		}
		catch (URISyntaxException | java.net.MalformedURLException ex) {
			throw new UnsupportedModuleException("a URL that is not valid: " + key);
		}
	}

	private Swc4j swc4j() {
		Swc4j swc4j = this.swc4j;
		if (swc4j == null) {
			NativeLibrary.awaitPendingLoad();
			swc4j = new Swc4j();
			this.swc4j = swc4j;
		}
		return swc4j;
	}

}
