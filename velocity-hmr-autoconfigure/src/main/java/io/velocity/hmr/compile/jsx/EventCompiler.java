package io.velocity.hmr.compile.jsx;

import java.util.Locale;
import java.util.Optional;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstArrayLit;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrValue;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxAttr;

/**
 * Compiles what an element does rather than shows: event handlers, {@code ref} and
 * {@code use:} directives. Delegated events ({@link JsxNames#DELEGATED_EVENTS}) are
 * stored on the element as {@code $$click}, with {@code $$clickData} for
 * {@code onClick={[handler, data]}}; others get a listener. A literal handler value is a
 * compile problem; any other value that is not a function is ignored at run time, so an
 * {@code on*} value never becomes an attribute.
 */
final class EventCompiler {

	private final JsxCompiler compiler;

	EventCompiler(JsxCompiler compiler) {
		this.compiler = compiler;
	}

	void compile(TemplatePlan plan, TemplateNode node, Swc4jAstJsxAttr attr, String name, String namespace,
			String local) {
		int at = this.compiler.source.start(attr);
		Optional<ISwc4jAstExpr> value = expression(attr);
		if (name.equals("ref") || namespace.equals("use")) {
			plan.first.add(() -> {
				if (name.equals("ref")) {
					value.ifPresent((expr) -> ref(node.variable, expr, at));
				}
				else {
					this.compiler.write(this.compiler.helper("use") + "(" + local + ", " + node.variable, at);
					value.ifPresent((expr) -> {
						this.compiler.write(", () => ", at);
						this.compiler.emitExpression(expr);
					});
					this.compiler.write("); ", at);
				}
			});
			return;
		}
		checkLiteral(attr, name);
		if (value.isEmpty()) {
			return;
		}
		ISwc4jAstExpr expr = value.get();
		String type = namespace.isEmpty() ? name.substring(2).toLowerCase(Locale.ROOT) : local;
		boolean delegated = namespace.isEmpty() && JsxNames.DELEGATED_EVENTS.contains(type);
		plan.first.add(() -> {
			String element = node.variable;
			ISwc4jAstExpr handler = Dynamics.unwrap(expr);
			if (delegated && handler instanceof Swc4jAstArrayLit array && array.getElems().size() == 2
					&& array.getElems().get(0).isPresent() && array.getElems().get(1).isPresent()
					&& array.getElems().get(0).get().getSpread().isEmpty()) {
				this.compiler.write(element + ".$$" + type + " = ", at);
				this.compiler.emitExpression(array.getElems().get(0).get().getExpr());
				this.compiler.write("; " + element + ".$$" + type + "Data = ", at);
				this.compiler.emitExpression(array.getElems().get(1).get().getExpr());
				this.compiler.write("; ", at);
			}
			else if (delegated && (Dynamics.isFunction(handler) || handler instanceof Swc4jAstIdent
					|| handler instanceof Swc4jAstMemberExpr)) {
				this.compiler.write(element + ".$$" + type + " = ", at);
				this.compiler.emitExpression(expr);
				this.compiler.write("; ", at);
			}
			else {
				this.compiler.write(this.compiler.helper("addEventListener") + "(" + element + ", "
						+ JsxCompiler.quote(type) + ", ", at);
				this.compiler.emitExpression(expr);
				this.compiler
					.write(delegated ? ", true); " : namespace.equals("oncapture") ? ", false, true); " : "); ", at);
			}
			if (delegated) {
				this.compiler.delegate(type);
			}
		});
	}

	// ref={variable} assigns the element, unless the variable holds a function, which is
	// called.
	private void ref(String element, ISwc4jAstExpr expr, int at) {
		ISwc4jAstExpr target = Dynamics.unwrap(expr);
		if (Dynamics.isFunction(target)) {
			this.compiler.write(this.compiler.helper("use") + "(", at);
			this.compiler.emitExpression(expr);
			this.compiler.write(", " + element + "); ", at);
			return;
		}
		String ref = this.compiler.id("_ref$");
		this.compiler.write("const " + ref + " = ", at);
		this.compiler.emitExpression(expr);
		this.compiler.write("; typeof " + ref + " === \"function\" ? " + this.compiler.helper("use") + "(" + ref + ", "
				+ element + ")", at);
		if (target instanceof Swc4jAstIdent || target instanceof Swc4jAstMemberExpr) {
			this.compiler.write(" : ", at);
			this.compiler.emitRange(this.compiler.source.start(target), this.compiler.source.end(target));
			this.compiler.write(" = " + element, at);
		}
		this.compiler.write("; ", at);
	}

	/**
	 * Report an {@code on*} attribute of an element with a spread whose value is a
	 * literal.
	 */
	void checkLiterals(Swc4jAstJsxElement element) {
		for (ISwc4jAstJsxAttrOrSpread item : element.getOpening().getAttrs()) {
			if (item instanceof Swc4jAstJsxAttr attr) {
				String name = AttributeCompiler.attributeName(attr);
				int colon = name.indexOf(':');
				String local = name.substring(colon + 1);
				if (JsxNames.isEvent(local) || name.startsWith("on:") || name.startsWith("oncapture:")) {
					checkLiteral(attr, name);
				}
			}
		}
	}

	private void checkLiteral(Swc4jAstJsxAttr attr, String name) {
		Optional<ISwc4jAstJsxAttrValue> value = attr.getValue();
		boolean literal = value.isEmpty() || !(value.get() instanceof Swc4jAstJsxExprContainer)
				|| expression(attr).map(Dynamics::isLiteral).orElse(false);
		if (literal) {
			throw this.compiler.source.problem(attr, "'" + name + "' needs a function, like " + name
					+ "={() => …}: a literal here would be an event handler attribute, which the browser runs as code");
		}
	}

	private static Optional<ISwc4jAstExpr> expression(Swc4jAstJsxAttr attr) {
		return attr.getValue()
			.filter(Swc4jAstJsxExprContainer.class::isInstance)
			.map((value) -> ((Swc4jAstJsxExprContainer) value).getExpr())
			.filter(ISwc4jAstExpr.class::isInstance)
			.map(ISwc4jAstExpr.class::cast);
	}

}
