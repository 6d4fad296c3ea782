package io.velocity.hmr.bundle;

import java.util.Optional;

import io.velocity.hmr.resolve.PackageFile;

/**
 * Pre-bundles a package's entry module: the entry and every module of the same package it
 * imports become one ES module, so a page makes one request for it instead of one per
 * file. Imports of other packages stay bare specifiers, for the compiler to point at
 * their own bundles, so each package exists once in a page.
 */
public interface PackageBundler {

	/**
	 * Bundle an entry.
	 * @param entry the entry module
	 * @return the bundled ES module, or empty when this entry is served as it is
	 * @throws BundleException if the bundler failed on the package's code
	 */
	Optional<String> bundle(PackageFile entry);

}
