package io.velocity.hmr.compile.jsx;

import java.util.List;

import com.caoccao.javet.swc4j.ast.enums.Swc4jAstBinaryOp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstBinExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCondExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxFragment;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxSpreadChild;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstJsxText;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxElementChild;

/**
 * Compiles components, fragments and the values of children: a component becomes
 * {@code createComponent(Comp, props)} with its props written by {@link PropsWriter}
 * (dynamic ones as getters, so that {@code props.n} stays reactive); a fragment becomes
 * its child or an array of them. A dynamic child expression becomes a function, read by
 * {@code insert} in an effect; when it is a condition choosing JSX ({@code a() ? <A/> :
 * <B/>}, {@code a() && <A/>}) the condition gets a memo of its own, so that the branch is
 * created again only when the condition flips.
 */
final class ComponentCompiler {

	private final JsxCompiler compiler;

	private final PropsWriter props;

	ComponentCompiler(JsxCompiler compiler) {
		this.compiler = compiler;
		this.props = new PropsWriter(compiler, this);
	}

	void component(Swc4jAstJsxElement element) {
		int at = this.compiler.source.start(element);
		this.compiler.write(this.compiler.helper("createComponent") + "(", at);
		this.compiler.writeComponentTag(element);
		this.compiler.write(", ", at);
		this.props.write(element.getOpening().getAttrs(), JsxChildren.meaningful(element.getChildren()), false);
		this.compiler.write(")", at);
	}

	void props(List<ISwc4jAstJsxAttrOrSpread> attrs, List<ISwc4jAstJsxElementChild> children, boolean element) {
		this.props.write(attrs, (children != null) ? children : List.of(), element);
	}

	void fragment(Swc4jAstJsxFragment fragment) {
		children(JsxChildren.meaningful(fragment.getChildren()), this.compiler.source.start(fragment));
	}

	/**
	 * Write children as one value: nothing, one child, or an array.
	 */
	void children(List<ISwc4jAstJsxElementChild> children, int at) {
		if (children.size() == 1) {
			child(children.get(0), true);
			return;
		}
		this.compiler.write("[", at);
		for (int i = 0; i < children.size(); i++) {
			this.compiler.write((i > 0) ? ", " : "", at);
			child(children.get(i), true);
		}
		this.compiler.write("]", at);
	}

	/**
	 * Write one child as a value.
	 * @param memo whether a dynamic expression is wrapped in a memo (in arrays and
	 * fragments) rather than a plain function
	 */
	void child(ISwc4jAstJsxElementChild child, boolean memo) {
		int at = this.compiler.source.start(child);
		if (child instanceof Swc4jAstJsxText text) {
			this.compiler.write(JsxCompiler.quote(JsxChildren.text(text)), at);
		}
		else if (child instanceof Swc4jAstJsxExprContainer container
				&& container.getExpr() instanceof ISwc4jAstExpr expr) {
			if (memo && this.compiler.dynamics.isDynamic(expr, true) && !isCondition(expr)) {
				this.compiler.write(this.compiler.helper("memo") + "(() => ", at);
				this.compiler.emitExpression(expr);
				this.compiler.write(")", at);
			}
			else {
				childValue(expr, true);
			}
		}
		else if (child instanceof Swc4jAstJsxSpreadChild spread) {
			this.compiler.emitExpression(spread.getExpr());
		}
		else {
			this.compiler.emitValue(child);
		}
	}

	/**
	 * Write the value of an expression child: a function when it is dynamic.
	 */
	void childValue(ISwc4jAstExpr expr, boolean checkTags) {
		int at = this.compiler.source.start(expr);
		if (!this.compiler.dynamics.isDynamic(expr, checkTags)) {
			this.compiler.emitExpression(expr);
			return;
		}
		ISwc4jAstExpr value = Dynamics.unwrap(expr);
		if (isCondition(value)) {
			String condition = this.compiler.id("_c$");
			this.compiler.write("(() => { const " + condition + " = " + this.compiler.helper("memo") + "(() => !!", at);
			if (value instanceof Swc4jAstCondExpr conditional) {
				this.compiler.emitExpression(conditional.getTest());
				this.compiler.write("); return () => " + condition + "() ? ", at);
				this.compiler.emitExpression(conditional.getCons());
				this.compiler.write(" : ", at);
				this.compiler.emitExpression(conditional.getAlt());
			}
			else {
				Swc4jAstBinExpr and = (Swc4jAstBinExpr) value;
				this.compiler.emitExpression(and.getLeft());
				this.compiler.write("); return () => " + condition + "() && ", at);
				this.compiler.emitExpression(and.getRight());
			}
			this.compiler.write("; })()", at);
			return;
		}
		this.compiler.write("() => ", at);
		this.compiler.emitExpression(expr);
	}

	private boolean isCondition(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = Dynamics.unwrap(expr);
		if (value instanceof Swc4jAstCondExpr conditional) {
			return this.compiler.dynamics.isDynamic(conditional.getTest(), false)
					&& (Dynamics.hasJsx(conditional.getCons()) || Dynamics.hasJsx(conditional.getAlt()));
		}
		return value instanceof Swc4jAstBinExpr and && and.getOp() == Swc4jAstBinaryOp.LogicalAnd
				&& this.compiler.dynamics.isDynamic(and.getLeft(), false) && Dynamics.hasJsx(and.getRight());
	}

}
