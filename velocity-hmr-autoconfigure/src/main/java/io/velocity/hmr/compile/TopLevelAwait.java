package io.velocity.hmr.compile;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;

/**
 * Finds an {@code await} (or {@code for await}) outside every function: a module that
 * awaits at its top level pauses in the middle of running, so others run before it ends.
 */
final class TopLevelAwait extends Swc4jAstVisitor {

	private boolean found;

	/**
	 * Whether a program awaits at its top level.
	 * @param program the program
	 * @return whether it does
	 */
	static boolean in(ISwc4jAstProgram<?> program) {
		TopLevelAwait visitor = new TopLevelAwait();
		program.visit(visitor);
		return visitor.found;
	}

	@Override
	public Swc4jAstVisitorResponse visitAwaitExpr(Swc4jAstAwaitExpr node) {
		this.found |= isTopLevel(node);
		return super.visitAwaitExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitForOfStmt(Swc4jAstForOfStmt node) {
		this.found |= node.isAwait() && isTopLevel(node);
		return super.visitForOfStmt(node);
	}

	private static boolean isTopLevel(ISwc4jAst node) {
		for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
			if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
				return false;
			}
		}
		return true;
	}

}
