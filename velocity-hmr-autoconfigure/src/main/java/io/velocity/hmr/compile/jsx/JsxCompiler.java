package io.velocity.hmr.compile.jsx;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxFragment;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxNamespacedName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;

/**
 * The state of one module's JSX compile: the writer, the JSX nodes in source order, the
 * templates, the helpers and delegated events used. Elements are compiled by
 * {@link ElementCompiler}, components and fragments by {@link ComponentCompiler}; both
 * come back here for the expressions inside, which may hold JSX again.
 */
final class JsxCompiler {

	final Source source;

	final CodeWriter writer;

	final Dynamics dynamics;

	final ElementCompiler elements = new ElementCompiler(this);

	final ComponentCompiler components = new ComponentCompiler(this);

	private final ISwc4jAst[] nodes;

	private final int[] starts;

	private final int[] ends;

	private final Set<String> helpers = new LinkedHashSet<>();

	private final Set<String> events = new LinkedHashSet<>();

	private final StringBuilder templates = new StringBuilder();

	private int templateCount;

	private int ids;

	private final boolean evaluatedAtTopLevel;

	JsxCompiler(Source source, List<ISwc4jAst> jsx, Dynamics dynamics, boolean evaluatedAtTopLevel) {
		this.evaluatedAtTopLevel = evaluatedAtTopLevel;
		this.source = source;
		this.writer = new CodeWriter(source);
		this.dynamics = dynamics;
		this.nodes = jsx.toArray(ISwc4jAst[]::new);
		Arrays.sort(this.nodes, Comparator.comparingInt((node) -> node.getSpan().getStart()));
		this.starts = new int[this.nodes.length];
		this.ends = new int[this.nodes.length];
		for (int i = 0; i < this.nodes.length; i++) {
			this.starts[i] = source.start(this.nodes[i]);
			this.ends[i] = source.end(this.nodes[i]);
		}
	}

	JsxOutput compile() {
		emitRange(0, this.source.text().length());
		String header = this.templates.isEmpty() ? "" : this.templates.append("; ").toString();
		StringBuilder trailer = new StringBuilder();
		if (!this.events.isEmpty()) {
			trailer.append(helper("delegateEvents")).append("([");
			trailer.append(String.join(", ", this.events.stream().map(JsxCompiler::quote).toList()));
			trailer.append("]);\n");
		}
		trailer.append("import { ");
		trailer.append(String.join(", ", this.helpers.stream().map((name) -> name + " as _$" + name).toList()));
		trailer.append(" } from ").append(quote(JsxTransform.HELPERS_MODULE)).append(";\n");
		return this.writer.finish(header, trailer.toString(), List.copyOf(this.helpers), this.evaluatedAtTopLevel);
	}

	/**
	 * Copy source text, compiling the outermost JSX in it.
	 */
	void emitRange(int from, int to) {
		int position = from;
		int found = Arrays.binarySearch(this.starts, from);
		int i = (found >= 0) ? found : -found - 1;
		for (; i < this.nodes.length && this.starts[i] < to; i++) {
			if (this.starts[i] < position) {
				continue;
			}
			this.writer.copy(position, this.starts[i]);
			emitValue(this.nodes[i]);
			position = this.ends[i];
		}
		this.writer.copy(position, to);
	}

	/**
	 * Write an expression from the source in parentheses, so that it stays one expression
	 * wherever it is put and may start on its own line.
	 */
	void emitExpression(ISwc4jAstExpr expr) {
		int start = this.source.start(expr);
		this.writer.write("(", start);
		emitRange(start, this.source.end(expr));
		this.writer.write(")", this.source.end(expr));
	}

	/**
	 * Write the value of a JSX element or fragment.
	 */
	void emitValue(ISwc4jAst jsx) {
		if (jsx instanceof Swc4jAstJsxFragment fragment) {
			this.components.fragment(fragment);
		}
		else if (jsx instanceof Swc4jAstJsxElement element && JsxNames.isComponent(tagName(element))) {
			this.components.component(element);
		}
		else {
			this.elements.element((Swc4jAstJsxElement) jsx);
		}
	}

	void write(String code, int sourceIndex) {
		this.writer.write(code, sourceIndex);
	}

	/**
	 * Write the tag of a component element as the expression it is: copied from the
	 * source, so that a reference to an imported component maps to where it is written (a
	 * registry plan rewrites it there).
	 */
	void writeComponentTag(Swc4jAstJsxElement element) {
		ISwc4jAst name = element.getOpening().getName();
		String tag = tagName(element);
		int start = this.source.start(name);
		int end = this.source.end(name);
		if (this.source.text().substring(start, end).equals(tag)) {
			this.writer.copyInline(start, end);
		}
		else {
			this.writer.write(tag, start);
		}
	}

	/**
	 * Return the local name of a helper of {@code velocity/web}, importing it.
	 */
	String helper(String name) {
		this.helpers.add(name);
		return "_$" + name;
	}

	String template(String html, boolean svg) {
		String name = "_tmpl$" + (++this.templateCount);
		this.templates.append((this.templateCount == 1) ? "const " : ", ")
			.append(name)
			.append(" = /*#__PURE__*/")
			.append(helper("template"))
			.append('(')
			.append(quote(html))
			.append(svg ? ", true)" : ")");
		return name;
	}

	String id(String prefix) {
		return prefix + (++this.ids);
	}

	void delegate(String event) {
		this.events.add(event);
	}

	static String tagName(Swc4jAstJsxElement element) {
		return name(element.getOpening().getName());
	}

	private static String name(ISwc4jAst name) {
		if (name instanceof Swc4jAstIdent ident) {
			return ident.getSym();
		}
		if (name instanceof Swc4jAstJsxMemberExpr member) {
			return name(member.getObj()) + "." + member.getProp().getSym();
		}
		Swc4jAstJsxNamespacedName namespaced = (Swc4jAstJsxNamespacedName) name;
		return namespaced.getNs().getSym() + ":" + namespaced.getName().getSym();
	}

	static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> {
					if (ch < 0x20) {
						out.append(String.format("\\u%04x", (int) ch));
					}
					else {
						out.append(ch);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
