package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangeWindow}, with a scheduler driven by the test.
 *
 * @author Velocity HMR
 */
class ChangeWindowTests {

	@TempDir
	Path root;

	private final List<Runnable> tasks = new ArrayList<>();

	private final List<Long> delays = new ArrayList<>();

	private final List<ChangeSet> delivered = new ArrayList<>();

	private Path file;

	private ChangeWindow window;

	@BeforeEach
	void createWindow() throws IOException {
		this.file = Files.writeString(this.root.resolve("App.tsx"), "v1");
		Files.writeString(this.root.resolve("Header.tsx"), "header");
		SourceSnapshot snapshot = new SourceSnapshot(List.of(this.root),
				new IgnoringFileTreeVisitor(new IgnoreRules(List.of(this.root), List.of())));
		snapshot.reset();
		this.window = new ChangeWindow(0, snapshot, (task, delay) -> {
			this.tasks.add(task);
			this.delays.add(delay);
		}, this.delivered::add);
	}

	@Test
	void deliversEventsThatArrivedTogetherOnceTheLoopIsIdle() throws IOException {
		Files.writeString(this.file, "v2");
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onEvent(this.file, Kind.MODIFIED);
		assertThat(this.tasks).isEmpty();
		this.window.onIdle();
		runLatestTask();
		assertThat(this.delivered).singleElement()
			.satisfies((changeSet) -> assertThat(changeSet.changes()).containsExactly(modified()));
	}

	@Test
	void holdsBackATruncatedFileUntilItIsWritten() throws IOException {
		Files.write(this.file, new byte[0]);
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onIdle();
		runLatestTask();
		assertThat(this.delivered).isEmpty();
		assertThat(this.delays).last().isEqualTo(ChangeWindow.TRUNCATION_HOLD_NANOS);
		Runnable hold = this.tasks.get(this.tasks.size() - 1);
		Files.writeString(this.file, "v2");
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onIdle();
		runLatestTask();
		hold.run();
		assertThat(this.delivered).singleElement()
			.satisfies((changeSet) -> assertThat(changeSet.changes()).containsExactly(modified()));
	}

	@Test
	void holdsBackEverythingSeenWithATruncatedFileSoThatARenameAndTheImportersEditAreOneChangeSet() throws IOException {
		Path header = this.root.resolve("Header.tsx");
		Path banner = Files.move(header, this.root.resolve("Banner.tsx"), StandardCopyOption.ATOMIC_MOVE);
		Files.write(this.file, new byte[0]);
		this.window.onEvent(header, Kind.DELETED);
		this.window.onEvent(banner, Kind.CREATED);
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onIdle();
		runLatestTask();
		assertThat(this.delivered).as("the rename waits for the importer being saved").isEmpty();
		Files.writeString(this.file, "v2 imports ./Banner");
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onIdle();
		runLatestTask();
		assertThat(this.delivered).singleElement()
			.satisfies((changeSet) -> assertThat(changeSet.changes()).containsExactly(
					new FileChange(header, Kind.DELETED), new FileChange(banner, Kind.CREATED), modified()));
	}

	@Test
	void doesNotReportAnIdenticalSave() throws IOException {
		Files.writeString(this.file, "v1");
		this.window.onEvent(this.file, Kind.MODIFIED);
		this.window.onIdle();
		runLatestTask();
		assertThat(this.delivered).isEmpty();
	}

	private void runLatestTask() {
		this.tasks.get(this.tasks.size() - 1).run();
	}

	private FileChange modified() {
		return new FileChange(this.file, Kind.MODIFIED);
	}

}
