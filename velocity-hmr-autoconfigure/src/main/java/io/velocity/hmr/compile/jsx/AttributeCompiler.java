package io.velocity.hmr.compile.jsx;

import java.util.Locale;
import java.util.Optional;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxEmptyExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxNamespacedName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSpreadElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBool;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNull;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNumber;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxAttrValue;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxAttr;

import io.velocity.hmr.compile.jsx.Binding.Kind;

/**
 * Compiles the attributes of a template element: literals into the template's HTML,
 * everything else into code on the clone (see {@link TemplatePlan}). An element with a
 * spread gets all its attributes through {@code spread(…)} instead, as merged props.
 */
final class AttributeCompiler {

	private final JsxCompiler compiler;

	private final EventCompiler events;

	AttributeCompiler(JsxCompiler compiler) {
		this.compiler = compiler;
		this.events = new EventCompiler(compiler);
	}

	/**
	 * Compile the attributes of an element.
	 * @return whether a property (innerHTML, textContent, innerText) sets its content
	 */
	boolean compile(TemplatePlan plan, Swc4jAstJsxElement element, TemplateNode node, boolean svg) {
		boolean spread = element.getOpening().getAttrs().stream().anyMatch(Swc4jAstSpreadElement.class::isInstance);
		if (spread) {
			node.needed = true;
			this.events.checkLiterals(element);
			boolean children = !JsxChildren.meaningful(element.getChildren()).isEmpty();
			plan.first.add(() -> {
				int at = this.compiler.source.start(element);
				this.compiler.write(this.compiler.helper("spread") + "(" + node.variable + ", ", at);
				this.compiler.components.props(element.getOpening().getAttrs(), null, true);
				this.compiler.write(", " + svg + ", " + children + "); ", at);
			});
			return false;
		}
		boolean ownsContent = false;
		for (ISwc4jAstJsxAttrOrSpread item : element.getOpening().getAttrs()) {
			Swc4jAstJsxAttr attr = (Swc4jAstJsxAttr) item;
			String name = attributeName(attr);
			ownsContent |= JsxNames.CHILD_PROPERTIES.contains(name);
			attribute(plan, node, svg, attr, name);
		}
		return ownsContent;
	}

	static String attributeName(Swc4jAstJsxAttr attr) {
		if (attr.getName() instanceof Swc4jAstJsxNamespacedName namespaced) {
			return namespaced.getNs().getSym() + ":" + namespaced.getName().getSym();
		}
		return ((Swc4jAstIdentName) attr.getName()).getSym();
	}

	private void attribute(TemplatePlan plan, TemplateNode node, boolean svg, Swc4jAstJsxAttr attr, String name) {
		int colon = name.indexOf(':');
		String namespace = (colon > 0) ? name.substring(0, colon) : "";
		String local = name.substring(colon + 1);
		if (name.equals("ref") || namespace.equals("use") || namespace.equals("on") || namespace.equals("oncapture")
				|| (namespace.isEmpty() && JsxNames.isEvent(name))) {
			node.needed = true;
			this.events.compile(plan, node, attr, name, namespace, local);
		}
		else if (namespace.equals("attr") && JsxNames.isEvent(local)) {
			throw this.compiler.source.problem(attr, "'" + name + "' would be an event handler attribute, which the "
					+ "browser runs as code: use on" + local.substring(2) + "={handler} with a function");
		}
		else if (namespace.equals("prop")) {
			value(plan, node, attr, Kind.PROPERTY, local, null);
		}
		else if (namespace.equals("attr")) {
			value(plan, node, attr, Kind.ATTRIBUTE, local, local);
		}
		else if (name.equals("class") || name.equals("className")) {
			value(plan, node, attr, svg ? Kind.ATTRIBUTE : Kind.CLASS_NAME, "class", "class");
		}
		else if (name.equals("classList")) {
			value(plan, node, attr, Kind.CLASS_LIST, name, null);
		}
		else if (name.equals("style")) {
			value(plan, node, attr, Kind.STYLE, name, "style");
		}
		else if (JsxNames.CHILD_PROPERTIES.contains(name)) {
			value(plan, node, attr, Kind.PROPERTY, name, null);
		}
		else if (JsxNames.NAMESPACES.containsKey(namespace)) {
			value(plan, node, attr, Kind.ATTRIBUTE_NS, JsxNames.NAMESPACES.get(namespace) + " " + name, name);
		}
		else if (!svg && JsxNames.PROPERTIES.containsKey(name)) {
			String html = name.startsWith("default") ? name.substring(7).toLowerCase(Locale.ROOT) : name;
			value(plan, node, attr, Kind.PROPERTY, JsxNames.PROPERTIES.get(name), html.toLowerCase(Locale.ROOT));
		}
		else if (!svg && JsxNames.BOOLEAN_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
			String lower = name.toLowerCase(Locale.ROOT);
			value(plan, node, attr, Kind.BOOLEAN_ATTRIBUTE, lower, lower);
		}
		else {
			String attribute = name.equals("htmlFor") ? "for" : name;
			value(plan, node, attr, Kind.ATTRIBUTE, attribute, attribute);
		}
	}

