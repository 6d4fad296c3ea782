package io.velocity.hmr.compile.jsx;

import java.util.List;

/**
 * Writes the effect that keeps the dynamic attributes of one template clone up to date.
 * One binding gets an effect of its own; several share one, which computes every value
 * and sets only those that changed since its previous run, kept in the object it returns:
 * <pre class="code">
 * _$effect((_p$ = {}) => { const _v$1 = (a()), _v$2 = (b());
 *   _v$1 !== _p$.e0 && _$className(_el$1, _p$.e0 = _v$1); … return _p$; });
 * </pre>
 */
final class Effects {

	private final JsxCompiler compiler;

	Effects(JsxCompiler compiler) {
		this.compiler = compiler;
	}

	void write(List<Binding> bindings) {
		if (bindings.isEmpty()) {
			return;
		}
		String effect = this.compiler.helper("effect");
		if (bindings.size() == 1) {
			Binding binding = bindings.get(0);
			if (binding.kind().diffs()) {
				this.compiler.write(effect + "((_p$) => " + binding.open(this.compiler), binding.at());
				this.compiler.emitExpression(binding.expr());
				this.compiler.write(", _p$)); ", binding.at());
			}
			else {
				this.compiler.write(effect + "(() => { " + binding.open(this.compiler), binding.at());
				this.compiler.emitExpression(binding.expr());
				this.compiler.write(binding.close() + "; }); ", binding.at());
			}
			return;
		}
		int at = bindings.get(0).at();
		String[] values = new String[bindings.size()];
		this.compiler.write(effect + "((_p$ = {}) => { const ", at);
		for (int i = 0; i < bindings.size(); i++) {
			Binding binding = bindings.get(i);
			values[i] = this.compiler.id("_v$");
			this.compiler.write(((i > 0) ? ", " : "") + values[i] + " = ", binding.at());
			this.compiler.emitExpression(binding.expr());
		}
		this.compiler.write("; ", at);
		for (int i = 0; i < bindings.size(); i++) {
			Binding binding = bindings.get(i);
			String previous = "_p$.e" + i;
			if (binding.kind().diffs()) {
				this.compiler.write(
						previous + " = " + binding.open(this.compiler) + values[i] + ", " + previous + "); ",
						binding.at());
			}
			else {
				this.compiler.write(values[i] + " !== " + previous + " && " + binding.open(this.compiler) + previous
						+ " = " + values[i] + binding.close() + "; ", binding.at());
			}
		}
		this.compiler.write("return _p$; }); ", at);
	}

}
