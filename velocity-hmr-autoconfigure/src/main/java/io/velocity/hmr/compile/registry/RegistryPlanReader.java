package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstImportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamespaceSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link RegistryPlan} from a module's syntax tree: its import and export
 * declarations at the top level, then every reference to an imported binding, to
 * {@code import.meta} and to {@code import()} anywhere in it ({@link ImportReferences}).
 */
final class RegistryPlanReader {

	private RegistryPlanReader() {
	}

	static RegistryPlan read(String code, Swc4jAstModule program) {
		ImportBindings imports = new ImportBindings();
		Map<String, Getter> getters = new LinkedHashMap<>();
		List<Integer> stars = new ArrayList<>();
		List<Edit> edits = new ArrayList<>();
		CodePositions positions = new CodePositions(code);
		for (ISwc4jAstModuleItem item : program.getBody()) {
			if (item instanceof Swc4jAstImportDecl declaration) {
				int source = imports.source(declaration.getSrc(), positions);
				for (ISwc4jAstImportSpecifier specifier : declaration.getSpecifiers()) {
					bindImport(imports, source, specifier);
				}
				positions.blank(edits, declaration.getSpan());
			}
			else if (item instanceof Swc4jAstExportDecl export) {
				ExportedNames.of(export.getDecl()).forEach((name) -> getters.put(name, Getter.local(name)));
				edits.add(Edit.text(positions.start(export), positions.start(export.getDecl()), ""));
			}
			else if (item instanceof Swc4jAstExportDefaultDecl export) {
				exportDefaultDecl(export, code, positions, edits, getters);
			}
			else if (item instanceof Swc4jAstExportDefaultExpr export) {
				edits.add(Edit.text(positions.start(export), positions.start(export.getExpr()), "const __vd = "));
				getters.put("default", Getter.local("__vd"));
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
		program.visit(new ImportReferences(imports, positions, edits));
		return new RegistryPlan(List.copyOf(imports.sources()), edits, getters, stars, Map.of());
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
			ISwc4jAstExportSpecifier specifier, Map<String, Getter> getters) {
		if (specifier instanceof Swc4jAstExportNamespaceSpecifier star && source != null) {
			getters.put(ImportBindings.name(star.getName()), Getter.of(new Binding(source, "")));
		}
		else if (specifier instanceof Swc4jAstExportNamedSpecifier named) {
			String exported = ImportBindings.name(named.getExported().orElse(named.getOrig()));
			if (source != null) {
				getters.put(exported, Getter.of(new Binding(source, ImportBindings.member(named.getOrig()))));
			}
			else {
				Swc4jAstIdent local = (Swc4jAstIdent) named.getOrig();
				Binding imported = imports.binding(local);
				getters.put(exported, (imported != null) ? Getter.of(imported) : Getter.local(local.getSym()));
			}
		}
		else {
			throw new RegistryFormException("an export specifier of kind " + specifier.getType());
		}
	}

	private static void exportDefaultDecl(Swc4jAstExportDefaultDecl export, String code, CodePositions positions,
			List<Edit> edits, Map<String, Getter> getters) {
		int declStart = positions.start(export.getDecl());
		edits.add(Edit.text(positions.start(export), declStart, ""));
		Swc4jAstIdent name = (export.getDecl() instanceof Swc4jAstFnExpr function) ? function.getIdent().orElse(null)
				: (export.getDecl() instanceof Swc4jAstClassExpr clazz) ? clazz.getIdent().orElse(null) : null;
		if (name != null) {
			getters.put("default", Getter.local(name.getSym()));
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
		getters.put("default", Getter.local("__vd"));
	}

}
