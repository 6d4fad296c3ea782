package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstDecl;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;

/**
 * The names an exported declaration binds: a function's or class's name, or every
 * variable its patterns declare ({@code export const [a, setA] = createSignal(0)}).
 */
final class ExportedNames {

	private ExportedNames() {
	}

	static List<String> of(ISwc4jAstDecl declaration) {
		if (declaration instanceof Swc4jAstFnDecl function) {
			return List.of(function.getIdent().getSym());
		}
		if (declaration instanceof Swc4jAstClassDecl clazz) {
			return List.of(clazz.getIdent().getSym());
		}
		if (declaration instanceof Swc4jAstVarDecl variables) {
			List<String> names = new ArrayList<>();
			for (Swc4jAstVarDeclarator declarator : variables.getDecls()) {
				declarator.getName().visit(new Swc4jAstVisitor() {
					@Override
					public Swc4jAstVisitorResponse visitBindingIdent(Swc4jAstBindingIdent node) {
						names.add(node.getId().getSym());
						return super.visitBindingIdent(node);
					}
				});
			}
			return names;
		}
		throw new RegistryFormException("an exported declaration of kind " + declaration.getType());
	}

}
