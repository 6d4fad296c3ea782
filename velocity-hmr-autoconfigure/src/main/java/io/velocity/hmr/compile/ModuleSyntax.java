package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstDecl;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstObjectPatProp;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPat;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamespaceSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstArrayPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstKeyValuePatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstObjectPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstRestPat;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;
import com.caoccao.javet.swc4j.span.Swc4jSpan;

/**
 * The module-level facts of a syntax tree: every import specifier written as a string
 * literal (static imports, re-exports and {@code import('literal')}) with its span, and
 * the names the module exports. Dynamic imports of anything but a plain string literal
 * cannot be resolved ahead of time and are left out.
 *
 * @param imports the import sites, in source order
 * @param exports the exported names, in source order
 */
record ModuleSyntax(List<ImportSite> imports, List<String> exports) {

	static ModuleSyntax of(ISwc4jAstProgram<?> program) {
		Collector collector = new Collector();
		program.visit(collector);
		return new ModuleSyntax(List.copyOf(collector.imports), List.copyOf(collector.exports));
	}

	/**
	 * Return the first import site with the given specifier.
	 * @param specifier the specifier
	 * @return the site, if any
	 */
	Optional<ImportSite> find(String specifier) {
		return this.imports.stream().filter((site) -> site.specifier().equals(specifier)).findFirst();
	}

	/**
	 * A string literal naming an imported module.
	 *
	 * @param specifier the specifier value
	 * @param span the span of the literal, quotes included; offsets and columns count
	 * code points
	 * @param dynamic whether the literal is the argument of {@code import()}
	 */
	record ImportSite(String specifier, Swc4jSpan span, boolean dynamic) {
	}

	private static final class Collector extends Swc4jAstVisitor {

		private final List<ImportSite> imports = new ArrayList<>();

		private final Set<String> exports = new LinkedHashSet<>();

		@Override
		public Swc4jAstVisitorResponse visitImportDecl(Swc4jAstImportDecl node) {
			if (!node.isTypeOnly()) {
				addImport(node.getSrc(), false);
			}
			return super.visitImportDecl(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitNamedExport(Swc4jAstNamedExport node) {
			if (!node.isTypeOnly()) {
				node.getSrc().ifPresent((src) -> addImport(src, false));
				node.getSpecifiers().forEach(this::addExport);
			}
			return super.visitNamedExport(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitExportAll(Swc4jAstExportAll node) {
			// The names of 'export *' are only known from the target module.
			if (!node.isTypeOnly()) {
				addImport(node.getSrc(), false);
			}
			return super.visitExportAll(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
			if (node.getCallee() instanceof Swc4jAstImport && !node.getArgs().isEmpty()) {
				Swc4jAstExprOrSpread argument = node.getArgs().get(0);
				if (argument.getSpread().isEmpty() && argument.getExpr() instanceof Swc4jAstStr str) {
					addImport(str, true);
				}
			}
			return super.visitCallExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitExportDecl(Swc4jAstExportDecl node) {
			ISwc4jAstDecl decl = node.getDecl();
			if (decl instanceof Swc4jAstVarDecl var) {
				for (Swc4jAstVarDeclarator declarator : var.getDecls()) {
					addBindings(declarator.getName());
				}
			}
			else if (decl instanceof Swc4jAstFnDecl fn) {
				this.exports.add(fn.getIdent().getSym());
			}
			else if (decl instanceof Swc4jAstClassDecl clazz) {
				this.exports.add(clazz.getIdent().getSym());
			}
			return super.visitExportDecl(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitExportDefaultDecl(Swc4jAstExportDefaultDecl node) {
			this.exports.add("default");
			return super.visitExportDefaultDecl(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitExportDefaultExpr(Swc4jAstExportDefaultExpr node) {
			this.exports.add("default");
			return super.visitExportDefaultExpr(node);
		}

		private void addImport(Swc4jAstStr src, boolean dynamic) {
			this.imports.add(new ImportSite(src.getValue(), src.getSpan(), dynamic));
		}

		private void addExport(ISwc4jAstExportSpecifier specifier) {
			if (specifier instanceof Swc4jAstExportNamedSpecifier named) {
				this.exports.add(name(named.getExported().orElse(named.getOrig())));
			}
			else if (specifier instanceof Swc4jAstExportNamespaceSpecifier namespace) {
				this.exports.add(name(namespace.getName()));
			}
		}

		private void addBindings(ISwc4jAstPat pattern) {
			if (pattern instanceof Swc4jAstBindingIdent binding) {
				this.exports.add(binding.getId().getSym());
			}
			else if (pattern instanceof Swc4jAstArrayPat array) {
				array.getElems().forEach((element) -> element.ifPresent(this::addBindings));
			}
			else if (pattern instanceof Swc4jAstObjectPat object) {
				for (ISwc4jAstObjectPatProp property : object.getProps()) {
					if (property instanceof Swc4jAstKeyValuePatProp keyValue) {
						addBindings(keyValue.getValue());
					}
					else if (property instanceof Swc4jAstAssignPatProp assign) {
						addBindings(assign.getKey());
					}
					else if (property instanceof Swc4jAstRestPat rest) {
						addBindings(rest.getArg());
					}
				}
			}
			else if (pattern instanceof Swc4jAstAssignPat assign) {
				addBindings(assign.getLeft());
			}
			else if (pattern instanceof Swc4jAstRestPat rest) {
				addBindings(rest.getArg());
			}
		}

		private static String name(ISwc4jAstModuleExportName name) {
			return (name instanceof Swc4jAstStr str) ? str.getValue() : ((Swc4jAstIdent) name).getSym();
		}

	}

}
