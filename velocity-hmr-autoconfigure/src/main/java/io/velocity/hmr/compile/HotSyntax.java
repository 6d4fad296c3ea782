package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.enums.Swc4jAstVarDeclKind;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstNewExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstOptChainExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstOptCall;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
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
 * {@code .tsx} or {@code .jsx} module. An anonymous {@code export default function}
 * has no name to register it under and is not one; nor are classes.
 * <p>
 * <em>Side effects</em> are guessed, not proven. A module has them when it has, at the
 * top level:
 * <ul>
 * <li>an expression statement other than a call of an {@code import.meta.hot} method or
 * a string directive, for example {@code setInterval(…)}, {@code window.app = …} or
 * {@code await init()};</li>
 * <li>a variable initializer or {@code export default} expression that is a call,
 * {@code new}, {@code await} or tagged template, unless what it calls is imported from
 * {@code velocity} or {@code velocity/jsx-runtime}: {@code const [a, b] = createSignal(0)}
 * creates module state but nothing outside the module, so it is not a side effect, while
 * {@code const socket = io.connect()} is.</li>
 * </ul>
 * Statements such as {@code if} or {@code for}, and calls nested inside initializers
 * ({@code const x = [setInterval(…)]}), are not looked into, so some side effects go
 * unnoticed; a module whose author knows better can {@code accept()} itself.
 *
 * @param usesHot whether the tree refers to {@code import.meta.hot}
 * @param selfAccepts whether it calls {@code accept()} or {@code accept(function)}
 * @param acceptedDeps the string literals naming accepted dependencies, in source order
 * @param declines whether it calls {@code decline()}
 * @param disposes whether it calls {@code dispose(…)}
 * @param components the names of its components, in source order
 * @param onlyComponentExports whether it exports something and only components
 * @param sideEffects whether it has top-level side effects
 */
record HotSyntax(boolean usesHot, boolean selfAccepts, List<ImportSite> acceptedDeps, boolean declines,
		boolean disposes, List<String> components, boolean onlyComponentExports, boolean sideEffects) {

	private static final Set<String> PURE_SOURCES = Set.of("velocity", "velocity/jsx-runtime");

	/**
	 * Read the facts of a program.
	 * @param program a module, compiled or not
	 * @param mayHaveComponents whether the module is a {@code .tsx} or {@code .jsx} module
	 * @return the facts
	 */
	static HotSyntax of(ISwc4jAstProgram<?> program, boolean mayHaveComponents) {
		HotApiCalls calls = new HotApiCalls();
		program.visit(calls);
		List<ISwc4jAstModuleItem> body = (program instanceof Swc4jAstModule module) ? module.getBody() : List.of();
		Set<String> pureNames = pureNames(body);
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
					sideEffects |= declarator.getInit().filter((init) -> isEffectful(init, pureNames)).isPresent();
				}
			}
			else if (node instanceof Swc4jAstExprStmt statement) {
				sideEffects |= !(unwrap(statement.getExpr()) instanceof Swc4jAstStr)
						&& !HotApiCalls.isHotCall(statement.getExpr());
			}
			else if (node instanceof Swc4jAstExportDefaultDecl export) {
				Optional<String> name = (export.getDecl() instanceof Swc4jAstFnExpr fn)
						? fn.getIdent().map(Swc4jAstIdent::getSym).filter(HotSyntax::isComponentName) : Optional.empty();
				name.ifPresent(components::add);
				exported.add(name.orElse(""));
			}
			else if (node instanceof Swc4jAstExportDefaultExpr export) {
				exported.add((unwrap(export.getExpr()) instanceof Swc4jAstIdent ident) ? ident.getSym() : "");
				sideEffects |= isEffectful(export.getExpr(), pureNames);
			}
			else if (node instanceof Swc4jAstNamedExport export && !export.isTypeOnly()) {
				export.getSpecifiers().forEach((specifier) -> exported.add((export.getSrc().isEmpty()
						&& specifier instanceof Swc4jAstExportNamedSpecifier named
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
				calls.disposes, List.copyOf(components), onlyComponents, sideEffects);
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

	private static Set<String> pureNames(List<ISwc4jAstModuleItem> body) {
		Set<String> names = new HashSet<>();
		for (ISwc4jAstModuleItem item : body) {
			if (item instanceof Swc4jAstImportDecl declaration && PURE_SOURCES.contains(declaration.getSrc().getValue())) {
				declaration.getSpecifiers().forEach((specifier) -> {
					if (specifier instanceof Swc4jAstImportNamedSpecifier named) {
						names.add(named.getLocal().getSym());
					}
					else if (specifier instanceof Swc4jAstImportDefaultSpecifier defaultSpecifier) {
						names.add(defaultSpecifier.getLocal().getSym());
					}
					else if (specifier instanceof Swc4jAstImportStarAsSpecifier namespace) {
						names.add(namespace.getLocal().getSym());
					}
				});
			}
		}
		return names;
	}

	private static boolean isComponent(Swc4jAstVarDecl var, Swc4jAstVarDeclarator declarator) {
		return var.getKind() == Swc4jAstVarDeclKind.Const
				&& declarator.getName() instanceof Swc4jAstBindingIdent binding
				&& isComponentName(binding.getId().getSym()) && declarator.getInit()
					.map(HotSyntax::unwrap)
					.filter((init) -> init instanceof Swc4jAstArrowExpr || init instanceof Swc4jAstFnExpr)
					.isPresent();
	}

	private static boolean isComponentName(String name) {
		return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
	}

	private static boolean isEffectful(ISwc4jAstExpr expr, Set<String> pureNames) {
		ISwc4jAstExpr value = unwrap(expr);
		if (value instanceof Swc4jAstCallExpr call) {
			return !(call.getCallee() instanceof ISwc4jAstExpr callee && isPure(callee, pureNames));
		}
		if (value instanceof Swc4jAstOptChainExpr chain && chain.getBase() instanceof Swc4jAstOptCall call) {
			return !isPure(call.getCallee(), pureNames);
		}
		if (value instanceof Swc4jAstTaggedTpl tagged) {
			return !isPure(tagged.getTag(), pureNames);
		}
		return value instanceof Swc4jAstNewExpr || value instanceof Swc4jAstAwaitExpr;
	}

	// A name imported from the runtime, or a member of such a namespace.
	private static boolean isPure(ISwc4jAstExpr callee, Set<String> pureNames) {
		ISwc4jAstExpr target = unwrap(callee);
		if (target instanceof Swc4jAstMemberExpr member) {
			target = unwrap(member.getObj());
		}
		return target instanceof Swc4jAstIdent ident && pureNames.contains(ident.getSym());
	}

	static ISwc4jAstExpr unwrap(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = expr;
		while (value instanceof Swc4jAstParenExpr paren) {
			value = paren.getExpr();
		}
		return value;
	}

}
