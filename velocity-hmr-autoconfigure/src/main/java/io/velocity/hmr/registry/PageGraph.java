package io.velocity.hmr.registry;

import java.util.List;

/**
 * The static import graph of an entry, in registry form.
 *
 * @param entry the URL of the entry, perhaps versioned
 * @param modules the application modules, the entry last
 * @param natives the URLs the browser imports natively, in the order first imported
 */
public record PageGraph(String entry, List<BundledModule> modules, List<String> natives) {
}
