package io.velocity.hmr.compile.registry;

import java.util.List;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.enums.Swc4jAstMetaPropKind;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxClosingElement;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;

/**
 * Rewrites what refers to imports and to the module itself anywhere in the tree.
 */
final class ImportReferences extends Swc4jAstVisitor {

	private final ImportBindings imports;

	private final CodePositions positions;

	private final List<Edit> edits;

	ImportReferences(ImportBindings imports, CodePositions positions, List<Edit> edits) {
		this.imports = imports;
		this.positions = positions;
		this.edits = edits;
	}

	@Override
	public Swc4jAstVisitorResponse visitIdent(Swc4jAstIdent node) {
		Binding binding = this.imports.binding(node);
		if (binding != null && !inClosingTag(node)) {
			Edit.Form form = (node.getParent() instanceof Swc4jAstObjectLit) ? Edit.Form.SHORTHAND
					: (node.getParent() instanceof Swc4jAstCallExpr call && call.getCallee() == node) ? Edit.Form.CALLEE
							: Edit.Form.READ;
			this.edits
				.add(new Edit(this.positions.start(node), this.positions.end(node), node.getSym(), binding, form));
		}
		return super.visitIdent(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitMetaPropExpr(Swc4jAstMetaPropExpr node) {
		if (node.getKind() == Swc4jAstMetaPropKind.ImportMeta) {
			this.edits.add(Edit.text(this.positions.start(node), this.positions.end(node), "__vm"));
		}
		return super.visitMetaPropExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
		if (node.getCallee() instanceof Swc4jAstImport callee) {
			this.edits.add(Edit.text(this.positions.start(callee), this.positions.end(callee), "__vr.load"));
		}
		return super.visitCallExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitAwaitExpr(Swc4jAstAwaitExpr node) {
		checkInFunction(node);
		return super.visitAwaitExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitForOfStmt(Swc4jAstForOfStmt node) {
		if (node.isAwait()) {
			checkInFunction(node);
		}
		return super.visitForOfStmt(node);
	}

	// A closing tag repeats the opening one, which alone is written when JSX
	// compiles (compiled code has no JSX).
	private static boolean inClosingTag(ISwc4jAst node) {
		ISwc4jAst parent = node.getParent();
		while (parent instanceof Swc4jAstJsxMemberExpr) {
			parent = parent.getParent();
		}
		return parent instanceof Swc4jAstJsxClosingElement;
	}

	private static void checkInFunction(ISwc4jAst node) {
		for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
			if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
				return;
			}
		}
		throw new RegistryFormException("top-level await");
	}

}
