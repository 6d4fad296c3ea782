package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstImportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitor;
import com.caoccao.javet.swc4j.ast.visitors.Swc4jAstVisitorResponse;
import com.caoccao.javet.swc4j.span.Swc4jSpan;

/**
 * The names a module takes from others, by specifier: {@code import { a, b as c } from
 * './x'} takes {@code a} and {@code b}, {@code import d from './x'} takes
 * {@code default}, {@code export { e } from './x'} takes {@code e}, {@code import * as f
 * from './x'} takes the whole module ({@link #NAMESPACE}); and the specifiers of its
 * {@code export * from} declarations, whose names it passes on. Type-only imports are
 * left out: they are erased.
 *
 * @param named the names taken, in source order
 * @param starSources the specifiers of {@code export *} declarations
 */
record ImportedNames(List<Named> named, List<String> starSources) {

	/**
	 * The name recorded for {@code import * as x}: the whole module, not an export.
	 */
	static final String NAMESPACE = "*";

	static ImportedNames of(ISwc4jAstProgram<?> program) {
		Collector collector = new Collector();
		program.visit(collector);
		return new ImportedNames(List.copyOf(collector.named), List.copyOf(collector.starSources));
	}

	/**
	 * Return where a name is taken from a specifier.
	 * @param specifier the specifier
	 * @param name the name
	 * @return the span of the name, if taken
	 */
	Optional<Swc4jSpan> find(String specifier, String name) {
		return this.named.stream()
			.filter((taken) -> taken.specifier().equals(specifier) && taken.name().equals(name))
			.map(Named::span)
			.findFirst();
	}

	/**
	 * A name taken from a module.
	 *
	 * @param specifier the specifier of the module
	 * @param name the name it exports
	 * @param span where the name is written
	 */
	record Named(String specifier, String name, Swc4jSpan span) {
	}

	private static final class Collector extends Swc4jAstVisitor {

		private final List<Named> named = new ArrayList<>();

		private final List<String> starSources = new ArrayList<>();

		@Override
		public Swc4jAstVisitorResponse visitImportDecl(Swc4jAstImportDecl node) {
			if (!node.isTypeOnly()) {
				String specifier = node.getSrc().getValue();
				for (ISwc4jAstImportSpecifier specifierNode : node.getSpecifiers()) {
					if (specifierNode instanceof Swc4jAstImportNamedSpecifier named && !named.isTypeOnly()) {
						Swc4jAstIdent local = named.getLocal();
						String name = named.getImported().map(ImportedNames::name).orElse(local.getSym());
						this.named.add(new Named(specifier, name, named.getSpan()));
					}
					else if (specifierNode instanceof Swc4jAstImportDefaultSpecifier defaultSpecifier) {
						this.named.add(new Named(specifier, "default", defaultSpecifier.getSpan()));
					}
					else if (specifierNode instanceof Swc4jAstImportStarAsSpecifier namespace) {
						this.named.add(new Named(specifier, NAMESPACE, namespace.getSpan()));
					}
				}
			}
			return super.visitImportDecl(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitNamedExport(Swc4jAstNamedExport node) {
			Optional<Swc4jAstStr> source = node.getSrc();
			if (!node.isTypeOnly() && source.isPresent()) {
				node.getSpecifiers().forEach((specifier) -> {
					if (specifier instanceof Swc4jAstExportNamedSpecifier named && !named.isTypeOnly()) {
						this.named.add(new Named(source.get().getValue(), name(named.getOrig()), named.getSpan()));
					}
				});
			}
			return super.visitNamedExport(node);
		}

		@Override
		public Swc4jAstVisitorResponse visitExportAll(Swc4jAstExportAll node) {
			if (!node.isTypeOnly()) {
				this.starSources.add(node.getSrc().getValue());
			}
			return super.visitExportAll(node);
		}

	}

	private static String name(ISwc4jAstModuleExportName name) {
		return (name instanceof Swc4jAstStr str) ? str.getValue() : ((Swc4jAstIdent) name).getSym();
	}

}
