package io.velocity.hmr.compile.registry;

import java.util.List;

/**
 * A module in registry form: one {@code __velocity_hmr__.define(...)} statement.
 *
 * @param code the statement, ending with a line break; its lines are the module's lines
 * @param firstLineShift how many characters were put in front of the module's first line
 * @param imports the URLs it imports statically, in evaluation order
 */
public record RegistryCode(String code, int firstLineShift, List<String> imports) {

	public RegistryCode {
		imports = List.copyOf(imports);
	}

}
