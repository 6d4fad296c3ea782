package io.velocity.hmr.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceTree}'s undo, which keeps a failed test's edits from the tests
 * after it.
 */
class SourceTreeTests {

	@TempDir
	Path root;

	@Test
	void undoPutsBackEditedDeletedRenamedAndCreatedFilesSinceTheKeptState() throws Exception {
		SourceTree tree = SourceTree.at(this.root);
		tree.write("App.tsx", "app");
		tree.write("Footer.tsx", "footer");
		tree.write("Header.tsx", "header");
		tree.keepChanges();
		tree.edit("App.tsx", "app", "broken");
		tree.edit("App.tsx", "broken", "broken twice");
		tree.delete("Footer.tsx");
		tree.rename("Header.tsx", "Banner.tsx");
		tree.write("new.ts", "new");

		assertThat(tree.undoChanges()).containsExactly("App.tsx", "Footer.tsx", "Header.tsx", "Banner.tsx", "new.ts");
		assertThat(tree.read("App.tsx")).isEqualTo("app");
		assertThat(tree.read("Footer.tsx")).isEqualTo("footer");
		assertThat(tree.read("Header.tsx")).isEqualTo("header");
		assertThat(this.root.resolve("Banner.tsx")).doesNotExist();
		assertThat(this.root.resolve("new.ts")).doesNotExist();
		assertThat(tree.undoChanges()).isEmpty();
	}

	@Test
	void filesPutBackByTheTestItselfAreLeftAlone() throws Exception {
		SourceTree tree = SourceTree.at(this.root);
		tree.write("App.tsx", "app");
		tree.keepChanges();
		tree.edit("App.tsx", "app", "broken");
		tree.edit("App.tsx", "broken", "app");
		long modified = Files.getLastModifiedTime(this.root.resolve("App.tsx")).toMillis();

		assertThat(tree.undoChanges()).isEmpty();
		assertThat(Files.getLastModifiedTime(this.root.resolve("App.tsx")).toMillis()).isEqualTo(modified);
	}

}
