package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.JsonStrings;

/**
 * The imports of one module as read from its tree: the module specifiers in the order the
 * code names them (each becomes a variable holding that module's namespace once its URL
 * is known) and what every imported binding reads. Reading {@code __vi0.count} rather
 * than a copy of it is what keeps bindings live: the namespace has a getter per export
 * that reads the exporter's current value.
 */
final class ImportBindings {

	private final List<Source> sources = new ArrayList<>();

	private final Map<String, Binding> bindings = new HashMap<>();

	/**
	 * Return the index of a module specifier, in the order the code names them, which is
	 * the order the modules are evaluated in.
	 * @param literal the specifier's string literal
	 * @param positions the code's positions
	 * @return the index
	 */
	int source(Swc4jAstStr literal, CodePositions positions) {
		this.sources.add(new Source(positions.start(literal), positions.end(literal), literal.getValue()));
		return this.sources.size() - 1;
	}

	void bind(Swc4jAstIdent local, Binding binding) {
		this.bindings.put(key(local), binding);
	}

	/**
	 * Return what a reference to an identifier reads, if it names an imported binding:
	 * the same name in an inner scope has another syntax context.
	 * @param ident an identifier
	 * @return the binding, or {@code null}
	 */
	@Nullable Binding binding(Swc4jAstIdent ident) {
		return this.bindings.get(key(ident));
	}

	List<Source> sources() {
		return this.sources;
	}

	static String member(ISwc4jAstModuleExportName name) {
		String exported = name(name);
		return exported.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + exported : "[" + JsonStrings.quote(exported) + "]";
	}

	static String name(ISwc4jAstModuleExportName name) {
		return (name instanceof Swc4jAstStr string) ? string.getValue() : ((Swc4jAstIdent) name).getSym();
	}

	private static String key(Swc4jAstIdent ident) {
		return ident.getSym() + "#" + ident.getCtxt();
	}

}
