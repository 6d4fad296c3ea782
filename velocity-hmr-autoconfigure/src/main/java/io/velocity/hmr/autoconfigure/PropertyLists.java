package io.velocity.hmr.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads a list property for the conditions and the environment post-processor, which run
 * on the main thread before any bean exists and several times per start-up. A binder
 * looks for indexed elements by going through every property name of every source (the
 * system environment's included) on each call; a comma-separated value, the common case,
 * is read as the environment reads any property, and the binder is used only when an
 * indexed element ({@code name[0]}, as a YAML list gives) is there.
 */
final class PropertyLists {

	private PropertyLists() {
	}

	/**
	 * Return the list a property holds.
	 * @param environment the environment
	 * @param name the property's name
	 * @return the list, or empty when the property is not set
	 */
	static Optional<List<String>> get(Environment environment, String name) {
		if (environment.containsProperty(name + "[0]")) {
			BindResult<List<String>> bound = Binder.get(environment).bind(name, Bindable.listOf(String.class));
			return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
		}
		String[] values = environment.getProperty(name, String[].class);
		return Optional.ofNullable(values).map(List::of);
	}

}
