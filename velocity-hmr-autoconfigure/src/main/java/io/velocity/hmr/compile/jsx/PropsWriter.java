package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxEmptyExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSpreadElement;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstJsxText;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrValue;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxElementChild;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxAttr;

/**
 * Writes the props object of a component (or of an element with a spread): static values
 * as plain properties, dynamic ones as getters ({@code get n() { return n(); }}), spreads
 * merged in order with {@code mergeProps}, and the children as {@code children}: the
 * child itself, or an array, behind a getter when it is dynamic or JSX.
 */
final class PropsWriter {

	private final JsxCompiler compiler;

	private final ComponentCompiler components;

	PropsWriter(JsxCompiler compiler, ComponentCompiler components) {
		this.compiler = compiler;
		this.components = components;
	}

	void write(List<ISwc4jAstJsxAttrOrSpread> attrs, List<ISwc4jAstJsxElementChild> children, boolean element) {
		List<Object> groups = new ArrayList<>();
		List<Swc4jAstJsxAttr> current = null;
		for (ISwc4jAstJsxAttrOrSpread item : attrs) {
			if (item instanceof Swc4jAstSpreadElement spread) {
				groups.add(spread);
				current = null;
			}
			else if (!(element && AttributeCompiler.attributeName((Swc4jAstJsxAttr) item).startsWith("use:"))) {
				if (current == null) {
					current = new ArrayList<>();
					groups.add(current);
				}
				current.add((Swc4jAstJsxAttr) item);
			}
		}
		if (!children.isEmpty() && current == null) {
			current = new ArrayList<>();
			groups.add(current);
		}
		boolean merged = groups.size() > 1 || (groups.size() == 1 && groups.get(0) instanceof Swc4jAstSpreadElement);
		int at = attrs.isEmpty() ? 0 : this.compiler.source.start(attrs.get(0));
		if (merged) {
			this.compiler.write(this.compiler.helper("mergeProps") + "(", at);
		}
		for (int i = 0; i < groups.size(); i++) {
			this.compiler.write((i > 0) ? ", " : "", at);
			if (groups.get(i) instanceof Swc4jAstSpreadElement spread) {
				this.compiler.emitExpression(spread.getExpr());
			}
			else {
				@SuppressWarnings("unchecked")
				List<Swc4jAstJsxAttr> props = (List<Swc4jAstJsxAttr>) groups.get(i);
				object(props, (props == current) ? children : List.of());
			}
		}
		if (groups.isEmpty()) {
			this.compiler.write("{}", at);
		}
		if (merged) {
			this.compiler.write(")", at);
		}
	}

	private void object(List<Swc4jAstJsxAttr> props, List<ISwc4jAstJsxElementChild> children) {
		int at = props.isEmpty() ? this.compiler.source.start(children.get(0))
				: this.compiler.source.start(props.get(0));
		this.compiler.write("{ ", at);
		boolean first = true;
		for (Swc4jAstJsxAttr attr : props) {
			first = prop(attr, first);
		}
		if (!children.isEmpty()) {
			children(children, first);
		}
		this.compiler.write(" }", at);
	}

	private boolean prop(Swc4jAstJsxAttr attr, boolean first) {
		int at = this.compiler.source.start(attr);
		String name = AttributeCompiler.attributeName(attr);
		String key = JsxNames.isIdentifier(name) ? name : JsxCompiler.quote(name);
		String separator = first ? "" : ", ";
		if (attr.getValue().isEmpty()) {
			this.compiler.write(separator + key + ": true", at);
			return false;
		}
		ISwc4jAstJsxAttrValue value = attr.getValue().get();
		if (value instanceof Swc4jAstStr str) {
			this.compiler.write(separator + key + ": " + JsxCompiler.quote(str.getValue()), at);
			return false;
		}
		if (!(value instanceof Swc4jAstJsxExprContainer container)) {
			this.compiler.write(separator + "get " + key + "() { return ", at);
			this.compiler.emitValue(value);
			this.compiler.write("; }", at);
			return false;
		}
		if (container.getExpr() instanceof Swc4jAstJsxEmptyExpr) {
			return first;
		}
		ISwc4jAstExpr expr = (ISwc4jAstExpr) container.getExpr();
		ISwc4jAstExpr target = Dynamics.unwrap(expr);
		if (name.equals("ref") && (target instanceof Swc4jAstIdent || target instanceof Swc4jAstMemberExpr)) {
			String ref = this.compiler.id("_ref$");
			this.compiler.write(separator + "ref(r$) { const " + ref + " = ", at);
			this.compiler.emitExpression(expr);
			this.compiler.write("; typeof " + ref + " === \"function\" ? " + ref + "(r$) : ", at);
			this.compiler.emitRange(this.compiler.source.start(target), this.compiler.source.end(target));
			this.compiler.write(" = r$; }", at);
		}
		else if (!name.equals("ref") && this.compiler.dynamics.isDynamic(expr, true)) {
			this.compiler.write(separator + "get " + key + "() { return ", at);
			this.compiler.emitExpression(expr);
			this.compiler.write("; }", at);
		}
		else {
			this.compiler.write(separator + key + ": ", at);
			this.compiler.emitExpression(expr);
		}
		return false;
	}

	private void children(List<ISwc4jAstJsxElementChild> children, boolean first) {
		ISwc4jAstJsxElementChild only = (children.size() == 1) ? children.get(0) : null;
		int at = this.compiler.source.start(children.get(0));
		String separator = first ? "" : ", ";
		boolean plain = only instanceof Swc4jAstJsxText || (only instanceof Swc4jAstJsxExprContainer container
				&& container.getExpr() instanceof ISwc4jAstExpr expr && !this.compiler.dynamics.isDynamic(expr, true));
		if (plain) {
			this.compiler.write(separator + "children: ", at);
			this.components.child(only, false);
			return;
		}
		this.compiler.write(separator + "get children() { return ", at);
		if (only instanceof Swc4jAstJsxExprContainer container && container.getExpr() instanceof ISwc4jAstExpr expr) {
			this.compiler.emitExpression(expr);
		}
		else {
			this.components.children(children, at);
		}
		this.compiler.write("; }", at);
	}

}
