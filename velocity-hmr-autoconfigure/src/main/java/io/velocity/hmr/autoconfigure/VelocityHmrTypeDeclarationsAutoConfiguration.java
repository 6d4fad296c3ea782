package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.resolve.ClasspathPackageIndex;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the TypeScript declarations written for
 * editors in development: the runtime's, and those of the packages in jars when
 * {@link VelocityHmrPackagesAutoConfiguration} found them.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(after = { VelocityHmrAutoConfiguration.class, VelocityHmrPackagesAutoConfiguration.class })
@ConditionalOnBean(VelocityHmrAutoConfiguration.class)
@ConditionalOnVelocityHmrActive
public final class VelocityHmrTypeDeclarationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TypeDeclarationsWriter velocityHmrTypeDeclarationsWriter(VelocityHmrProperties properties) {
		return new TypeDeclarationsWriter(properties.getTypesDirectory());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClasspathPackageIndex.class)
	PackageTypesWriter velocityHmrPackageTypesWriter(ClasspathPackageIndex packages, VelocityHmrProperties properties) {
		return new PackageTypesWriter(packages, properties.getTypesDirectory());
	}

}
