package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.caoccao.javet.swc4j.ast.enums.Swc4jAstMetaPropKind;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstOptChainExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstArrayLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstOptCall;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;

import io.velocity.hmr.compile.ModuleSyntax.ImportSite;

/**
 * Finds the uses of {@code import.meta.hot} anywhere in a syntax tree, whether written
 * {@code import.meta.hot.accept()}, {@code import.meta.hot?.accept()} or inside an
 * {@code if (import.meta.hot)} block. Only literal arguments are understood:
 * {@code accept(deps, cb)} with {@code deps} a variable accepts nothing known.
 */
final class HotApiCalls extends Swc4jAstVisitor {

	boolean usesHot;

	boolean selfAccepts;

	final List<ImportSite> acceptedDeps = new ArrayList<>();

	boolean declines;

	boolean disposes;

	@Override
	public Swc4jAstVisitorResponse visitMemberExpr(Swc4jAstMemberExpr node) {
		this.usesHot |= isImportMetaHot(node);
		return super.visitMemberExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
		if (node.getCallee() instanceof ISwc4jAstExpr callee) {
			hotMethod(callee).ifPresent((method) -> add(method, node.getArgs()));
		}
		return super.visitCallExpr(node);
	}

	@Override
	public Swc4jAstVisitorResponse visitOptCall(Swc4jAstOptCall node) {
		hotMethod(node.getCallee()).ifPresent((method) -> add(method, node.getArgs()));
		return super.visitOptCall(node);
	}

	private void add(String method, List<Swc4jAstExprOrSpread> args) {
		switch (method) {
			case "accept" -> accept(args);
			case "decline" -> this.declines = true;
			case "dispose" -> this.disposes = true;
			default -> {
			}
		}
	}

	private void accept(List<Swc4jAstExprOrSpread> args) {
		if (args.isEmpty()) {
			this.selfAccepts = true;
			return;
		}
		Swc4jAstExprOrSpread first = args.get(0);
		if (first.getSpread().isPresent()) {
			return;
		}
		ISwc4jAstExpr deps = HotSyntax.unwrap(first.getExpr());
		if (deps instanceof Swc4jAstArrowExpr || deps instanceof Swc4jAstFnExpr) {
			this.selfAccepts = true;
		}
		else if (deps instanceof Swc4jAstStr str) {
			addDep(str);
		}
		else if (deps instanceof Swc4jAstArrayLit array) {
			for (Optional<Swc4jAstExprOrSpread> element : array.getElems()) {
				element.filter((item) -> item.getSpread().isEmpty())
					.map(Swc4jAstExprOrSpread::getExpr)
					.filter(Swc4jAstStr.class::isInstance)
					.ifPresent((str) -> addDep((Swc4jAstStr) str));
			}
		}
	}

	private void addDep(Swc4jAstStr str) {
		this.acceptedDeps.add(new ImportSite(str.getValue(), str.getSpan(), false));
	}

	/**
	 * Whether an expression is a call of an {@code import.meta.hot} method, optional or
	 * not.
	 * @param expr the expression
	 * @return whether it is such a call
	 */
	static boolean isHotCall(ISwc4jAstExpr expr) {
		ISwc4jAstExpr value = HotSyntax.unwrap(expr);
		if (value instanceof Swc4jAstOptChainExpr chain && chain.getBase() instanceof Swc4jAstOptCall call) {
			return hotMethod(call.getCallee()).isPresent();
		}
		return value instanceof Swc4jAstCallExpr call && call.getCallee() instanceof ISwc4jAstExpr callee
				&& hotMethod(callee).isPresent();
	}

	// The method name when the callee is 'import.meta.hot.<name>' or
	// 'import.meta.hot?.<name>'.
	private static Optional<String> hotMethod(ISwc4jAstExpr callee) {
		ISwc4jAst target = optionalBase(callee);
		if (target instanceof Swc4jAstMemberExpr member && member.getProp() instanceof Swc4jAstIdentName name
				&& isImportMetaHot(optionalBase(member.getObj()))) {
			return Optional.of(name.getSym());
		}
		return Optional.empty();
	}

	private static boolean isImportMetaHot(ISwc4jAst node) {
		return node instanceof Swc4jAstMemberExpr member && member.getProp() instanceof Swc4jAstIdentName name
				&& name.getSym().equals("hot") && member.getObj() instanceof Swc4jAstMetaPropExpr meta
				&& meta.getKind() == Swc4jAstMetaPropKind.ImportMeta;
	}

	private static ISwc4jAst optionalBase(ISwc4jAstExpr expr) {
		ISwc4jAst value = HotSyntax.unwrap(expr);
		while (value instanceof Swc4jAstOptChainExpr chain) {
			value = chain.getBase();
		}
		return value;
	}

}
