package io.velocity.hmr.update;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names a changed module's importers import: checked again whenever what it exports
 * changed or a problem stands, and not for an edit that keeps its exports.
 */
class ImporterLinksPipelineTests extends PipelineTestSupport {

	@Test
	void renamingAnExportThatAnImporterUsesReportsTheImporter() throws IOException {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "function plural(", "function pluralOf(");
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> {
			assertThat(error.file()).isEqualTo("Counter.tsx");
			assertThat(error.message()).contains("plural");
		});
	}

	@Test
	void aLaterEditThatKeepsTheRenamedExportStillReportsTheImporter() throws IOException {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "function plural(", "function pluralOf(");
		edit("utils.ts", "noun + 's'", "noun + 'es'");
		assertThat(this.sent).hasSize(2)
			.allSatisfy((message) -> assertThat(message).isInstanceOfSatisfying(HmrMessage.CompileError.class,
					(error) -> assertThat(error.file()).isEqualTo("Counter.tsx")));
	}

	@Test
	void restoringTheExportAfterwardsSendsTheUpdate() throws IOException {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "function plural(", "function pluralOf(");
		edit("utils.ts", "function pluralOf(", "function plural(");
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(1)).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.updates()).extracting(ModuleUpdate::path)
					.containsExactly("/frontend/Counter.tsx"));
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void editsThatKeepTheExportsAreUpdatedOneAfterAnother() throws IOException {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "noun + 's'", "noun + 'es'");
		edit("utils.ts", "noun + 'es'", "noun + 'en'");
		assertThat(this.sent).hasSize(2)
			.allSatisfy((message) -> assertThat(message).isInstanceOf(HmrMessage.Update.class));
		assertThat(((HmrMessage.Update) this.sent.get(1)).modules()).singleElement()
			.satisfies((module) -> assertThat(module.code()).contains("'en'"));
	}

}
