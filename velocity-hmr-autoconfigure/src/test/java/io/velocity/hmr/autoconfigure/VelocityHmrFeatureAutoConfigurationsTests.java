package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.registry.PageBundler;
import io.velocity.hmr.server.HmrWebSocketHandler;
import io.velocity.hmr.update.HotUpdatePipeline;
import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.ModuleRequestHandler;
import io.velocity.hmr.web.PackageRequestHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's features each have an auto-configuration of their own, applied after the
 * core ({@link VelocityHmrAutoConfiguration}) and only with it: what leaving one out
 * leaves.
 */
class VelocityHmrFeatureAutoConfigurationsTests {

	private static final String BUNDLE_ENDPOINT = "velocityHmrBundleHandlerMapping";

	@TempDir
	Path sourceRoot;

	/**
	 * Runs without the {@code velocity.hmr.bundle.enabled} system property, which a build
	 * may give every test ({@code -Dvelocity.hmr.bundle.enabled=false}): what the default
	 * is.
	 */
	private static void withoutBundleSystemProperty(Runnable action) {
		Map<String, String> cleared = new HashMap<>();
		cleared.put("velocity.hmr.bundle.enabled", null);
		TestPropertyValues.of(cleared).applyToSystemProperties(action);
	}

	private WebApplicationContextRunner devRunner(AutoConfigurations configs) {
		return new WebApplicationContextRunner().withConfiguration(configs)
			.withPropertyValues("spring.profiles.active=dev", "velocity.hmr.source-roots=" + this.sourceRoot,

					// Written in the background: nothing to write, no race with the
					// deletion of a temporary directory.
					"velocity.hmr.types-directory=");
	}

	@Test
	void everyAutoConfigurationOfThePackageIsRegistered() throws IOException {
		String pattern = "classpath*:" + ClassUtils.classPackageAsResourcePath(VelocityHmrAutoConfiguration.class)
				+ "/*.class";
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
		List<String> annotated = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
			if (metadata.hasAnnotation(AutoConfiguration.class.getName())) {
				annotated.add(metadata.getClassName());
			}
		}
		assertThat(annotated).containsExactlyInAnyOrderElementsOf(
				VelocityHmrAutoConfigurations.classes().stream().map(Class::getName).toList());
	}

	@Test
	void everyFeatureIsThereInTheDevProfile() {
		devRunner(VelocityHmrAutoConfigurations.all()).run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ModuleRequestHandler.class)
			.hasSingleBean(PackageRequestHandler.class)
			.hasSingleBean(HmrWebSocketHandler.class)
			.hasSingleBean(HotUpdatePipeline.class)
			.hasSingleBean(SourceWatcher.class)
			.hasSingleBean(EditRehearsals.class)
			.hasSingleBean(HmrClientSettings.class)
			.hasBean("velocityHmrScriptInjectionFilter")
			.hasBean("velocityHmrAllowedHostsFilter")
			.hasSingleBean(TypeDeclarationsWriter.class)
			.hasSingleBean(PackageTypesWriter.class));
	}

	@Test
	void editRehearsalsCanBeTurnedOffAndTheHotPathStays() {
		devRunner(VelocityHmrAutoConfigurations.all()).withPropertyValues("velocity.hmr.compiler.rehearse-edits=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EditRehearsals.class)
				.hasSingleBean(HotUpdatePipeline.class)
				.hasSingleBean(SourceWatcher.class));
	}

	@Test
	void excludingTheCoreLeavesNothingOfTheStarter() {
		devRunner(VelocityHmrAutoConfigurations.allBut(VelocityHmrAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Arrays.stream(context.getBeanDefinitionNames()).filter((name) -> name.startsWith("velocityHmr")))
				.isEmpty();
		});
	}

	@Test
	void withoutTheServerModulesAreServedButNothingIsHot() {
		devRunner(VelocityHmrAutoConfigurations.allBut(VelocityHmrServerAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CompileService.class)
				.hasSingleBean(ModuleGraph.class)
				.hasSingleBean(ModuleRequestHandler.class)
				.doesNotHaveBean(HotUpdatePipeline.class)
				.doesNotHaveBean(SourceWatcher.class)
				.doesNotHaveBean(HmrClientSettings.class)
				.doesNotHaveBean("velocityHmrScriptInjectionFilter"));
	}

	@Test
	void pagesAreBundledByDefault() {
		withoutBundleSystemProperty(
				() -> devRunner(VelocityHmrAutoConfigurations.all()).run((context) -> assertThat(context).hasNotFailed()
					.hasSingleBean(PageBundler.class)
					.hasBean(BUNDLE_ENDPOINT)
					.hasBean("velocityHmrScriptInjectionFilter")));
	}

	@Test
	void bundledPagesCanBeTurnedOffAndPagesAreNativeModules() {
		devRunner(VelocityHmrAutoConfigurations.all()).withPropertyValues("velocity.hmr.bundle.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PageBundler.class)
				.doesNotHaveBean(BUNDLE_ENDPOINT)
				.hasSingleBean(ModuleRequestHandler.class)
				.hasBean("velocityHmrScriptInjectionFilter"));
	}

	@Test
	void bundledPagesAreOffOutsideDevelopmentAndWithHotModuleReplacementOff() {
		withoutBundleSystemProperty(() -> {
			new WebApplicationContextRunner().withConfiguration(VelocityHmrAutoConfigurations.all())
				.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot, "velocity.hmr.types-directory=")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(PageBundler.class)
					.doesNotHaveBean(BUNDLE_ENDPOINT));
			devRunner(VelocityHmrAutoConfigurations.all()).withPropertyValues("velocity.hmr.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(PageBundler.class)
					.doesNotHaveBean(BUNDLE_ENDPOINT));
		});
		// Asked for, still not outside development.
		new WebApplicationContextRunner().withConfiguration(VelocityHmrAutoConfigurations.all())
			.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot, "velocity.hmr.types-directory=",
					"velocity.hmr.bundle.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PageBundler.class));
	}

	@Test
	void bundledPagesNeedTheCoreAndTheSocketAsTheClientScriptDoes() {
		devRunner(VelocityHmrAutoConfigurations.allBut(VelocityHmrAutoConfiguration.class))
			.withPropertyValues("velocity.hmr.bundle.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PageBundler.class));
		devRunner(VelocityHmrAutoConfigurations.allBut(VelocityHmrServerAutoConfiguration.class))
			.withPropertyValues("velocity.hmr.bundle.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PageBundler.class)
				.doesNotHaveBean("velocityHmrScriptInjectionFilter"));
		devRunner(VelocityHmrAutoConfigurations.all()).withPropertyValues("velocity.hmr.bundle.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PageBundler.class)
				.hasBean("velocityHmrScriptInjectionFilter"));
	}

	@Test
	void withoutPackagesImportsStillCompile() {
		devRunner(VelocityHmrAutoConfigurations.allBut(VelocityHmrPackagesAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PackageImports.class)
				.hasSingleBean(TypeDeclarationsWriter.class)
				.hasBean("velocityHmrHandlerMapping")
				.doesNotHaveBean(ClasspathPackageIndex.class)
				.doesNotHaveBean(PackageRequestHandler.class)
				.doesNotHaveBean(PackageTypesWriter.class));
	}

}
