package io.velocity.hmr.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.enums.Swc4jAstMetaPropKind;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstDecl;
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

import io.velocity.hmr.compile.JsonStrings;

/**
 * Turns a compiled ES module into a registry definition: <pre class="code">
 * __velocity_hmr__.define("/frontend/Counter.tsx", function (__vr, __ve, __vm) { ... });
 * </pre> The factory first gives the namespace {@code __ve} a getter per export (so a
 * module in a cycle sees them before it ran, as ES modules do), then asks the registry
 * for the namespace of each imported module in import order ({@code __vr.i(url)}:
 * evaluated depth first, or returned half-done when it is evaluating, in a cycle), then
 * runs the code. Import declarations go; each reference to an imported binding becomes a
 * read of the exporter's namespace, found by name and syntax context so that an inner
 * variable of the same name is left alone. {@code import.meta} becomes the module's own
 * meta object {@code __vm}, {@code import()} the registry's loader. No line moves: the
 * header goes on the first line, so the module's own source map stays valid but for
 * columns on that line (the index map's section offset accounts for them) and on lines
 * where names grew.
 */
public final class RegistryTransform {

	static final String FACTORY_PARAMETERS = "function (__vr, __ve, __vm) {";

	private RegistryTransform() {
	}

	/**
	 * Transform one module.
	 * @param key the URL the module is registered under, as its importers write it
	 * @param code the compiled module, without source map comment
	 * @param program its syntax tree, parsed with scope analysis
	 * @return the definition
	 * @throws UnsupportedModuleException if the module awaits at its top level
	 */
	public static RegistryModule transform(String key, String code, Swc4jAstModule program) {
		ImportBindings imports = new ImportBindings();
		Map<String, String> getters = new LinkedHashMap<>();
		List<String> stars = new ArrayList<>();
		TextEdits edits = new TextEdits();
		Positions positions = new Positions(code);
		for (ISwc4jAstModuleItem item : program.getBody()) {
			if (item instanceof Swc4jAstImportDecl declaration) {
				String namespace = imports.namespace(declaration.getSrc().getValue());
				for (ISwc4jAstImportSpecifier specifier : declaration.getSpecifiers()) {
					bindImport(imports, namespace, specifier);
				}
				positions.blank(edits, declaration.getSpan());
			}
			else if (item instanceof Swc4jAstExportDecl export) {
				ExportedNames.of(export.getDecl()).forEach((name) -> getters.put(name, name));
				edits.replace(positions.start(export), positions.start(export.getDecl()), "");
			}
			else if (item instanceof Swc4jAstExportDefaultDecl export) {
				exportDefaultDecl(export, code, positions, edits, getters);
			}
			else if (item instanceof Swc4jAstExportDefaultExpr export) {
				edits.replace(positions.start(export), positions.start(export.getExpr()), "const __vd = ");
				getters.put("default", "__vd");
			}
			else if (item instanceof Swc4jAstNamedExport export) {
				String namespace = export.getSrc().map((src) -> imports.namespace(src.getValue())).orElse(null);
				for (ISwc4jAstExportSpecifier specifier : export.getSpecifiers()) {
					exportSpecifier(imports, namespace, specifier, getters);
				}
				positions.blank(edits, export.getSpan());
			}
			else if (item instanceof Swc4jAstExportAll export) {
				stars.add(imports.namespace(export.getSrc().getValue()));
				positions.blank(edits, export.getSpan());
			}
		}
		program.visit(new References(imports, positions, edits));
		String header = header(key, imports, getters, stars);
		return new RegistryModule(key, header + edits.apply(code) + "\n});\n", header.length(),
				List.copyOf(imports.variables().keySet()));
	}

	private static void bindImport(ImportBindings imports, String namespace, ISwc4jAstImportSpecifier specifier) {
		if (specifier instanceof Swc4jAstImportDefaultSpecifier defaultSpecifier) {
			imports.bind(defaultSpecifier.getLocal(), namespace + ".default");
		}
		else if (specifier instanceof Swc4jAstImportStarAsSpecifier star) {
			imports.bind(star.getLocal(), namespace);
		}
		else if (specifier instanceof Swc4jAstImportNamedSpecifier named) {
			imports.bind(named.getLocal(),
					named.getImported()
						.map((name) -> ImportBindings.member(namespace, name))
						.orElseGet(() -> namespace + "." + named.getLocal().getSym()));
		}
	}

