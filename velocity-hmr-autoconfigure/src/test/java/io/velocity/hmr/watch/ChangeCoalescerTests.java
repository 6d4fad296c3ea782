package io.velocity.hmr.watch;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangeCoalescer}.
 *
 * @author Velocity HMR
 */
class ChangeCoalescerTests {

	private static final Path A = Path.of("/src/A.tsx");

	private static final Path B = Path.of("/src/B.tsx");

	private final ChangeCoalescer coalescer = new ChangeCoalescer();

	@Test
	void createdThenModifiedIsCreated() {
		add(A, Kind.CREATED);
		add(A, Kind.MODIFIED);
		assertThat(this.coalescer.drain().changes()).containsExactly(new FileChange(A, Kind.CREATED));
	}

	@Test
	void createdThenDeletedIsNothing() {
		add(A, Kind.CREATED);
		add(A, Kind.MODIFIED);
		add(A, Kind.DELETED);
		assertThat(this.coalescer.drain().changes()).isEmpty();
	}

	@Test
	void modifiedThenDeletedIsDeleted() {
		add(A, Kind.MODIFIED);
		add(A, Kind.DELETED);
		assertThat(this.coalescer.drain().changes()).containsExactly(new FileChange(A, Kind.DELETED));
	}

	@Test
	void deletedThenCreatedIsModified() {
		add(A, Kind.DELETED);
		add(A, Kind.CREATED);
		assertThat(this.coalescer.drain().changes()).containsExactly(new FileChange(A, Kind.MODIFIED));
	}

	@Test
	void repeatedModificationsAreOneModification() {
		add(A, Kind.MODIFIED);
		add(A, Kind.MODIFIED);
		add(A, Kind.MODIFIED);
		assertThat(this.coalescer.drain().changes()).containsExactly(new FileChange(A, Kind.MODIFIED));
	}

	@Test
	void renameIsDeletionOfOldAndCreationOfNew() {
		add(A, Kind.DELETED);
		add(B, Kind.CREATED);
		assertThat(this.coalescer.drain().changes()).containsExactly(new FileChange(A, Kind.DELETED),
				new FileChange(B, Kind.CREATED));
	}

	@Test
	void changesKeepTheOrderInWhichFilesWereFirstSeen() {
		add(B, Kind.MODIFIED);
		add(A, Kind.MODIFIED);
		add(B, Kind.MODIFIED);
		assertThat(this.coalescer.drain().files()).containsExactly(B, A);
	}

	@Test
	void changeSetCarriesTheTimeOfTheFirstEvent() {
		this.coalescer.add(A, Kind.MODIFIED, 100, 1000);
		this.coalescer.add(B, Kind.MODIFIED, 200, 2000);
		ChangeSet changeSet = this.coalescer.drain();
		assertThat(changeSet.detectedNanos()).isEqualTo(100);
		assertThat(changeSet.detectedEpochMillis()).isEqualTo(1000);
	}

	@Test
	void drainStartsANewWindow() {
		add(A, Kind.MODIFIED);
		this.coalescer.drain();
		assertThat(this.coalescer.isOpen()).isFalse();
		this.coalescer.add(B, Kind.CREATED, 300, 3000);
		ChangeSet changeSet = this.coalescer.drain();
		assertThat(changeSet.changes()).containsExactly(new FileChange(B, Kind.CREATED));
		assertThat(changeSet.detectedNanos()).isEqualTo(300);
	}

	@Test
	void windowStaysOpenWhenEventsCancelOut() {
		add(A, Kind.CREATED);
		add(A, Kind.DELETED);
		assertThat(this.coalescer.isOpen()).isTrue();
	}

	@Test
	void changesPutBackComeBeforeTheEventsSeenSinceAndFoldWithThem() {
		this.coalescer.add(A, Kind.DELETED, 100, 1000);
		this.coalescer.add(B, Kind.MODIFIED, 100, 1000);
		ChangeSet held = this.coalescer.drain();
		this.coalescer.add(B, Kind.MODIFIED, 200, 2000);
		this.coalescer.add(A, Kind.CREATED, 200, 2000);
		this.coalescer.putBack(held);
		ChangeSet changeSet = this.coalescer.drain();
		assertThat(changeSet.changes()).containsExactly(new FileChange(A, Kind.MODIFIED),
				new FileChange(B, Kind.MODIFIED));
		assertThat(changeSet.detectedNanos()).isEqualTo(100);
	}

	private void add(Path file, Kind kind) {
		this.coalescer.add(file, kind, System.nanoTime(), System.currentTimeMillis());
	}

}
