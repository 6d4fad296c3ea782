package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxFragment;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;

/**
 * Compiles the JSX of a module the way Solid does, in its text: each outermost JSX
 * expression is replaced by JavaScript that clones a template and binds its dynamic parts
 * with the helpers of {@code velocity/web}; everything else is copied as it is, so that
 * swc strips the TypeScript afterwards. The templates are declared in front of the first
 * line and the helper import and event delegation follow the last, so no line moves for
 * them.
 */
public final class JsxTransform {

	/**
	 * The module the compiled JSX imports its helpers from.
	 */
	public static final String HELPERS_MODULE = "velocity/web";

	private JsxTransform() {
	}

	/**
	 * Compile the JSX of a module.
	 * @param text the module's source
	 * @param program its syntax tree, as swc parsed the source
	 * @return the rewritten text and its positions, or empty when the module has no JSX
	 * @throws JsxProblemException if some JSX cannot be compiled safely
	 */
	public static Optional<JsxOutput> transform(String text, ISwc4jAstProgram<?> program) {
		List<ISwc4jAst> jsx = new ArrayList<>();
		program.visit(new Swc4jAstVisitor() {

			@Override
			public Swc4jAstVisitorResponse visitJsxElement(Swc4jAstJsxElement node) {
				jsx.add(node);
				return super.visitJsxElement(node);
			}

			@Override
			public Swc4jAstVisitorResponse visitJsxFragment(Swc4jAstJsxFragment node) {
				jsx.add(node);
				return super.visitJsxFragment(node);
			}

		});
		if (jsx.isEmpty()) {
			return Optional.empty();
		}
		Source source = new Source(text);
		JsxCompiler compiler = new JsxCompiler(source, jsx, new Dynamics(namespaceImports(program)),
				jsx.stream().anyMatch(JsxTransform::isOutsideFunctions));
		return Optional.of(compiler.compile());
	}

	private static boolean isOutsideFunctions(ISwc4jAst node) {
		for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
			if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
				return false;
			}
		}
		return true;
	}

	// Members of 'import * as x' are static: modules do not change under a component.
	private static Set<String> namespaceImports(ISwc4jAstProgram<?> program) {
		Set<String> names = new HashSet<>();
		if (program instanceof Swc4jAstModule module) {
			for (ISwc4jAstModuleItem item : module.getBody()) {
				if (item instanceof Swc4jAstImportDecl declaration) {
					declaration.getSpecifiers().forEach((specifier) -> {
						if (specifier instanceof Swc4jAstImportStarAsSpecifier namespace) {
							names.add(namespace.getLocal().getSym());
						}
					});
				}
			}
		}
		return names;
	}

}
