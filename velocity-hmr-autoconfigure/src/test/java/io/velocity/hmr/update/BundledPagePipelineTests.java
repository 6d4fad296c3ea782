package io.velocity.hmr.update;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.source.FileSystemModuleSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates for bundled pages carry each module in registry form, defined under its
 * versioned URL, once a page was served bundled.
 */
class BundledPagePipelineTests extends PipelineTestSupport {

	private final List<String> written = new ArrayList<>();

	private boolean bundledPageServed = true;

	@BeforeEach
	void bundledPipeline() {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		this.pipeline = new HotUpdatePipeline(sources, this.urls, this.compileService, this.graph, this.sent::add, true,
				new RegistryForms() {

					@Override
					public boolean wanted() {
						return BundledPagePipelineTests.this.bundledPageServed;
					}

					@Override
					public @Nullable String define(String key, CompiledModule compiled) {
						BundledPagePipelineTests.this.written.add(key);
						return "define(" + key + ")\n";
					}

				});
	}

	@Test
	void changeToAUtilityCarriesTheRegistryFormOfItAndOfTheComponentThatAcceptsIt() throws IOException {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "'s'", "'es'");
		HmrMessage.Update update = singleUpdate();
		String t = "?t=" + update.timestamp();
		assertThat(update.updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.define())
				.isEqualTo("define(/frontend/Counter.tsx" + t + ")\n"));
		assertThat(update.modules()).singleElement()
			.satisfies((module) -> assertThat(module.define()).isEqualTo("define(/frontend/utils.ts" + t + ")\n"));
		assertThat(update.stages()).containsKey("registry");
	}

	@Test
	void noRegistryFormIsWrittenBeforeAPageWasServedBundled() throws IOException {
		this.bundledPageServed = false;
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
		edit("utils.ts", "'s'", "'es'");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.define()).isNull());
		assertThat(this.written).isEmpty();
	}

}
