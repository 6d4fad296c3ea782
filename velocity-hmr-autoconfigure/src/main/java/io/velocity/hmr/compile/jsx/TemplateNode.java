package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a template's DOM as the browser will parse it (an element, a text or a
 * {@code <!>} placeholder), so that the compiled code can walk to the ones it needs with
 * {@code firstChild} and {@code nextSibling}.
 */
final class TemplateNode {

	final TemplateNode parent;

	final int index;

	final boolean text;

	final List<TemplateNode> children = new ArrayList<>(0);

	/** Whether compiled code refers to this node. */
	boolean needed;

	/** The variable that holds it, once declared. */
	String variable;

	private TemplateNode(TemplateNode parent, boolean text) {
		this.parent = parent;
		this.index = (parent != null) ? parent.children.size() : 0;
		this.text = text;
		if (parent != null) {
			parent.children.add(this);
		}
	}

	static TemplateNode root() {
		return new TemplateNode(null, false);
	}

	TemplateNode element() {
		return new TemplateNode(this, false);
	}

	TemplateNode text() {
		return new TemplateNode(this, true);
	}

	TemplateNode placeholder() {
		return new TemplateNode(this, false);
	}

	/**
	 * Declare the variables of the needed nodes under this one and of the nodes on the
	 * way to them, in an order where each one's parent and previous sibling come first.
	 * @param compiler where variable names come from
	 * @param declarations receives {@code name = expression} pairs
	 * @return whether a node at or under this one is needed
	 */
	boolean declare(JsxCompiler compiler, List<String> declarations) {
		int reach = -1;
		boolean[] reached = new boolean[this.children.size()];
		for (int i = 0; i < this.children.size(); i++) {
			reached[i] = this.children.get(i).reaches();
			if (reached[i]) {
				reach = i;
			}
		}
		for (int i = 0; i <= reach; i++) {
			TemplateNode child = this.children.get(i);
			child.variable = compiler.id("_el$");
			String path = (i == 0) ? this.variable + ".firstChild" : this.children.get(i - 1).variable + ".nextSibling";
			declarations.add(child.variable + " = " + path);
			if (reached[i]) {
				child.declare(compiler, declarations);
			}
		}
		return reach >= 0 || this.needed;
	}

	private boolean reaches() {
		if (this.needed) {
			return true;
		}
		for (TemplateNode child : this.children) {
			if (child.reaches()) {
				return true;
			}
		}
		return false;
	}

}
