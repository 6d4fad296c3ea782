package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;

import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.JsonStrings;

/**
 * What turns a compiled ES module into a registry definition, read once from its syntax
 * tree (parsed with scope analysis, so that an imported binding is told from an inner
 * variable of the same name) and written for any import URLs: <pre class="code">
 * __velocity_hmr__.define("/frontend/Counter.tsx", function (__vr, __ve, __vm) { ... });
 * </pre> The factory first gives the namespace {@code __ve} a getter per export (so a
 * module in a cycle sees them before it ran, as ES modules do), then asks the registry
 * for the namespace of each imported module in import order ({@code __vr.i(url)}:
 * evaluated depth first, or returned half-done when it is evaluating, in a cycle), then
 * runs the code. Import declarations go; each reference to an imported binding becomes a
 * read of the exporter's namespace. {@code import.meta} becomes the module's own meta
 * object {@code __vm}, {@code import()} the registry's loader. No line moves: the header
 * goes on the first line, so the module's own source map stays valid but for columns on
 * that line (the index map's section offset accounts for them) and on lines where names
 * grew.
 * <p>
 * The plan holds its edits as string ranges of the code it was read from, and the module
 * specifiers as literals there, so that the analysis of a module reads it once from the
 * tree it parsed anyway and every version is written from it without a parse: the URLs
 * are only known when a version is written.
 */
public final class RegistryPlan {

	static final String FACTORY_PARAMETERS = "function (__vr, __ve, __vm) {";

	private final List<Source> sources;

	private final List<Edit> edits;

	private final Map<String, Getter> getters;

	private final List<Integer> stars;

	private final Map<String, Binding> declarations;

	RegistryPlan(List<Source> sources, List<Edit> edits, Map<String, Getter> getters, List<Integer> stars,
			Map<String, Binding> declarations) {
		this.sources = sources;
		this.edits = edits;
		this.getters = getters;
		this.stars = stars;
		this.declarations = declarations;
	}

	/**
	 * Read the plan of a module.
	 * @param code the code the tree was parsed from, without source map comment
	 * @param program its syntax tree, parsed with scope analysis
	 * @return the plan
	 * @throws RegistryFormException if the module awaits at its top level or has a
	 * construct the registry does not model
	 */
	public static RegistryPlan read(String code, Swc4jAstModule program) {
		return RegistryPlanReader.read(code, program);
	}

	/**
	 * Move the plan, read from code with JSX, into the code the JSX transform wrote from
	 * it: every edit and specifier must have been copied there once, whole; the import of
	 * the transform's helpers, at the end of that code, becomes variables of the factory.
	 * @param toWritten where a range of the code read was copied to in the written code
	 * (string index and length in, string index or -1 out)
	 * @param written the written code
	 * @param helpersModule the specifier the helpers are imported from
	 * @param helpers the helpers imported, each as {@code _$name}
	 * @return the moved plan, or {@code null} if some part was not copied once, whole
	 */
	public @Nullable RegistryPlan throughJsx(IntBinaryOperator toWritten, String written, String helpersModule,
			List<String> helpers) {
		List<Edit> moved = new ArrayList<>(this.edits.size() + 1);
		for (Edit edit : this.edits) {
			int at = toWritten.applyAsInt(edit.start(), edit.end() - edit.start());
			if (at < 0) {
				return null;
			}
			moved.add(new Edit(at, at + edit.end() - edit.start(), edit.text(), edit.binding(), edit.form()));
		}
		List<Source> sources = new ArrayList<>(this.sources.size() + 1);
		for (Source source : this.sources) {
			int at = toWritten.applyAsInt(source.start(), source.end() - source.start());
			if (at < 0) {
				return null;
			}
			sources.add(new Source(at, at + source.end() - source.start(), source.value()));
		}
		if (helpers.isEmpty()) {
			return new RegistryPlan(List.copyOf(sources), moved, this.getters, this.stars, this.declarations);
		}
		String literal = JsonStrings.quote(helpersModule);
		String tail = " } from " + literal + ";\n";
		int importStart = written.lastIndexOf("import { ");
		if (!written.endsWith(tail) || importStart < 0) {
			return null;
		}
		int literalStart = written.length() - tail.length() + " } from ".length();
		sources.add(new Source(literalStart, literalStart + literal.length(), helpersModule));
		moved.add(Edit.text(importStart, written.length() - 1, ""));
		Map<String, Binding> declarations = new LinkedHashMap<>();
		Binding namespace = new Binding(sources.size() - 1, "");
		helpers.forEach((helper) -> declarations.put("_$" + helper, new Binding(namespace.source(), "." + helper)));
		return new RegistryPlan(List.copyOf(sources), moved, this.getters, this.stars, declarations);
	}

