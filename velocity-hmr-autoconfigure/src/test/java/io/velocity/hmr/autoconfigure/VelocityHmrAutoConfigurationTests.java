package io.velocity.hmr.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.server.HmrWebSocketHandler;
import io.velocity.hmr.update.HotUpdatePipeline;
import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.source.ClasspathModuleSources;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.ModuleRequestHandler;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class VelocityHmrAutoConfigurationTests {

	@TempDir
	Path sourceRoot;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(VelocityHmrAutoConfigurations.all());

	@Test
	void servesModulesFromTheClasspathWithoutADevProfile() {
		this.contextRunner.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot).run((context) -> {
			assertThat(context).hasSingleBean(CompileService.class)
				.hasSingleBean(ModuleRequestHandler.class)
				.hasSingleBean(ClientAssetRequestHandler.class)
				.hasBean("velocityHmrHandlerMapping");
			assertThat(context.getBean(ModuleSources.class)).isInstanceOf(ClasspathModuleSources.class);
		});
	}

	@Test
	void hmrPartsAreAbsentWithoutADevProfile() {
		this.contextRunner.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context).doesNotHaveBean(HmrWebSocketHandler.class)
				.doesNotHaveBean(SourceWatcher.class)
				.doesNotHaveBean(ModuleGraph.class)
				.doesNotHaveBean(HmrClientSettings.class)
				.doesNotHaveBean("velocityHmrScriptInjectionFilter"));
	}

	@Test
	void servesModulesFromDiskAndWatchesThemInTheDevProfile() {
		this.contextRunner
			.withPropertyValues("spring.profiles.active=dev", "velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> {
				ModuleSources sources = context.getBean(ModuleSources.class);
				assertThat(sources).isInstanceOf(FileSystemModuleSources.class);
				assertThat(sources.roots()).containsExactly(this.sourceRoot.toRealPath());
				assertThat(context).hasSingleBean(HmrWebSocketHandler.class)
					.hasSingleBean(SourceWatcher.class)
					.hasSingleBean(ModuleGraph.class)
					.hasSingleBean(HotUpdatePipeline.class)
					.hasSingleBean(HmrClientSettings.class)
					.hasBean("velocityHmrScriptInjectionFilter");
			});
	}

	@Test
	void hmrBacksOffWithoutSpringWebSocketButModulesAreStillServed() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebSocketConfigurer.class))
			.withPropertyValues("spring.profiles.active=dev", "velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HmrWebSocketHandler.class)
					.doesNotHaveBean(SourceWatcher.class)
					.doesNotHaveBean("velocityHmrScriptInjectionFilter");
				assertThat(context).hasSingleBean(CompileService.class).hasSingleBean(ModuleRequestHandler.class);
			});
	}

	@Test
	void noWatcherWhenNoSourceRootExists() {
		this.contextRunner
			.withPropertyValues("spring.profiles.active=dev",
					"velocity.hmr.source-roots=" + this.sourceRoot.resolve("missing"))
			.run((context) -> assertThat(context).doesNotHaveBean(SourceWatcher.class)
				.hasSingleBean(HmrWebSocketHandler.class));
	}

	@Test
	void profilesThatActivateHmrAreAProperty() {
		this.contextRunner
			.withPropertyValues("spring.profiles.active=local", "velocity.hmr.profiles=local,hot",
					"velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context.getBean(ModuleSources.class))
				.isInstanceOf(FileSystemModuleSources.class));
	}

	@Test
	void enabledTrueActivatesHmrWithoutAProfile() {
		this.contextRunner
			.withPropertyValues("velocity.hmr.enabled=true", "velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context.getBean(ModuleSources.class))
				.isInstanceOf(FileSystemModuleSources.class));
	}

	@Test
	void enabledFalseWinsOverTheDevProfile() {
		this.contextRunner
			.withPropertyValues("spring.profiles.active=dev", "velocity.hmr.enabled=false",
					"velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context.getBean(ModuleSources.class))
				.isInstanceOf(ClasspathModuleSources.class));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void missingSourceRootFallsBackToTheClasspathAndStartsUpWithOneWarning(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("velocity.hmr.enabled=true",
					"velocity.hmr.source-roots=" + this.sourceRoot.resolve("does-not-exist"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ModuleSources.class)).isInstanceOf(ClasspathModuleSources.class);
				assertThat(output).containsOnlyOnce("does-not-exist")
					.contains("WARN")
					.contains("set velocity.hmr.source-roots");
			});
	}

	@Test
	void urlPrefixIsTheConfiguredPath() {
		this.contextRunner.withPropertyValues("velocity.hmr.path=/assets/app")
			.run((context) -> assertThat(context.getBean(ModuleUrls.class).toUrl("App.tsx"))
				.isEqualTo("/assets/app/App.tsx"));
	}

	@Test
	void invalidPathFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("velocity.hmr.path=/__velocity").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("'path' must not start with '/__'");
		});
	}

	@Test
	void backsOffWithoutAWebApplication() {
		new ApplicationContextRunner().withConfiguration(VelocityHmrAutoConfigurations.all())
			.run((context) -> assertThat(context).doesNotHaveBean(CompileService.class)
				.doesNotHaveBean(ModuleRequestHandler.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CompileService.class));
	}

	@Test
	void userBeanReplacesOurs() {
		this.contextRunner.withUserConfiguration(CustomSourcesConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ModuleSources.class);
			assertThat(context.getBean(ModuleSources.class)).isSameAs(CustomSourcesConfiguration.SOURCES);
		});
	}

	@Test
	void aModuleGraphOfTheApplicationDoesNotMakeProductionCompilesHot() {
		this.contextRunner.withUserConfiguration(CustomGraphConfiguration.class)
			.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> {
				ModuleSource source = new ModuleSource("Counter.tsx",
						"export default function Counter() { return <p>1</p>; }".getBytes(StandardCharsets.UTF_8),
						null);
				assertThat(context.getBean(ModuleCompiler.class).compile(source).code())
					.doesNotContain("import.meta.hot")
					.doesNotContain("__velocity_registerComponent");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomGraphConfiguration {

		@Bean
		ModuleGraph applicationModuleGraph() {
			return new ModuleGraph();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomSourcesConfiguration {

		static final ModuleSources SOURCES = new FileSystemModuleSources(java.util.List.of());

		@Bean
		ModuleSources customModuleSources() {
			return SOURCES;
		}

	}

}
