package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.FileSystemUtils;

import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link SourceWatcher}, on real directories.
 *
 * @author Velocity HMR
 */
class SourceWatcherTests {

	private static final Duration QUIET_PERIOD = Duration.ofMillis(100);

	@TempDir
	Path root;

	private final BlockingQueue<ChangeSet> changeSets = new LinkedBlockingQueue<>();

	private SourceWatcher watcher;

	@AfterEach
	void stopWatcher() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void reportsACreatedFile() throws Exception {
		start();
		write("App.tsx", "app");
		assertNextChangeSet(change("App.tsx", Kind.CREATED));
	}

	@Test
	void reportsAModifiedFile() throws Exception {
		write("App.tsx", "app");
		start();
		write("App.tsx", "app 2");
		assertNextChangeSet(change("App.tsx", Kind.MODIFIED));
	}

	@Test
	void registeringInTheBackgroundReportsAChangeMadeAsSoonAsStartReturned() throws Exception {
		write("App.tsx", "app");
		write("Other.tsx", "other");
		FileTime earlier = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
		Files.setLastModifiedTime(file("App.tsx"), earlier);
		Files.setLastModifiedTime(file("Other.tsx"), earlier);
		this.watcher = new SourceWatcher(new WatchSettings(List.of(this.root), List.of(), QUIET_PERIOD),
				this.changeSets::add);
		this.watcher.setRegisterInBackground(true);
		this.watcher.start();
		write("App.tsx", "app 2");
		// Created when the walk saw it changed, modified when the watch did: either way
		// the only file reported.
		ChangeSet changeSet = this.changeSets.poll(10, TimeUnit.SECONDS);
		assertThat(changeSet).as("change set").isNotNull();
		assertThat(changeSet.files()).containsExactly(file("App.tsx"));
		assertStillWatching("Later.tsx");
	}

	@Test
	void reportsADeletedFile() throws Exception {
		write("App.tsx", "app");
		start();
		Files.delete(file("App.tsx"));
		assertNextChangeSet(change("App.tsx", Kind.DELETED));
	}

	@Test
	void reportsARenameAsDeletionAndCreation() throws Exception {
		write("Old.tsx", "component");
		start();
		Files.move(file("Old.tsx"), file("New.tsx"));
		assertNextChangeSet(change("Old.tsx", Kind.DELETED), change("New.tsx", Kind.CREATED));
	}

	@Test
	void reportsAnAtomicSaveAsOneModification() throws Exception {
		write("Foo.tsx", "v1");
		start();
		saveAtomically("Foo.tsx", "v2");
		assertNextChangeSet(change("Foo.tsx", Kind.MODIFIED));
	}

	@Test
	void reportsAVimStyleSaveAsOneModification() throws Exception {
		write("Foo.tsx", "v1");
		start();
		write(".Foo.tsx.swp", "swap");
		write("4913", "");
		Files.delete(file("4913"));
		Files.move(file("Foo.tsx"), file("Foo.tsx~"));
		write("Foo.tsx", "v2");
		Files.delete(file("Foo.tsx~"));
		Files.delete(file(".Foo.tsx.swp"));
		assertNextChangeSet(change("Foo.tsx", Kind.MODIFIED));
	}