	private static void exportSpecifier(ImportBindings imports, String namespace, ISwc4jAstExportSpecifier specifier,
			Map<String, String> getters) {
		if (specifier instanceof Swc4jAstExportNamespaceSpecifier star && namespace != null) {
			getters.put(ImportBindings.name(star.getName()), namespace);
		}
		else if (specifier instanceof Swc4jAstExportNamedSpecifier named) {
			String exported = ImportBindings.name(named.getExported().orElse(named.getOrig()));
			if (namespace != null) {
				getters.put(exported, ImportBindings.member(namespace, named.getOrig()));
			}
			else {
				Swc4jAstIdent local = (Swc4jAstIdent) named.getOrig();
				String imported = imports.replacement(local);
				getters.put(exported, (imported != null) ? imported : local.getSym());
			}
		}
		else {
			throw new UnsupportedModuleException("an export specifier of kind " + specifier.getType());
		}
	}

	private static void exportDefaultDecl(Swc4jAstExportDefaultDecl export, String code, Positions positions,
			TextEdits edits, Map<String, String> getters) {
		int declStart = positions.start(export.getDecl());
		edits.replace(positions.start(export), declStart, "");
		Swc4jAstIdent name = (export.getDecl() instanceof Swc4jAstFnExpr function) ? function.getIdent().orElse(null)
				: (export.getDecl() instanceof Swc4jAstClassExpr clazz) ? clazz.getIdent().orElse(null) : null;
		if (name != null) {
			getters.put("default", name.getSym());
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
		edits.insert(at, " __vd");
		getters.put("default", "__vd");
	}

	private static String header(String key, ImportBindings imports, Map<String, String> getters, List<String> stars) {
		StringBuilder header = new StringBuilder("__velocity_hmr__.define(").append(JsonStrings.quote(key))
			.append(", ")
			.append(FACTORY_PARAMETERS);
		if (!getters.isEmpty()) {
			header.append("__vr.x(__ve, {");
			getters.forEach((name, expression) -> header.append(JsonStrings.quote(name))
				.append(": () => ")
				.append(expression)
				.append(", "));
			header.append("});");
		}
		imports.variables()
			.forEach((url, variable) -> header.append("const ")
				.append(variable)
				.append(" = __vr.i(")
				.append(JsonStrings.quote(url))
				.append(");"));
		stars.forEach((namespace) -> header.append("__vr.s(__ve, ").append(namespace).append(");"));
		return header.toString();
	}

	/**
	 * Rewrites what refers to imports and to the module itself anywhere in the tree.
	 */
	private static final class References extends Swc4jAstVisitor {

		private final ImportBindings imports;

		private final Positions positions;

		private final TextEdits edits;

		References(ImportBindings imports, Positions positions, TextEdits edits) {
			this.imports = imports;
			this.positions = positions;
			this.edits = edits;
		}

		@Override
		public Swc4jAstVisitorResponse visitIdent(Swc4jAstIdent node) {
			String replacement = this.imports.replacement(node);
			if (replacement != null) {
				boolean shorthand = node.getParent() instanceof Swc4jAstObjectLit;
				// Called as a plain function, as it was, not as a method of the
				// namespace.
				boolean callee = node.getParent() instanceof Swc4jAstCallExpr call && call.getCallee() == node
						&& replacement.contains(".");
				this.edits.replace(this.positions.start(node), this.positions.end(node), shorthand
						? node.getSym() + ": " + replacement : callee ? "(0, " + replacement + ")" : replacement);
			}
			return super.visitIdent(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitMetaPropExpr(Swc4jAstMetaPropExpr node) {
			if (node.getKind() == Swc4jAstMetaPropKind.ImportMeta) {
				this.edits.replace(this.positions.start(node), this.positions.end(node), "__vm");
			}
			return super.visitMetaPropExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
			if (node.getCallee() instanceof Swc4jAstImport callee) {
				this.edits.replace(this.positions.start(callee), this.positions.end(callee), "__vr.load");
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

		private static void checkInFunction(ISwc4jAst node) {
			for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
				if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
					return;
				}
			}
			throw new UnsupportedModuleException("top-level await");
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
		void blank(TextEdits edits, Swc4jSpan span) {
			int start = index(span.getStart());
			int end = index(span.getEnd());
			edits.replace(start, end, this.code.substring(start, end).replaceAll("[^\n]", ""));
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
