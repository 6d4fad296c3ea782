package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;

import io.velocity.hmr.bundle.EsbuildBundler;
import io.velocity.hmr.bundle.PackageBundler;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.PackageModules;
import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.web.PackageRequestHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link AutoConfiguration Auto-configuration} of npm packages: found on the classpath
 * (mvnpm, WebJars) and in node_modules, compiled and served at versioned URLs,
 * pre-bundled in development when esbuild is there. Present only with
 * {@link VelocityHmrAutoConfiguration}, whose compiler resolves imports of packages with
 * these beans when there are any.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(after = VelocityHmrAutoConfiguration.class)
@ConditionalOnBean(VelocityHmrAutoConfiguration.class)
public final class VelocityHmrPackagesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClasspathPackageIndex velocityHmrClasspathPackageIndex(VelocityHmrPackagesProperties properties,
			ResourceLoader resourceLoader) {
		return properties.isEnabled() ? ClasspathPackageIndex.lazy(resourceLoader.getClassLoader())
				: ClasspathPackageIndex.empty();
	}

	@Bean
	@ConditionalOnMissingBean
	PackageResolver velocityHmrPackageResolver(ClasspathPackageIndex index, VelocityHmrPackagesProperties properties) {
		return new PackageResolver(index, properties.isNodeModules());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnVelocityHmrActive
	@ConditionalOnBooleanProperty(name = "velocity.hmr.packages.prebundle", matchIfMissing = true)
	PackageBundler velocityHmrPackageBundler(ClasspathPackageIndex index, VelocityHmrPackagesProperties properties) {
		return EsbuildBundler.create(index, Path.of(properties.getCacheDirectory()), true);
	}

	@Bean
	@ConditionalOnMissingBean
	PackageModules velocityHmrPackageModules(PackageResolver resolver, ObjectProvider<PackageBundler> bundler,
			ImportMetaEnv env, Environment environment) {
		return new PackageModules(resolver, bundler.getIfAvailable(),
				OnVelocityHmrActiveCondition.isActive(environment), env);
	}

	@Bean
	@ConditionalOnMissingBean
	PackageRequestHandler velocityHmrPackageRequestHandler(PackageResolver resolver, PackageModules modules) {
		return new PackageRequestHandler(resolver, modules);
	}

}
