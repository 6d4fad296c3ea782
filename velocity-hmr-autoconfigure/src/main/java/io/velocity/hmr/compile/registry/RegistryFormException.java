package io.velocity.hmr.compile.registry;

/**
 * Thrown when a module cannot be written in registry form (it awaits at its top level, or
 * has a construct the registry does not model), or a plan does not fit the code it is
 * asked to write.
 */
public class RegistryFormException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param reason what the module has, as in "a module with …"
	 */
	public RegistryFormException(String reason) {
		super(reason);
	}

}
