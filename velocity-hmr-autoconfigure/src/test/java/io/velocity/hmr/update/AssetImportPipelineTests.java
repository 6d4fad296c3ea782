package io.velocity.hmr.update;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.velocity.hmr.protocol.HmrMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON file or asset that a module imports takes part in hot updates through its
 * importers, which import it anew; one nothing imports is ignored.
 */
class AssetImportPipelineTests extends PipelineTestSupport {

	@BeforeEach
	void writeModules() throws IOException {
		Files.writeString(this.root.resolve("settings.json"), "{ \"title\": \"first\" }");
		Files.writeString(this.root.resolve("unused.json"), "{ \"title\": \"first\" }");
		Files.writeString(this.root.resolve("Settings.tsx"), """
				import { title } from './settings.json';

				export default function Settings() {
				  return <h1>{title}</h1>;
				}
				""");
	}

	@Test
	void changeToAnImportedJsonFileUpdatesItsImporterWhichImportsItAnew() throws IOException {
		load("Settings.tsx");
		edit("settings.json", "first", "second");
		HmrMessage.Update update = singleUpdate();
		String stamped = "/frontend/settings.json?import&t=" + update.timestamp();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/Settings.tsx");
			assertThat(moduleUpdate.code()).contains("\"" + stamped + "\"");
		});
		assertThat(update.modules()).as("fetched, not carried").isEmpty();
	}

	@Test
	void changeToAJsonFileNoModuleImportsSendsNothing() throws IOException {
		load("Settings.tsx");
		edit("unused.json", "first", "second");
		assertThat(this.sent).isEmpty();
	}

}
