package io.velocity.hmr.update;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.watch.ChangeSet;

/**
 * Reloads the open pages when a server-rendered page changes: a static HTML file or a
 * template. What DevTools' LiveReload did, without a browser extension.
 */
public final class PageReloader implements Consumer<ChangeSet> {

	private static final Log logger = LogFactory.getLog(PageReloader.class);

	private final List<Path> roots;

	private final Consumer<HmrMessage> broadcaster;

	/**
	 * Create a new reloader.
	 * @param roots the directories of the pages, absolute and normalized (as
	 * {@link io.velocity.hmr.source.SourceRoots} resolves them), to name changed files
	 * relative to them
	 * @param broadcaster sends a message to every connected client
	 */
	public PageReloader(List<Path> roots, Consumer<HmrMessage> broadcaster) {
		this.roots = List.copyOf(roots);
		this.broadcaster = broadcaster;
	}

	@Override
	public void accept(ChangeSet changeSet) {
		if (changeSet.isEmpty()) {
			return;
		}
		Path file = changeSet.changes().get(0).file();
		String reason = describe(file) + " changed"
				+ ((changeSet.changes().size() > 1) ? " (and " + (changeSet.changes().size() - 1) + " more)" : "");
		logger.info("Velocity HMR full reload: " + reason);
		this.broadcaster.accept(new HmrMessage.FullReload(reason, null));
	}

	private String describe(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		for (Path root : this.roots) {
			if (absolute.startsWith(root)) {
				return root.getFileName() + "/" + root.relativize(absolute).toString().replace('\\', '/');
			}
		}
		return absolute.toString();
	}

}
