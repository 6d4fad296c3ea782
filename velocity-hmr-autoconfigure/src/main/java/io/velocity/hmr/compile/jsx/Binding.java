package io.velocity.hmr.compile.jsx;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;

/**
 * An attribute, property, class or style of a template element whose value is an
 * expression: set once when static, in an effect when dynamic. {@link #open} and
 * {@link #close} surround the value to set it.
 *
 * @param node the element
 * @param kind what is set
 * @param name the attribute or property name, or the namespace URI and name for
 * {@link Kind#ATTRIBUTE_NS}
 * @param expr the value
 * @param at the source index of the attribute, which errors map to
 */
record Binding(TemplateNode node, Kind kind, String name, ISwc4jAstExpr expr, int at) {

	enum Kind {

		CLASS_NAME, ATTRIBUTE, ATTRIBUTE_NS, BOOLEAN_ATTRIBUTE, PROPERTY, CLASS_LIST, STYLE;

		/**
		 * Whether the setter compares with the previous value itself, and returns the
		 * next one.
		 */
		boolean diffs() {
			return this == CLASS_LIST || this == STYLE;
		}

	}

	String open(JsxCompiler compiler) {
		String element = this.node.variable;
		return switch (this.kind) {
			case CLASS_NAME -> compiler.helper("className") + "(" + element + ", ";
			case ATTRIBUTE ->
				compiler.helper("setAttribute") + "(" + element + ", " + JsxCompiler.quote(this.name) + ", ";
			case ATTRIBUTE_NS -> {
				int space = this.name.indexOf(' ');
				yield compiler.helper("setAttributeNS") + "(" + element + ", "
						+ JsxCompiler.quote(this.name.substring(0, space)) + ", "
						+ JsxCompiler.quote(this.name.substring(space + 1)) + ", ";
			}
			case BOOLEAN_ATTRIBUTE ->
				compiler.helper("setBoolAttribute") + "(" + element + ", " + JsxCompiler.quote(this.name) + ", ";
			case PROPERTY -> "(" + element
					+ (JsxNames.isIdentifier(this.name) ? "." + this.name : "[" + JsxCompiler.quote(this.name) + "]")
					+ " = ";
			case CLASS_LIST -> compiler.helper("classList") + "(" + element + ", ";
			case STYLE -> compiler.helper("style") + "(" + element + ", ";
		};
	}

	String close() {
		return ")";
	}

}
