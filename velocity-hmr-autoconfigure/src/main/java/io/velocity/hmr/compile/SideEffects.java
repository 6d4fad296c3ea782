package io.velocity.hmr.compile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstNewExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstOptChainExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstOptCall;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;

/**
 * Guesses whether a module has top-level side effects: whether running it a second time,
 * as a hot update does, would repeat something outside the module. The guess is made from
 * the syntax tree, not proven. A module has side effects when it has, at the top level:
 * <ul>
 * <li>an expression statement other than a call of an {@code import.meta.hot} method or a
 * string directive, for example {@code setInterval(…)}, {@code window.app = …} or
 * {@code await init()}, but not the {@code delegateEvents([…])} of compiled JSX, which is
 * harmless to repeat;</li>
 * <li>a variable initializer or {@code export default} expression that is a call,
 * {@code new}, {@code await} or tagged template, unless what it calls is imported from
 * {@code velocity}, {@code velocity/jsx-runtime} or {@code velocity/store}:
 * {@code const [a, b] = createSignal(0)} creates module state but nothing outside the
 * module, so it is not a side effect, while {@code const socket = io.connect()} is.</li>
 * </ul>
 * Statements such as {@code if} or {@code for}, and calls nested inside initializers
 * ({@code const x = [setInterval(…)]}), are not looked into, so some side effects go
 * unnoticed; a module whose author knows better can {@code accept()} itself.
 */
final class SideEffects {

	private static final Set<String> PURE_SOURCES = Set.of("velocity", "velocity/jsx-runtime", "velocity/web",
			"velocity/store", "solid-js", "solid-js/web", "solid-js/store");

	// Calls that compiled JSX makes at the top level and that are harmless to repeat.
	private static final Set<String> IDEMPOTENT_CALLS = Set.of("delegateEvents");

	private final Set<String> pureNames;

	private final Set<String> idempotentNames = new HashSet<>();

	/**
	 * Create an instance for one module.
	 * @param body the module's top-level items, whose imports from the runtime are pure
	 */
	SideEffects(List<ISwc4jAstModuleItem> body) {
		this.pureNames = pureNames(body, this.idempotentNames);
	}

	/**
	 * Whether a top-level expression statement is a side effect.
	 * @param statement the statement
	 * @return whether it is neither a call of an {@code import.meta.hot} method nor a
	 * string directive
	 */
	boolean isEffectfulStatement(Swc4jAstExprStmt statement) {
		ISwc4jAstExpr expr = HotSyntax.unwrap(statement.getExpr());
		boolean idempotent = expr instanceof Swc4jAstCallExpr call && call.getCallee() instanceof Swc4jAstIdent callee
				&& this.idempotentNames.contains(callee.getSym());
		return !(expr instanceof Swc4jAstStr) && !HotApiCalls.isHotCall(statement.getExpr()) && !idempotent;
	}

	/**
	 * Whether evaluating a top-level variable initializer or default export is a side
	 * effect.
	 * @param expr the expression
	 * @return whether it is a call, {@code new}, {@code await} or tagged template of
	 * something not imported from the runtime
	 */
	boolean isEffectfulValue(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = HotSyntax.unwrap(expr);
		if (value instanceof Swc4jAstCallExpr call) {
			return !(call.getCallee() instanceof ISwc4jAstExpr callee && isPure(callee));
		}
		if (value instanceof Swc4jAstOptChainExpr chain && chain.getBase() instanceof Swc4jAstOptCall call) {
			return !isPure(call.getCallee());
		}
		if (value instanceof Swc4jAstTaggedTpl tagged) {
			return !isPure(tagged.getTag());
		}
		return value instanceof Swc4jAstNewExpr || value instanceof Swc4jAstAwaitExpr;
	}

	// A name imported from the runtime, or a member of such a namespace.
	private boolean isPure(ISwc4jAstExpr callee) {
		ISwc4jAstExpr target = HotSyntax.unwrap(callee);
		if (target instanceof Swc4jAstMemberExpr member) {
			target = HotSyntax.unwrap(member.getObj());
		}
		return target instanceof Swc4jAstIdent ident && this.pureNames.contains(ident.getSym());
	}

	private static Set<String> pureNames(List<ISwc4jAstModuleItem> body, Set<String> idempotentNames) {
		Set<String> names = new HashSet<>();
		for (ISwc4jAstModuleItem item : body) {
			if (item instanceof Swc4jAstImportDecl declaration
					&& PURE_SOURCES.contains(declaration.getSrc().getValue())) {
				declaration.getSpecifiers().forEach((specifier) -> {
					if (specifier instanceof Swc4jAstImportNamedSpecifier named) {
						names.add(named.getLocal().getSym());
						String imported = named.getImported()
							.map((name) -> (name instanceof Swc4jAstIdent ident) ? ident.getSym() : "")
							.orElse(named.getLocal().getSym());
						if (IDEMPOTENT_CALLS.contains(imported)) {
							idempotentNames.add(named.getLocal().getSym());
						}
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

}
