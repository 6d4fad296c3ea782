package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxSpreadChild;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstJsxText;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNumber;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxElementChild;

import io.velocity.hmr.compile.jsx.TemplatePlan.Insert;

/**
 * Compiles a native element and the native elements under it into one template: static
 * markup goes into the template's HTML, cloned once per instance, and the code after the
 * clone walks to the dynamic parts and binds them. An element whose tree is all static
 * becomes just {@code _tmpl$1()}.
 */
final class ElementCompiler {

	private final JsxCompiler compiler;

	private final AttributeCompiler attributes;

	ElementCompiler(JsxCompiler compiler) {
		this.compiler = compiler;
		this.attributes = new AttributeCompiler(compiler);
	}

	void element(Swc4jAstJsxElement element) {
		int at = this.compiler.source.start(element);
		String tag = JsxCompiler.tagName(element);
		boolean svg = JsxNames.SVG_ELEMENTS.contains(tag);
		boolean wrapped = svg && !tag.equals("svg");
		TemplatePlan plan = new TemplatePlan();
		plan.html.append(wrapped ? "<svg>" : "");
		build(plan, element, plan.root, svg);
		plan.html.append(wrapped ? "</svg>" : "");
		String template = this.compiler.template(plan.html.toString(), wrapped);
		if (plan.isStatic()) {
			this.compiler.write(template + "()", at);
			return;
		}
		plan.root.variable = this.compiler.id("_el$");
		List<String> declarations = new ArrayList<>();
		declarations.add(plan.root.variable + " = " + template + "()");
		plan.root.declare(this.compiler, declarations);
		this.compiler.write("(() => { const " + String.join(", ", declarations) + "; ", at);
		plan.first.forEach(Runnable::run);
		plan.inserts.forEach(this::insert);
		for (Binding binding : plan.once) {
			this.compiler.write(binding.open(this.compiler), binding.at());
			this.compiler.emitExpression(binding.expr());
			this.compiler.write(binding.close() + "; ", binding.at());
		}
		plan.late.forEach(Runnable::run);
		new Effects(this.compiler).write(plan.bindings);
		this.compiler.write("return " + plan.root.variable + "; })()", at);
	}

	private void build(TemplatePlan plan, Swc4jAstJsxElement element, TemplateNode node, boolean svg) {
		String tag = JsxCompiler.tagName(element);
		plan.html.append('<').append(tag);
		boolean ownsContent = this.attributes.compile(plan, element, node, svg);
		plan.html.append('>');
		if (JsxNames.VOID_ELEMENTS.contains(tag) && !svg) {
			return;
		}
		if (!ownsContent) {
			children(plan, element, node, svg && !tag.equals("foreignObject"), tag);
		}
		plan.html.append("</").append(tag).append('>');
	}

	private void children(TemplatePlan plan, Swc4jAstJsxElement element, TemplateNode node, boolean svg, String tag) {
		List<Object> slots = new ArrayList<>();
		for (ISwc4jAstJsxElementChild child : JsxChildren.meaningful(element.getChildren())) {
			String text = staticText(child);
			if (text != null) {
				addText(plan, node, slots,
						JsxNames.RAW_TEXT_ELEMENTS.contains(tag) ? text : JsxChildren.escapeText(text));
			}
			else if (child instanceof Swc4jAstJsxElement nested && !JsxNames.isComponent(JsxCompiler.tagName(nested))) {
				TemplateNode childNode = node.element();
				slots.add(childNode);
				build(plan, nested, childNode, svg || JsxCompiler.tagName(nested).equals("svg"));
			}
			else {
				Insert insert = new Insert(node, child);
				slots.add(insert);
				plan.inserts.add(insert);
			}
		}
		for (int i = 0; i < slots.size(); i++) {
			if (slots.get(i) instanceof Insert insert) {
				node.needed = true;
				insert.only = slots.size() == 1;
				for (int j = i + 1; j < slots.size() && insert.marker == null; j++) {
					if (slots.get(j) instanceof TemplateNode marker) {
						insert.marker = marker;
						marker.needed = true;
					}
				}
			}
		}
	}

	// Text next to text would be one node once parsed: a placeholder keeps an insertion
	// between them apart.
	private void addText(TemplatePlan plan, TemplateNode node, List<Object> slots, String html) {
		Object last = slots.isEmpty() ? null : slots.get(slots.size() - 1);
		if (last instanceof TemplateNode lastNode && lastNode.text) {
			plan.html.append(html);
			return;
		}
		if (last instanceof Insert) {
			int i = slots.size() - 1;
			while (i >= 0 && slots.get(i) instanceof Insert) {
				i--;
			}
			if (i >= 0 && slots.get(i) instanceof TemplateNode before && before.text) {
				plan.html.append("<!>");
				slots.add(node.placeholder());
			}
		}
		plan.html.append(html);
		slots.add(node.text());
	}

	// The text of a child that is part of the template: JSX text, or a string or number
	// literal.
	private static String staticText(ISwc4jAstJsxElementChild child) {
		if (child instanceof Swc4jAstJsxText text) {
			return JsxChildren.text(text);
		}
		if (child instanceof Swc4jAstJsxExprContainer container && container.getExpr() instanceof ISwc4jAstExpr expr) {
			ISwc4jAstExpr value = Dynamics.unwrap(expr);
			if (value instanceof Swc4jAstStr str) {
				return str.getValue();
			}
			if (value instanceof Swc4jAstNumber number && number.getRaw().isPresent()
					&& number.getRaw().get().matches("[0-9]+")) {
				return number.getRaw().get();
			}
			if (value instanceof Swc4jAstTpl tpl && tpl.getExprs().isEmpty() && tpl.getQuasis().size() == 1
					&& tpl.getQuasis().get(0).getCooked().isPresent()) {
				return tpl.getQuasis().get(0).getCooked().get();
			}
		}
		return null;
	}

	private void insert(Insert insert) {
		int at = this.compiler.source.start(insert.child);
		this.compiler.write(this.compiler.helper("insert") + "(" + insert.parent.variable + ", ", at);
		ISwc4jAst child = insert.child;
		if (child instanceof Swc4jAstJsxExprContainer container && container.getExpr() instanceof ISwc4jAstExpr expr) {
			this.compiler.components.childValue(expr, false);
		}
		else if (child instanceof Swc4jAstJsxSpreadChild spread) {
			this.compiler.emitExpression(spread.getExpr());
		}
		else {
			this.compiler.emitValue(child);
		}
		String marker = insert.only ? "" : ", " + ((insert.marker != null) ? insert.marker.variable : "null");
		this.compiler.write(marker + "); ", at);
	}

}
