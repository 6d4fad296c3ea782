package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.enums.Swc4jAstVarDeclKind;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;

import io.velocity.hmr.compile.ModuleSyntax.ImportSite;

/**
 * The hot module replacement facts of a syntax tree: the {@code import.meta.hot} API
 * calls anywhere in it ({@link HotApiCalls}) and, from its top-level statements, its
 * components, whether it exports only those, and whether it has side effects.
 * <p>
 * A <em>component</em> is a top-level {@code function Name(…)} (also exported, or the
 * named {@code export default function Name}) or a {@code const Name = (…) => …} or
 * {@code const Name = function …} whose name starts with an upper-case letter, in a
 * {@code .tsx} or {@code .jsx} module. An anonymous {@code export default function} has
 * no name to register it under and is not one; nor are classes.
 * <p>
 * Side effects are guessed as {@link SideEffects} describes.
 *
 * @param usesHot whether the tree refers to {@code import.meta.hot}
 * @param selfAccepts whether it calls {@code accept()} or {@code accept(function)}
 * @param acceptedDeps the string literals naming accepted dependencies, in source order
 * @param declines whether it calls {@code decline()}
 * @param disposes whether it calls {@code dispose(…)}
 * @param components the names of its components, in source order
 * @param onlyComponentExports whether it exports something and only components
 * @param sideEffects whether it has top-level side effects
 * @param exportsValues whether it exports something other than its components
 * @param topLevelAwait whether it awaits at its top level
 */
