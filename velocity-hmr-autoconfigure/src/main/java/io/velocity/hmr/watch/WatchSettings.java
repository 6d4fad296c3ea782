package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Settings of a {@link SourceWatcher}.
 *
 * @param roots the source root directories to watch recursively. A root that does not
 * exist yet is watched once it appears
 * @param ignorePatterns additional Ant-style patterns ({@code *}, {@code **}, {@code ?}),
 * relative to a root and with {@code /} as separator, of files and folders to ignore. A
 * pattern that matches a folder ignores everything below it. See {@link IgnoreRules} for
 * what is always ignored
 * @param quietPeriod amount of time without a new file system event after which the
 * collected changes are delivered. Zero delivers as soon as the events that arrived
 * together have been read
 * @author Velocity HMR
 */
public record WatchSettings(List<Path> roots, List<String> ignorePatterns, Duration quietPeriod) {

	/**
	 * The default quiet period: none, as the events of one save are read together and a
	 * truncated file is held back anyway; any wait adds to every update's latency.
	 */
	public static final Duration DEFAULT_QUIET_PERIOD = Duration.ZERO;

	public WatchSettings {
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.noNullElements(roots, "'roots' must not contain null elements");
		Assert.notNull(ignorePatterns, "'ignorePatterns' must not be null");
		Assert.noNullElements(ignorePatterns, "'ignorePatterns' must not contain null elements");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		roots = roots.stream().map((root) -> root.toAbsolutePath().normalize()).distinct().toList();
		ignorePatterns = List.copyOf(ignorePatterns);
	}

	/**
	 * Create settings for the given roots with no additional ignore patterns and the
	 * {@link #DEFAULT_QUIET_PERIOD default quiet period}.
	 * @param roots the source root directories
	 */
	public WatchSettings(List<Path> roots) {
		this(roots, List.of(), DEFAULT_QUIET_PERIOD);
	}

}
