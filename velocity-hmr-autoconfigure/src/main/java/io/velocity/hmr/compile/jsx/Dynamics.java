package io.velocity.hmr.compile.jsx;

import java.util.Set;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClass;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstComputedPropName;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstGetterProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstMethodProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstSetterProp;
import com.caoccao.javet.swc4j.ast.enums.Swc4jAstBinaryOp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstBinExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxFragment;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstOptChainExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSpreadElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSuperPropExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsAsExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsConstAssertion;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsNonNullExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsSatisfiesExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBigInt;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBool;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNull;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNumber;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstRegex;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstOptCall;

/**
 * The rule that decides what is reactive, Solid's: an expression is <em>dynamic</em>
 * when, outside any function it contains, it calls something ({@code count()},
 * {@code tag`…`}), reads a member ({@code props.name}, {@code a?.b}, {@code super.x}),
 * spreads, or tests {@code in}; for component props and children, JSX in it counts too.
 * Literals, identifiers (even of {@code let} variables), functions and templates without
 * such parts are static: they are evaluated once. A member of a namespace import
 * ({@code styles.button} after {@code import * as styles}) is static.
 */
final class Dynamics {

	private final Set<String> namespaces;

	Dynamics(Set<String> namespaces) {
		this.namespaces = namespaces;
	}

	boolean isDynamic(ISwc4jAstExpr expr, boolean checkTags) {
		ISwc4jAstExpr value = unwrap(expr);
		if (value instanceof Swc4jAstArrowExpr || value instanceof Swc4jAstFnExpr) {
			return false;
		}
		return scan(value, checkTags);
	}

	private boolean scan(ISwc4jAst node, boolean checkTags) {
		if (node instanceof Swc4jAstArrowExpr || node instanceof Swc4jAstFnExpr || node instanceof Swc4jAstClass
				|| node instanceof Swc4jAstMethodProp || node instanceof Swc4jAstGetterProp
				|| node instanceof Swc4jAstSetterProp) {
			return false;
		}
		if (node instanceof Swc4jAstCallExpr || node instanceof Swc4jAstOptCall || node instanceof Swc4jAstTaggedTpl
				|| node instanceof Swc4jAstOptChainExpr || node instanceof Swc4jAstSuperPropExpr
				|| node instanceof Swc4jAstSpreadElement) {
			return true;
		}
		if (node instanceof Swc4jAstMemberExpr member) {
			if (member.getObj() instanceof Swc4jAstIdent ident && this.namespaces.contains(ident.getSym())
					&& !(member.getProp() instanceof Swc4jAstComputedPropName)) {
				return false;
			}
			return true;
		}
		if (node instanceof Swc4jAstBinExpr bin && bin.getOp() == Swc4jAstBinaryOp.In) {
			return true;
		}
		if (node instanceof Swc4jAstJsxElement || node instanceof Swc4jAstJsxFragment) {
			return checkTags;
		}
		for (ISwc4jAst child : node.getChildNodes()) {
			if (child != null && scan(child, checkTags)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether JSX occurs in an expression, outside functions or not.
	 */
	static boolean hasJsx(ISwc4jAst node) {
		if (node instanceof Swc4jAstJsxElement || node instanceof Swc4jAstJsxFragment) {
			return true;
		}
		for (ISwc4jAst child : node.getChildNodes()) {
			if (child != null && hasJsx(child)) {
				return true;
			}
		}
		return false;
	}

	static boolean isFunction(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = unwrap(expr);
		return value instanceof Swc4jAstArrowExpr || value instanceof Swc4jAstFnExpr;
	}

	/**
	 * Whether an expression is a literal that can never be a function: such a value for
	 * an event handler is a mistake the compiler reports.
	 */
	static boolean isLiteral(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = unwrap(expr);
		return value instanceof Swc4jAstStr || value instanceof Swc4jAstNumber || value instanceof Swc4jAstBool
				|| value instanceof Swc4jAstNull || value instanceof Swc4jAstBigInt || value instanceof Swc4jAstRegex
				|| value instanceof Swc4jAstTpl;
	}

	static ISwc4jAstExpr unwrap(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = expr;
		while (true) {
			if (value instanceof Swc4jAstParenExpr paren) {
				value = paren.getExpr();
			}
			else if (value instanceof Swc4jAstTsAsExpr as) {
				value = as.getExpr();
			}
			else if (value instanceof Swc4jAstTsNonNullExpr nonNull) {
				value = nonNull.getExpr();
			}
			else if (value instanceof Swc4jAstTsSatisfiesExpr satisfies) {
				value = satisfies.getExpr();
			}
			else if (value instanceof Swc4jAstTsConstAssertion constant) {
				value = constant.getExpr();
			}
			else {
				return value;
			}
		}
	}

}