record HotSyntax(boolean usesHot, boolean selfAccepts, List<ImportSite> acceptedDeps, boolean declines,
		boolean disposes, List<String> components, boolean onlyComponentExports, boolean sideEffects,
		boolean exportsValues, boolean topLevelAwait) {

	/**
	 * Read the facts of a program.
	 * @param program a module, compiled or not
	 * @param mayHaveComponents whether the module is a {@code .tsx} or {@code .jsx}
	 * module
	 * @return the facts
	 */
	static HotSyntax of(ISwc4jAstProgram<?> program, boolean mayHaveComponents) {
		HotApiCalls calls = new HotApiCalls();
		program.visit(calls);
		List<ISwc4jAstModuleItem> body = (program instanceof Swc4jAstModule module) ? module.getBody() : List.of();
		SideEffects effects = new SideEffects(body);
		Set<String> components = new LinkedHashSet<>();
		List<String> exported = new ArrayList<>();
		boolean sideEffects = false;
		for (ISwc4jAstModuleItem item : body) {
			ISwc4jAst node = item;
			if (item instanceof Swc4jAstExportDecl export) {
				node = export.getDecl();
				exportedNames(node, exported);
			}
			if (node instanceof Swc4jAstFnDecl fn && isComponentName(fn.getIdent().getSym())) {
				components.add(fn.getIdent().getSym());
			}
			else if (node instanceof Swc4jAstVarDecl var) {
				for (Swc4jAstVarDeclarator declarator : var.getDecls()) {
					if (isComponent(var, declarator)) {
						components.add(((Swc4jAstBindingIdent) declarator.getName()).getId().getSym());
					}
					sideEffects |= declarator.getInit().filter(effects::isEffectfulValue).isPresent();
				}
			}
			else if (node instanceof Swc4jAstExprStmt statement) {
				sideEffects |= effects.isEffectfulStatement(statement);
			}
			else if (node instanceof Swc4jAstExportDefaultDecl export) {
				Optional<String> name = (export.getDecl() instanceof Swc4jAstFnExpr fn)
						? fn.getIdent().map(Swc4jAstIdent::getSym).filter(HotSyntax::isComponentName)
						: Optional.empty();
				name.ifPresent(components::add);
				exported.add(name.orElse(""));
			}
			else if (node instanceof Swc4jAstExportDefaultExpr export) {
				exported.add((unwrap(export.getExpr()) instanceof Swc4jAstIdent ident) ? ident.getSym() : "");
				sideEffects |= effects.isEffectfulValue(export.getExpr());
			}
			else if (node instanceof Swc4jAstNamedExport export && !export.isTypeOnly()) {
				export.getSpecifiers()
					.forEach((specifier) -> exported
						.add((export.getSrc().isEmpty() && specifier instanceof Swc4jAstExportNamedSpecifier named
								&& named.getOrig() instanceof Swc4jAstIdent ident) ? ident.getSym() : ""));
			}
			else if (node instanceof Swc4jAstExportAll) {
				exported.add("");
			}
		}
		if (!mayHaveComponents) {
			components.clear();
		}
		boolean onlyComponents = !components.isEmpty() && !exported.isEmpty() && components.containsAll(exported);
		return new HotSyntax(calls.usesHot, calls.selfAccepts, List.copyOf(calls.acceptedDeps), calls.declines,
				calls.disposes, List.copyOf(components), onlyComponents, sideEffects,
				!exported.isEmpty() && !onlyComponents, TopLevelAwait.in(program));
	}

	/**
	 * Whether the module can safely accept its own updates without saying so: it defines
	 * components, exports only those, has no side effects or disposes of them, and does
	 * not decline updates.
	 * @return whether the compiler may make it accept itself
	 */
	boolean canAcceptItself() {
		return !this.components.isEmpty() && this.onlyComponentExports && (!this.sideEffects || this.disposes)
				&& !this.declines;
	}

	/**
	 * Return these facts as features.
	 * @param acceptedUrls the resolved URLs of {@link #acceptedDeps()}
	 * @param autoAccepted whether the compiler makes the module accept itself
	 * @return the features
	 */
	HotFeatures features(List<String> acceptedUrls, boolean autoAccepted) {
		return HotFeatures.builder()
			.usesHot(this.usesHot)
			.selfAccepting(this.selfAccepts || autoAccepted)
			.acceptedDeps(acceptedUrls)
			.declines(this.declines)
			.disposes(this.disposes)
			.components(this.components)
			.onlyComponentExports(this.onlyComponentExports)
			.sideEffects(this.sideEffects)
			.exportsValues(this.exportsValues)
			.topLevelAwait(this.topLevelAwait)
			.build();
	}

	/**
	 * Return the first accepted dependency literal with the given value.
	 * @param specifier the value
	 * @return the site, if any
	 */
	Optional<ImportSite> find(String specifier) {
		return this.acceptedDeps.stream().filter((site) -> site.specifier().equals(specifier)).findFirst();
	}

	// The local names bound by 'export <declaration>'; "" for what cannot be a component.
	private static void exportedNames(ISwc4jAst decl, List<String> exported) {
		if (decl instanceof Swc4jAstFnDecl fn) {
			exported.add(fn.getIdent().getSym());
		}
		else if (decl instanceof Swc4jAstVarDecl var) {
			var.getDecls()
				.forEach((declarator) -> exported.add((declarator.getName() instanceof Swc4jAstBindingIdent binding)
						? binding.getId().getSym() : ""));
		}
		else {
			exported.add("");
		}
	}

	private static boolean isComponent(Swc4jAstVarDecl var, Swc4jAstVarDeclarator declarator) {
		return var.getKind() == Swc4jAstVarDeclKind.Const
				&& declarator.getName() instanceof Swc4jAstBindingIdent binding
				&& isComponentName(binding.getId().getSym())
				&& declarator.getInit()
					.map(HotSyntax::unwrap)
					.filter((init) -> init instanceof Swc4jAstArrowExpr || init instanceof Swc4jAstFnExpr)
					.isPresent();
	}

	private static boolean isComponentName(String name) {
		return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
	}

	static ISwc4jAstExpr unwrap(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = expr;
		while (value instanceof Swc4jAstParenExpr paren) {
			value = paren.getExpr();
		}
		return value;
	}

}
