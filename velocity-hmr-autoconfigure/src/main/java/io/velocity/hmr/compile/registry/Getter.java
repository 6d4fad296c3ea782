package io.velocity.hmr.compile.registry;

import org.jspecify.annotations.Nullable;

/**
 * What a getter of the namespace returns: an imported binding or a local name.
 */
record Getter(@Nullable Binding binding, String local) {

	static Getter of(Binding binding) {
		return new Getter(binding, "");
	}

	static Getter local(String name) {
		return new Getter(null, name);
	}

	String render(String[] namespaces) {
		return (this.binding != null) ? this.binding.render(namespaces) : this.local;
	}

}