	/**
	 * Write the definition of the code the plan was read from, its specifiers being the
	 * URLs.
	 * @param key the URL the module is registered under, as its importers write it
	 * @param code the code
	 * @return the definition
	 */
	public RegistryCode write(String key, String code) {
		return write(key, code, null, List.of(), Surroundings.NONE);
	}

	/**
	 * Write the definition of a version of the module.
	 * @param key the URL the module is registered under, as its importers write it
	 * @param code the code the plan was read from (or moved to)
	 * @param urlAt the URL written for the specifier literal at a string index of the
	 * code, or {@code null} when the specifiers are the URLs
	 * @param replacements other ranges of the code to write over (the literals of dynamic
	 * imports and accepted dependencies, with their URLs)
	 * @param surroundings what the version puts in front of the code and after it
	 * @return the definition
	 * @throws RegistryFormException if a specifier has no URL
	 */
	public RegistryCode write(String key, String code, @Nullable IntFunction<@Nullable String> urlAt,
			List<Replacement> replacements, Surroundings surroundings) {
		Map<String, String> variables = new LinkedHashMap<>();
		String[] namespaces = new String[this.sources.size()];
		for (int i = 0; i < namespaces.length; i++) {
			Source source = this.sources.get(i);
			String url = (urlAt != null) ? urlAt.apply(source.start()) : source.value();
			if (url == null) {
				throw new RegistryFormException("an import the plan does not know: " + source.value());
			}
			namespaces[i] = variables.computeIfAbsent(url, (key2) -> "__vi" + variables.size());
		}
		List<String> aroundVariables = new ArrayList<>(surroundings.imports().size());
		for (String url : surroundings.imports()) {
			aroundVariables.add(variables.computeIfAbsent(url, (key2) -> "__vi" + variables.size()));
		}
		TextEdits text = new TextEdits();
		for (Edit edit : this.edits) {
			text.replace(edit.start(), edit.end(), edit.render(namespaces));
		}
		replacements.forEach((replacement) -> text.replace(replacement.start(), replacement.end(), replacement.text()));
		String header = header(key, variables, namespaces);
		StringBuilder body = new StringBuilder(header.length() + code.length() + 256).append(header);
		if (surroundings == Surroundings.NONE) {
			body.append(text.apply(code));
		}
		else {
			String prefix = surroundings.prefix(aroundVariables);
			String applied = text.apply(code);
			body.append(prefix).append(applied);
			if ((prefix.isEmpty() && applied.isEmpty()) || !applied.endsWith("\n")) {
				body.append('\n');
			}
			body.append(surroundings.suffix(aroundVariables));
		}
		return new RegistryCode(body.append("\n});\n").toString(), header.length(), List.copyOf(variables.keySet()));
	}

	private String header(String key, Map<String, String> variables, String[] namespaces) {
		StringBuilder header = new StringBuilder("__velocity_hmr__.define(").append(JsonStrings.quote(key))
			.append(", ")
			.append(FACTORY_PARAMETERS);
		if (!this.getters.isEmpty()) {
			header.append("__vr.x(__ve, {");
			this.getters.forEach((name, expression) -> header.append(JsonStrings.quote(name))
				.append(": () => ")
				.append(expression.render(namespaces))
				.append(", "));
			header.append("});");
		}
		variables.forEach((url, variable) -> header.append("const ")
			.append(variable)
			.append(" = __vr.i(")
			.append(JsonStrings.quote(url))
			.append(");"));
		this.stars.forEach((source) -> header.append("__vr.s(__ve, ").append(namespaces[source]).append(");"));
		this.declarations.forEach((local, binding) -> header.append("const ")
			.append(local)
			.append(" = ")
			.append(binding.render(namespaces))
			.append(';'));
		return header.toString();
	}

}