	/**
	 * Put a value in the template when it is a literal and {@code html} names the
	 * attribute that holds it; otherwise set it once or bind it.
	 */
	private void value(TemplatePlan plan, TemplateNode node, Swc4jAstJsxAttr attr, Kind kind, String name,
			String html) {
		Optional<ISwc4jAstJsxAttrValue> value = attr.getValue();
		int at = this.compiler.source.start(attr);
		if (value.isEmpty()) {
			if (html != null) {
				plan.html.append(' ').append(html);
			}
			return;
		}
		if (value.get() instanceof Swc4jAstStr str) {
			literal(plan, node, kind, name, html, str.getValue(), str, at);
			return;
		}
		if (!(value.get() instanceof Swc4jAstJsxExprContainer container)
				|| container.getExpr() instanceof Swc4jAstJsxEmptyExpr) {
			return;
		}
		ISwc4jAstExpr expr = (ISwc4jAstExpr) container.getExpr();
		ISwc4jAstExpr unwrapped = Dynamics.unwrap(expr);
		if (unwrapped instanceof Swc4jAstNull
				|| (unwrapped instanceof Swc4jAstIdent ident && ident.getSym().equals("undefined"))) {
			return;
		}
		String text = literalText(unwrapped);
		if (text != null) {
			literal(plan, node, kind, name, html, text, expr, at);
			return;
		}
		if (unwrapped instanceof Swc4jAstBool bool && (kind == Kind.BOOLEAN_ATTRIBUTE || kind == Kind.PROPERTY)
				&& html != null) {
			if (bool.isValue()) {
				plan.html.append(' ').append(html);
			}
			return;
		}
		node.needed = true;
		Binding binding = new Binding(node, kind, name, expr, at);
		if (this.compiler.dynamics.isDynamic(expr, false)) {
			plan.bindings.add(binding);
		}
		else {
			plan.once.add(binding);
		}
	}

	private void literal(TemplatePlan plan, TemplateNode node, Kind kind, String name, String html, String text,
			ISwc4jAstExpr expr, int at) {
		if (html != null && kind != Kind.CLASS_LIST) {
			plan.html.append(' ').append(html).append("=\"").append(JsxChildren.escapeAttribute(text)).append('"');
		}
		else {
			node.needed = true;
			Binding binding = new Binding(node, kind, name, expr, at);
			plan.late.add(() -> this.compiler
				.write(binding.open(this.compiler) + JsxCompiler.quote(text) + binding.close() + "; ", at));
		}
	}

	private static String literalText(ISwc4jAstExpr value) {
		if (value instanceof Swc4jAstStr str) {
			return str.getValue();
		}
		if (value instanceof Swc4jAstNumber number && number.getRaw().isPresent()
				&& number.getRaw().get().matches("-?[0-9]+(\\.[0-9]+)?")) {
			return number.getRaw().get();
		}
		if (value instanceof Swc4jAstTpl tpl && tpl.getExprs().isEmpty() && tpl.getQuasis().size() == 1) {
			return tpl.getQuasis().get(0).getCooked().orElse(null);
		}
		return null;
	}

}
