package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;

/**
 * What compiling one native element tree produces before anything is written: the
 * template's HTML, its nodes, and the code to run on a clone, in the order it runs:
 * listeners, refs and directives; insertions of the dynamic children; attributes set
 * once; and the bindings of dynamic attributes, which share one effect.
 */
final class TemplatePlan {

	final StringBuilder html = new StringBuilder();

	final TemplateNode root = TemplateNode.root();

	final List<Runnable> first = new ArrayList<>();

	final List<Insert> inserts = new ArrayList<>();

	final List<Binding> once = new ArrayList<>();

	final List<Runnable> late = new ArrayList<>();

	final List<Binding> bindings = new ArrayList<>();

	boolean isStatic() {
		return this.first.isEmpty() && this.inserts.isEmpty() && this.once.isEmpty() && this.late.isEmpty()
				&& this.bindings.isEmpty();
	}

	/**
	 * A child that is not part of the template: an expression, a component or a fragment,
	 * inserted into its parent in front of a marker.
	 */
	static final class Insert {

		final TemplateNode parent;

		final ISwc4jAst child;

		/** The node to insert before, null to append. */
		TemplateNode marker;

		/** Whether the child is the parent's only content. */
		boolean only;

		Insert(TemplateNode parent, ISwc4jAst child) {
			this.parent = parent;
			this.child = child;
		}

	}

}
