package io.velocity.hmr.registry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;

import io.velocity.hmr.compile.JsonStrings;

/**
 * The imports of one module in registry form: one variable per imported URL, holding that
 * module's namespace, and the expression every imported binding becomes. Reading
 * {@code __vi0.count} rather than a copy of it is what keeps bindings live: the namespace
 * has a getter per export that reads the exporter's current value.
 */
final class ImportBindings {

	private final Map<String, String> variables = new LinkedHashMap<>();

	private final Map<String, String> bindings = new HashMap<>();

	/**
	 * Return the variable that holds the namespace of a module, making it on first use;
	 * the order of first use is the order the modules are evaluated in.
	 * @param url the URL as written in the code
	 * @return the variable name
	 */
	String namespace(String url) {
		return this.variables.computeIfAbsent(url, (key) -> "__vi" + this.variables.size());
	}

	void bind(Swc4jAstIdent local, String expression) {
		this.bindings.put(key(local), expression);
	}

	/**
	 * Return what a reference to an identifier becomes, if it names an imported binding:
	 * the same name in an inner scope has another syntax context.
	 * @param ident an identifier
	 * @return the expression, or {@code null}
	 */
	String replacement(Swc4jAstIdent ident) {
		return this.bindings.get(key(ident));
	}

	/**
	 * The URLs imported, in the order they are first imported, with their variables.
	 * @return URL to variable name
	 */
	Map<String, String> variables() {
		return this.variables;
	}

	static String member(String namespace, ISwc4jAstModuleExportName name) {
		String exported = name(name);
		return exported.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? namespace + "." + exported
				: namespace + "[" + JsonStrings.quote(exported) + "]";
	}

	static String name(ISwc4jAstModuleExportName name) {
		return (name instanceof Swc4jAstStr string) ? string.getValue() : ((Swc4jAstIdent) name).getSym();
	}

	private static String key(Swc4jAstIdent ident) {
		return ident.getSym() + "#" + ident.getCtxt();
	}

}