	@Test
	void reportsFilesInAFolderCreatedAfterStartAndKeepsWatchingIt() throws Exception {
		start();
		Files.createDirectories(file("components/forms"));
		write("components/forms/Input.tsx", "input");
		assertNextChangeSet(change("components/forms/Input.tsx", Kind.CREATED));
		write("components/forms/Input.tsx", "input 2");
		assertNextChangeSet(change("components/forms/Input.tsx", Kind.MODIFIED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "node_modules", ".git", "dist", "target" })
	void ignoresFilesUnderAlwaysIgnoredFolders(String folder) throws Exception {
		Files.createDirectories(file(folder + "/existing"));
		start();
		write(folder + "/existing/index.js", "lib");
		Files.createDirectories(file("components/" + folder + "/later"));
		write("components/" + folder + "/later/index.js", "lib");
		write("Sentinel.tsx", "sentinel");
		assertNextChangeSet(change("Sentinel.tsx", Kind.CREATED));
	}

	@Test
	void ignoresConfiguredPatterns() throws Exception {
		start(QUIET_PERIOD, "**/*.generated.ts", "legacy/**");
		write("api.generated.ts", "api");
		Files.createDirectories(file("legacy/old"));
		write("legacy/old/Old.tsx", "old");
		Files.createDirectories(file("deep"));
		write("deep/types.generated.ts", "types");
		write("Sentinel.tsx", "sentinel");
		assertNextChangeSet(change("Sentinel.tsx", Kind.CREATED));
	}

	@Test
	void ignoresEditorTemporaryFiles() throws Exception {
		start();
		write("Foo.tsx~", "backup");
		write(".Foo.tsx.swp", "swap");
		write(".#Foo.tsx", "lock");
		write("Foo.tsx.tmp", "temp");
		write("Sentinel.tsx", "sentinel");
		assertNextChangeSet(change("Sentinel.tsx", Kind.CREATED));
	}

	@Test
	void suppressesSavesWithIdenticalContent() throws Exception {
		write("App.tsx", "same");
		start();
		write("App.tsx", "same");
		saveAtomically("App.tsx", "same");
		write("Sentinel.tsx", "sentinel");
		assertNextChangeSet(change("Sentinel.tsx", Kind.CREATED));
	}

	@Test
	void deliversABurstOfSavesToTwoFilesAsOneChangeSet() throws Exception {
		write("A.tsx", "a");
		write("B.tsx", "b");
		start(Duration.ofMillis(300));
		for (int i = 0; i < 5; i++) {
			write("A.tsx", "a" + i);
			write("B.tsx", "b" + i);
		}
		assertNextChangeSet(change("A.tsx", Kind.MODIFIED), change("B.tsx", Kind.MODIFIED));
		write("Sentinel.tsx", "sentinel");
		assertNextChangeSet(change("Sentinel.tsx", Kind.CREATED));
	}

	@Test
	void deliversChangesWithAZeroQuietPeriod() throws Exception {
		write("Foo.tsx", "v1");
		start(Duration.ZERO);
		saveAtomically("Foo.tsx", "v2");
		assertNextChangeSet(change("Foo.tsx", Kind.MODIFIED));
	}

	@Test
	void reportsAFileThatIsEmptiedOnPurpose() throws Exception {
		write("App.tsx", "app");
		start(Duration.ZERO);
		write("App.tsx", "");
		assertNextChangeSet(change("App.tsx", Kind.MODIFIED));
	}

	@Test
	void keepsDeliveringAfterTheListenerThrows() throws Exception {
		AtomicBoolean thrown = new AtomicBoolean();
		start(QUIET_PERIOD, (changeSet) -> {
			this.changeSets.add(changeSet);
			if (thrown.compareAndSet(false, true)) {
				throw new IllegalStateException("listener failure");
			}
		});
		write("First.tsx", "first");
		assertNextChangeSet(change("First.tsx", Kind.CREATED));
		write("Second.tsx", "second");
		assertNextChangeSet(change("Second.tsx", Kind.CREATED));
	}

	@Test
	void watchesEveryRoot() throws Exception {
		Path other = Files.createDirectories(this.root.resolve("other-root"));
		this.watcher = new SourceWatcher(
				new WatchSettings(List.of(this.root.resolve("main"), other), List.of(), QUIET_PERIOD),
				this.changeSets::add);
		Files.createDirectories(this.root.resolve("main"));
		this.watcher.start();
		write("main/App.tsx", "app");
		write("other-root/Lib.tsx", "lib");
		assertNextChangeSet(change("main/App.tsx", Kind.CREATED), change("other-root/Lib.tsx", Kind.CREATED));
	}

	@Test
	void watchesARootThatIsDeletedAndCreatedAgain() throws Exception {
		Path frontend = Files.createDirectories(this.root.resolve("frontend"));
		write("frontend/App.tsx", "app");
		this.watcher = new SourceWatcher(new WatchSettings(List.of(frontend), List.of(), QUIET_PERIOD),
				this.changeSets::add);
		this.watcher.start();
		FileSystemUtils.deleteRecursively(frontend);
		assertNextChangeSet(change("frontend/App.tsx", Kind.DELETED));
		Files.createDirectories(frontend);
		assertStillWatching("frontend/Main.tsx");
	}

	@Test
	void restartsWatchingWhenTheWatchLoopDies() throws Exception {
		start();
		this.watcher.watchLoop().current().close();
		assertStillWatching("App.tsx");
	}

	@Test
	void stopEndsTheWatcherThreads() throws Exception {
		start();
		write("App.tsx", "app");
		assertNextChangeSet(change("App.tsx", Kind.CREATED));
		List<Thread> threads = this.watcher.threads();
		assertThat(threads).isNotEmpty()
			.allSatisfy((thread) -> assertThat(thread.getName()).startsWith(SourceWatcher.THREAD_NAME));
		this.watcher.stop();
		assertThat(this.watcher.isRunning()).isFalse();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		assertThat(threads).noneMatch(Thread::isAlive);
	}

	/**
	 * Create a file and change it, and see both reported: watching goes on.
	 */
	private void assertStillWatching(String path) throws Exception {
		write(path, "content");
		awaitChange(change(path, Kind.CREATED));
		write(path, "content 2");
		awaitChange(change(path, Kind.MODIFIED));
	}

	private void start() {
		start(QUIET_PERIOD);
	}

	private void start(Duration quietPeriod, String... ignore) {
		start(quietPeriod, this.changeSets::add, ignore);
	}

	private void start(Duration quietPeriod, Consumer<ChangeSet> listener, String... ignore) {
		this.watcher = new SourceWatcher(new WatchSettings(List.of(this.root), List.of(ignore), quietPeriod), listener);
		this.watcher.start();
	}

	private void assertNextChangeSet(FileChange... expected) throws InterruptedException {
		ChangeSet changeSet = this.changeSets.poll(10, TimeUnit.SECONDS);
		assertThat(changeSet).as("change set").isNotNull();
		assertThat(changeSet.changes()).containsExactly(expected);
	}

	private void awaitChange(FileChange expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			ChangeSet changeSet = this.changeSets.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (changeSet != null && changeSet.changes().contains(expected)) {
				return;
			}
		}
		fail("No change set with " + expected);
	}

	private Path file(String path) {
		return this.root.resolve(path);
	}

	private FileChange change(String path, Kind kind) {
		return new FileChange(file(path), kind);
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(file(path), content);
	}

	/**
	 * Save as editors do atomically: write a temporary file, then move it over the file.
	 */
	private void saveAtomically(String path, String content) throws IOException {
		write(path + ".tmp", content);
		Files.move(file(path + ".tmp"), file(path), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

}
