package io.velocity.hmr.compile;

import java.util.LinkedHashSet;
import java.util.Set;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstKeyValueProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstMethodProp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAssignExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPropName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPropOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;
import org.jspecify.annotations.Nullable;

/**
 * What a CommonJS module's syntax tree tells without running it: the modules it
 * {@code require}s by a string literal, and the names it exports where they can be known
 * statically ({@code exports.x = …}, {@code module.exports.x = …},
 * {@code Object.defineProperty(exports, "x", …)}, {@code module.exports = { x, y }}), as
 * Node's own CommonJS lexer finds them for {@code import { x } from 'cjs'}.
 *
 * @param requires the required specifiers, in source order, without duplicates
 * @param exports the exported names found
 * @param usesCommonJs whether it mentions {@code require(…)}, {@code module} or
 * {@code exports} at all
 */
record CommonJsSyntax(Set<String> requires, Set<String> exports, boolean usesCommonJs) {

	static CommonJsSyntax of(ISwc4jAstProgram<?> program) {
		Collector collector = new Collector();
		program.visit(collector);
		return new CommonJsSyntax(collector.requires, collector.exports, collector.usesCommonJs);
	}

	private static final class Collector extends Swc4jAstVisitor {

		private final Set<String> requires = new LinkedHashSet<>();

		private final Set<String> exports = new LinkedHashSet<>();

		private boolean usesCommonJs;

		@Override
		public Swc4jAstVisitorResponse visitCallExpr(Swc4jAstCallExpr node) {
			if (node.getCallee() instanceof Swc4jAstIdent callee && !node.getArgs().isEmpty()) {
				Swc4jAstExprOrSpread argument = node.getArgs().get(0);
				if (callee.getSym().equals("require") && argument.getExpr() instanceof Swc4jAstStr str) {
					this.requires.add(str.getValue());
					this.usesCommonJs = true;
				}
			}
			if (node.getCallee() instanceof Swc4jAstMemberExpr member && isName(member.getObj(), "Object")
					&& isProperty(member, "defineProperty") && node.getArgs().size() > 1
					&& isExportsObject(node.getArgs().get(0).getExpr())
					&& node.getArgs().get(1).getExpr() instanceof Swc4jAstStr name) {
				this.exports.add(name.getValue());
			}
			return super.visitCallExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitAssignExpr(Swc4jAstAssignExpr node) {
			if (node.getLeft() instanceof Swc4jAstMemberExpr target) {
				if (isExportsObject(target.getObj())) {
					String name = propertyName(target);
					if (name != null) {
						this.exports.add(name);
					}
				}
				else if (isName(target.getObj(), "module") && isProperty(target, "exports")
						&& node.getRight() instanceof Swc4jAstObjectLit object) {
					object.getProps().forEach(this::addKey);
				}
			}
			return super.visitAssignExpr(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitMemberExpr(Swc4jAstMemberExpr node) {
			if (isExportsObject(node.getObj()) || isExportsObject(node)) {
				this.usesCommonJs = true;
			}
			return super.visitMemberExpr(node);
		}

		private void addKey(ISwc4jAstPropOrSpread property) {
			if (property instanceof Swc4jAstIdent shorthand) {
				this.exports.add(shorthand.getSym());
			}
			else if (property instanceof Swc4jAstKeyValueProp keyValue) {
				addKey(keyValue.getKey());
			}
			else if (property instanceof Swc4jAstMethodProp method) {
				addKey(method.getKey());
			}
		}

		private void addKey(ISwc4jAstPropName key) {
			if (key instanceof Swc4jAstIdentName name) {
				this.exports.add(name.getSym());
			}
			else if (key instanceof Swc4jAstStr str) {
				this.exports.add(str.getValue());
			}
		}

		// 'exports' or 'module.exports'
		private static boolean isExportsObject(ISwc4jAst node) {
			return isName(node, "exports") || (node instanceof Swc4jAstMemberExpr member
					&& isName(member.getObj(), "module") && isProperty(member, "exports"));
		}

		private static boolean isName(ISwc4jAst node, String name) {
			return node instanceof Swc4jAstIdent ident && ident.getSym().equals(name);
		}

		private static boolean isProperty(Swc4jAstMemberExpr member, String name) {
			return name.equals(propertyName(member));
		}

		private static @Nullable String propertyName(Swc4jAstMemberExpr member) {
			return (member.getProp() instanceof Swc4jAstIdentName name) ? name.getSym() : null;
		}

	}

}
