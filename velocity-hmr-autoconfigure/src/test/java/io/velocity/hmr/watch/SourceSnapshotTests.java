package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceSnapshot}.
 *
 * @author Velocity HMR
 */
class SourceSnapshotTests {

	@TempDir
	Path root;

	private SourceSnapshot snapshot;

	@BeforeEach
	void createSnapshot() throws IOException {
		Files.writeString(this.root.resolve("A.tsx"), "a");
		Files.writeString(this.root.resolve("B.tsx"), "b");
		Files.createDirectories(this.root.resolve("node_modules/lib"));
		Files.writeString(this.root.resolve("node_modules/lib/index.js"), "lib");
		IgnoreRules rules = new IgnoreRules(List.of(this.root), List.of());
		this.snapshot = new SourceSnapshot(List.of(this.root), new IgnoringFileTreeVisitor(rules));
		this.snapshot.reset();
	}

	@Test
	void confirmDropsAModificationWithIdenticalContent() throws IOException {
		Files.writeString(this.root.resolve("A.tsx"), "a");
		assertThat(this.snapshot.confirm(List.of(change("A.tsx", Kind.MODIFIED)))).isEmpty();
	}

	@Test
	void confirmReportsWhatTheDiskShows() throws IOException {
		Files.writeString(this.root.resolve("A.tsx"), "a2");
		Files.delete(this.root.resolve("B.tsx"));
		Files.writeString(this.root.resolve("C.tsx"), "c");
		List<FileChange> changes = this.snapshot.confirm(
				List.of(change("C.tsx", Kind.MODIFIED), change("A.tsx", Kind.CREATED), change("B.tsx", Kind.DELETED)));
		assertThat(changes).containsExactly(change("C.tsx", Kind.CREATED), change("A.tsx", Kind.MODIFIED),
				change("B.tsx", Kind.DELETED));
	}

	@Test
	void confirmDropsADeletionOfAFileNeverReported() {
		assertThat(this.snapshot.confirm(List.of(change("Gone.tsx", Kind.DELETED)))).isEmpty();
	}

	@Test
	void confirmedChangesBecomeTheNewBaseline() throws IOException {
		Files.writeString(this.root.resolve("A.tsx"), "a2");
		this.snapshot.confirm(List.of(change("A.tsx", Kind.MODIFIED)));
		assertThat(this.snapshot.confirm(List.of(change("A.tsx", Kind.MODIFIED)))).isEmpty();
	}

	@Test
	void rescanReportsEveryDifferenceWithCandidatesFirst() throws IOException {
		Files.writeString(this.root.resolve("A.tsx"), "a2");
		Files.delete(this.root.resolve("B.tsx"));
		Files.createDirectories(this.root.resolve("sub"));
		Files.writeString(this.root.resolve("sub/D.tsx"), "d");
		Files.writeString(this.root.resolve("node_modules/lib/index.js"), "lib2");
		List<FileChange> changes = this.snapshot.rescan(List.of(change("sub/D.tsx", Kind.CREATED)));
		assertThat(changes).first().isEqualTo(change("sub/D.tsx", Kind.CREATED));
		assertThat(changes).containsExactlyInAnyOrder(change("sub/D.tsx", Kind.CREATED), change("A.tsx", Kind.MODIFIED),
				change("B.tsx", Kind.DELETED));
	}

	@Test
	void rescanOfAnUnchangedTreeReportsNothing() {
		assertThat(this.snapshot.rescan(List.of())).isEmpty();
	}

	private FileChange change(String path, Kind kind) {
		return new FileChange(this.root.resolve(path), kind);
	}

}
