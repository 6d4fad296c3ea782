package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxClosingElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.enums.Swc4jAstMetaPropKind;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstImportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamespaceSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;
import com.caoccao.javet.swc4j.span.Swc4jSpan;
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

	private final Map<String, Expression> getters;

	private final List<Integer> stars;

	private final Map<String, Binding> declarations;

	private RegistryPlan(List<Source> sources, List<Edit> edits, Map<String, Expression> getters, List<Integer> stars,
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
		ImportBindings imports = new ImportBindings();
		Map<String, Expression> getters = new LinkedHashMap<>();
		List<Integer> stars = new ArrayList<>();
		List<Edit> edits = new ArrayList<>();
		Positions positions = new Positions(code);
		for (ISwc4jAstModuleItem item : program.getBody()) {
			if (item instanceof Swc4jAstImportDecl declaration) {
				int source = imports.source(declaration.getSrc(), positions);
				for (ISwc4jAstImportSpecifier specifier : declaration.getSpecifiers()) {
					bindImport(imports, source, specifier);
				}
				positions.blank(edits, declaration.getSpan());
			}
			else if (item instanceof Swc4jAstExportDecl export) {
				ExportedNames.of(export.getDecl()).forEach((name) -> getters.put(name, Expression.local(name)));
				edits.add(Edit.text(positions.start(export), positions.start(export.getDecl()), ""));
			}
			else if (item instanceof Swc4jAstExportDefaultDecl export) {
				exportDefaultDecl(export, code, positions, edits, getters);
			}
			else if (item instanceof Swc4jAstExportDefaultExpr export) {
				edits.add(Edit.text(positions.start(export), positions.start(export.getExpr()), "const __vd = "));
				getters.put("default", Expression.local("__vd"));
			}
			else if (item instanceof Swc4jAstNamedExport export) {
				Integer source = export.getSrc().map((src) -> imports.source(src, positions)).orElse(null);
				for (ISwc4jAstExportSpecifier specifier : export.getSpecifiers()) {
					exportSpecifier(imports, source, specifier, getters);
				}
				positions.blank(edits, export.getSpan());
			}
			else if (item instanceof Swc4jAstExportAll export) {
				stars.add(imports.source(export.getSrc(), positions));
				positions.blank(edits, export.getSpan());
			}
		}
		program.visit(new References(imports, positions, edits));
		return new RegistryPlan(List.copyOf(imports.sources()), edits, getters, stars, Map.of());
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

	private static void bindImport(ImportBindings imports, int source, ISwc4jAstImportSpecifier specifier) {
		if (specifier instanceof Swc4jAstImportDefaultSpecifier defaultSpecifier) {
			imports.bind(defaultSpecifier.getLocal(), new Binding(source, ".default"));
		}
		else if (specifier instanceof Swc4jAstImportStarAsSpecifier star) {
			imports.bind(star.getLocal(), new Binding(source, ""));
		}
		else if (specifier instanceof Swc4jAstImportNamedSpecifier named) {
			imports.bind(named.getLocal(), new Binding(source,
					named.getImported().map(ImportBindings::member).orElseGet(() -> "." + named.getLocal().getSym())));
		}
	}

	private static void exportSpecifier(ImportBindings imports, @Nullable Integer source,
			ISwc4jAstExportSpecifier specifier, Map<String, Expression> getters) {
		if (specifier instanceof Swc4jAstExportNamespaceSpecifier star && source != null) {
			getters.put(ImportBindings.name(star.getName()), Expression.of(new Binding(source, "")));
		}
		else if (specifier instanceof Swc4jAstExportNamedSpecifier named) {
			String exported = ImportBindings.name(named.getExported().orElse(named.getOrig()));
			if (source != null) {
				getters.put(exported, Expression.of(new Binding(source, ImportBindings.member(named.getOrig()))));
			}
			else {
				Swc4jAstIdent local = (Swc4jAstIdent) named.getOrig();
				Binding imported = imports.binding(local);
				getters.put(exported, (imported != null) ? Expression.of(imported) : Expression.local(local.getSym()));
			}
		}
		else {
			throw new RegistryFormException("an export specifier of kind " + specifier.getType());
		}
	}

	private static void exportDefaultDecl(Swc4jAstExportDefaultDecl export, String code, Positions positions,
			List<Edit> edits, Map<String, Expression> getters) {
		int declStart = positions.start(export.getDecl());
		edits.add(Edit.text(positions.start(export), declStart, ""));
		Swc4jAstIdent name = (export.getDecl() instanceof Swc4jAstFnExpr function) ? function.getIdent().orElse(null)
				: (export.getDecl() instanceof Swc4jAstClassExpr clazz) ? clazz.getIdent().orElse(null) : null;
		if (name != null) {
			getters.put("default", Expression.local(name.getSym()));
			return;
		}
		// An anonymous declaration is named, so that it stays a hoisted declaration.
		String keyword = (export.getDecl() instanceof Swc4jAstClassExpr) ? "class" : "function";
		int at = code.indexOf(keyword, declStart) + keyword.length();
		int next = at;
		while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
			next++;
		}
		if (next < code.length() && code.charAt(next) == '*') {
			at = next + 1;
		}
		edits.add(Edit.text(at, at, " __vd"));
		getters.put("default", Expression.local("__vd"));
	}

	/**
	 * A module specifier the code names.
	 *
	 * @param start the string index of its literal in the code
	 * @param end the string index after the literal
	 * @param value the specifier, which is the URL in compiled code
	 */
	record Source(int start, int end, String value) {
	}

	/**
	 * What an imported binding reads: a member of a module's namespace, or the namespace.
	 *
	 * @param source the index of the module's specifier
	 * @param member {@code .name}, {@code ["name"]}, or empty for the namespace
	 */
	record Binding(int source, String member) {

		String render(String[] namespaces) {
			return namespaces[this.source] + this.member;
		}

	}

	/**
	 * What a getter of the namespace returns: an imported binding or a local name.
	 */
	private record Expression(@Nullable Binding binding, String local) {

		static Expression of(Binding binding) {
			return new Expression(binding, "");
		}

		static Expression local(String name) {
			return new Expression(null, name);
		}

		String render(String[] namespaces) {
			return (this.binding != null) ? this.binding.render(namespaces) : this.local;
		}

	}

	/**
	 * An edit of the code: fixed text, or a reference to an imported binding.
	 */
	private record Edit(int start, int end, String text, @Nullable Binding binding, Form form) {

		static Edit text(int start, int end, String text) {
			return new Edit(start, end, text, null, Form.TEXT);
		}

		String render(String[] namespaces) {
			if (this.binding == null) {
				return this.text;
			}
			String read = this.binding.render(namespaces);
			return switch (this.form) {
				// Called as a plain function, as it was, not as a method of the
				// namespace.
				case CALLEE -> read.contains(".") ? "(0, " + read + ")" : read;
				case SHORTHAND -> this.text + ": " + read;
				default -> read;
			};
		}

	}

	private enum Form {

		TEXT, READ, CALLEE, SHORTHAND

	}

	/**
	 * A range of the code to write over.
	 *
	 * @param start its string index
	 * @param end the string index after it
	 * @param text the text to write
	 */
	public record Replacement(int start, int end, String text) {
	}

	/**
	 * What a version of a module puts in front of its code, on its first line, and after
	 * it, in registry form: the modules that code imports come after the module's own.
	 */
	public interface Surroundings {

		/**
		 * Nothing around the code.
		 */
		Surroundings NONE = new Surroundings() {

			@Override
			public List<String> imports() {
				return List.of();
			}

			@Override
			public String prefix(List<String> namespaces) {
				return "";
			}

			@Override
			public String suffix(List<String> namespaces) {
				return "";
			}

		};

		/**
		 * The URLs the surroundings import.
		 * @return the URLs, in their order
		 */
		List<String> imports();

		/**
		 * The text in front of the first line.
		 * @param namespaces the variables holding the namespaces of {@link #imports()}
		 * @return the text, without line breaks
		 */
		String prefix(List<String> namespaces);

		/**
		 * The lines after the code.
		 * @param namespaces the variables holding the namespaces of {@link #imports()}
		 * @return the lines, each ending with a line break
		 */
		String suffix(List<String> namespaces);

	}

	/**
	 * Rewrites what refers to imports and to the module itself anywhere in the tree.
	 */
	private static final class References extends Swc4jAstVisitor {

		private final ImportBindings imports;

		private final Positions positions;

		private final List<Edit> edits;

		References(ImportBindings imports, Positions positions, List<Edit> edits) {
			this.imports = imports;
			this.positions = positions;
			this.edits = edits;
		}

		@Override
		public Swc4jAstVisitorResponse visitIdent(Swc4jAstIdent node) {
			Binding binding = this.imports.binding(node);
			if (binding != null && !inClosingTag(node)) {
				Form form = (node.getParent() instanceof Swc4jAstObjectLit) ? Form.SHORTHAND
						: (node.getParent() instanceof Swc4jAstCallExpr call && call.getCallee() == node) ? Form.CALLEE
								: Form.READ;
				this.edits
					.add(new Edit(this.positions.start(node), this.positions.end(node), node.getSym(), binding, form));
			}
			return super.visitIdent(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitMetaPropExpr(Swc4jAstMetaPropExpr node) {
			if (node.getKind() == Swc4jAstMetaPropKind.ImportMeta) {
				this.edits.add(Edit.text(this.positions.start(node), this.positions.end(node), "__vm"));
			}
			return super.visitMetaPropExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
			if (node.getCallee() instanceof Swc4jAstImport callee) {
				this.edits.add(Edit.text(this.positions.start(callee), this.positions.end(callee), "__vr.load"));
			}
			return super.visitCallExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitAwaitExpr(Swc4jAstAwaitExpr node) {
			checkInFunction(node);
			return super.visitAwaitExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitForOfStmt(Swc4jAstForOfStmt node) {
			if (node.isAwait()) {
				checkInFunction(node);
			}
			return super.visitForOfStmt(node);
		}

		// A closing tag repeats the opening one, which alone is written when JSX
		// compiles (compiled code has no JSX).
		private static boolean inClosingTag(ISwc4jAst node) {
			ISwc4jAst parent = node.getParent();
			while (parent instanceof Swc4jAstJsxMemberExpr) {
				parent = parent.getParent();
			}
			return parent instanceof Swc4jAstJsxClosingElement;
		}

		private static void checkInFunction(ISwc4jAst node) {
			for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
				if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
					return;
				}
			}
			throw new RegistryFormException("top-level await");
		}

	}

	/**
	 * Converts swc's code point offsets to string indexes.
	 */
	static final class Positions {

		private final String code;

		private final boolean ascii;

		Positions(String code) {
			this.code = code;
			this.ascii = code.chars().allMatch((ch) -> ch < 0xD800 || ch > 0xDFFF);
		}

		int start(ISwc4jAst node) {
			return index(node.getSpan().getStart());
		}

		int end(ISwc4jAst node) {
			return index(node.getSpan().getEnd());
		}

		/**
		 * Remove a span but keep its line breaks, so that no later line moves.
		 */
		void blank(List<Edit> edits, Swc4jSpan span) {
			int start = index(span.getStart());
			int end = index(span.getEnd());
			edits.add(Edit.text(start, end, this.code.substring(start, end).replaceAll("[^\n]", "")));
		}

		private int index(int codePoints) {
			if (this.ascii) {
				return Math.min(Math.max(codePoints, 0), this.code.length());
			}
			int count = Math.min(Math.max(codePoints, 0), this.code.codePointCount(0, this.code.length()));
			return this.code.offsetByCodePoints(0, count);
		}

	}

}
