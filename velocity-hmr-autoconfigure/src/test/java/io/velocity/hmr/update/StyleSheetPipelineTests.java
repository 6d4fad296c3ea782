package io.velocity.hmr.update;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline for changed style sheets: {@code app.css} is imported by {@code App.tsx},
 * {@code styles.css} only linked by the page (which the server cannot see).
 */
class StyleSheetPipelineTests extends PipelineTestSupport {

	@BeforeEach
	void loadPage() {
		load("main.tsx", "App.tsx", "app.css", "Counter.tsx", "utils.ts");
	}

	@Test
	void importedStyleSheetIsAModuleOfTheGraph() {
		assertThat(this.graph.importers("/frontend/app.css")).containsExactly("/frontend/App.tsx");
	}

	@Test
	void changeToALinkedStyleSheetIsSentForClientsToFetch() throws IOException {
		edit("styles.css", "margin: 0", "margin: 1rem");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.CSS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/styles.css");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/styles.css");
			assertThat(moduleUpdate.timestamp()).isEqualTo(update.timestamp());
			assertThat(moduleUpdate.code()).isNull();
		});
	}

	@Test
	void changeToAnImportedStyleSheetUpdatesItsModuleInPlaceAndAnyLinkToIt() throws IOException {
		edit("app.css", "teal", "tomato");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).hasSize(2);
		assertThat(update.updates().get(0)).satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.JS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.code()).contains("tomato").contains("import.meta.hot.accept()");
			assertThat(moduleUpdate.imports()).containsExactly("/__velocity/hmr-client.js");
		});
		assertThat(update.updates().get(1)).satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.CSS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.code()).isNull();
		});
	}

	@Test
	void deletedLinkedStyleSheetSendsNothingSoPagesKeepTheirStyles() throws IOException {
		Files.delete(this.root.resolve("styles.css"));
		this.pipeline.accept(changes(Kind.DELETED, "styles.css"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void deletedImportedStyleSheetReportsTheImportThatBroke() throws IOException {
		Files.delete(this.root.resolve("app.css"));
		this.pipeline.accept(changes(Kind.DELETED, "app.css"));
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> {
			assertThat(error.file()).isEqualTo("App.tsx");
			assertThat(error.message()).contains("./app.css");
		});
	}

	@Test
	void createdStyleSheetIsSentForPagesThatLinkedItBeforeItExisted() throws IOException {
		Files.writeString(this.root.resolve("late.css"), "p { color: red; }\n");
		this.pipeline.accept(changes(Kind.CREATED, "late.css"));
		assertThat(singleUpdate().updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.path()).isEqualTo("/frontend/late.css"));
	}

	@Test
	void styleSheetChangeWhileAModuleDoesNotCompileIsSentAndTheProblemStillShown() throws IOException {
		edit("Counter.tsx", "</button>", "</buton>");
		edit("styles.css", "margin: 0", "margin: 1rem");
		assertThat(this.sent).hasSize(3);
		assertThat(this.sent.get(0)).isInstanceOf(HmrMessage.CompileError.class);
		assertThat(this.sent.get(1)).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.updates()).extracting(ModuleUpdate::type)
					.containsExactly(ModuleUpdate.Type.CSS));
		assertThat(this.sent.get(2)).as("the problem stands").isEqualTo(this.sent.get(0));
		assertThat(this.pipeline.greeting()).containsExactly(this.sent.get(0));
	}

}
