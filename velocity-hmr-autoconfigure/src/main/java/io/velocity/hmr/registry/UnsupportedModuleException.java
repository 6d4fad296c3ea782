package io.velocity.hmr.registry;

/**
 * Thrown when a module uses something the registry format cannot express, so that its
 * page is served as native ES modules instead.
 */
public class UnsupportedModuleException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param reason what the module uses, for the log
	 */
	public UnsupportedModuleException(String reason) {
		super(reason);
	}

}
