package io.velocity.hmr.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Module sources that let a test see, or refuse, every read of a module: each
 * {@link #find} first hands the path to an observer, which may count it, record the
 * reading thread, or throw as an unreadable file would; the rest is the given sources'.
 */
public final class ObservedModuleSources implements ModuleSources {

	private final ModuleSources sources;

	private final Consumer<String> beforeFind;

	private ObservedModuleSources(ModuleSources sources, Consumer<String> beforeFind) {
		this.sources = sources;
		this.beforeFind = beforeFind;
	}

	/**
	 * Observe the reads of the given sources.
	 * @param sources the sources read
	 * @param beforeFind called with each path before it is read
	 * @return the observed sources
	 */
	public static ModuleSources beforeEachFind(ModuleSources sources, Consumer<String> beforeFind) {
		return new ObservedModuleSources(sources, beforeFind);
	}

	@Override
	public Optional<ModuleSource> find(String path) {
		this.beforeFind.accept(path);
		return this.sources.find(path);
	}

	@Override
	public boolean exists(String path) {
		return this.sources.exists(path);
	}

	@Override
	public List<Path> roots() {
		return this.sources.roots();
	}

}
