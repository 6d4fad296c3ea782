package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.security.VelocityHmrRequest;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class VelocityHmrSecurityAutoConfigurationTests {

	@TempDir
	Path sourceRoot;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withConfiguration(VelocityHmrAutoConfigurations.all());

	@Test
	void putsAChainOfTheDevelopmentEndpointsFirstAndKeepsBootsDefaultChain() {
		this.contextRunner
			.withPropertyValues("velocity.hmr.enabled=true", "velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> {
				assertThat(context).hasBean("velocityHmrSecurityFilterChain").hasBean("defaultSecurityFilterChain");
				List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
				assertThat(chains).hasSize(2).first().isSameAs(context.getBean("velocityHmrSecurityFilterChain"));
				SecurityFilterChain chain = chains.get(0);
				assertThat(chain.matches(request(context, "/__velocity/hmr-client.js"))).isTrue();
				assertThat(chain.matches(request(context, "/"))).isFalse();
			});
	}

	@Test
	void backsOffWhenTurnedOff() {
		this.contextRunner
			.withPropertyValues("velocity.hmr.enabled=true", "velocity.hmr.source-roots=" + this.sourceRoot,
					"velocity.hmr.security.permit-dev-endpoints=false")
			.run((context) -> assertThat(context).doesNotHaveBean("velocityHmrSecurityFilterChain")
				.hasBean("defaultSecurityFilterChain"));
	}

	@Test
	void backsOffWhenHmrIsNotActive() {
		this.contextRunner.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context).doesNotHaveBean("velocityHmrSecurityFilterChain")
				.hasBean("defaultSecurityFilterChain"));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withPropertyValues("velocity.hmr.enabled=true", "velocity.hmr.source-roots=" + this.sourceRoot)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("velocityHmrSecurityFilterChain"));
	}

	@Test
	void developmentEndpointsAreTheModulesTheClientAssetsAndTheSocket() {
		this.contextRunner
			.withPropertyValues("velocity.hmr.enabled=true", "velocity.hmr.source-roots=" + this.sourceRoot,
					"velocity.hmr.path=/ui")
			.run((context) -> {
				RequestMatcher matcher = VelocityHmrRequest.toDevelopmentEndpoints();
				assertThat(List.of("/ui/main.tsx", "/ui/styles.css", "/__velocity/hmr-client.js",
						"/__velocity/npm/lit@3.3.1/index.js", "/__hmr"))
					.allMatch((path) -> matcher.matches(request(context, path)));
				assertThat(List.of("/", "/login", "/frontend/main.tsx", "/uix/main.tsx", "/error", "/__hmrx"))
					.noneMatch((path) -> matcher.matches(request(context, path)));
			});
	}

	@Test
	void developmentEndpointsMatchNothingWhenHmrIsNotActive() {
		this.contextRunner.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot).run((context) -> {
			RequestMatcher matcher = VelocityHmrRequest.toDevelopmentEndpoints();
			assertThat(List.of("/frontend/main.tsx", "/__velocity/runtime.js", "/__hmr"))
				.noneMatch((path) -> matcher.matches(request(context, path)));
		});
	}

	@Test
	void frontEndIsTheModulesAndEverythingUnderVelocityButNeverTheSocket() {
		this.contextRunner.withPropertyValues("velocity.hmr.source-roots=" + this.sourceRoot).run((context) -> {
			RequestMatcher matcher = VelocityHmrRequest.toFrontEnd();
			assertThat(List.of("/frontend/main.tsx", "/__velocity/runtime.js", "/__velocity/build/main-1a2b3c.js"))
				.allMatch((path) -> matcher.matches(request(context, path)));
			assertThat(List.of("/", "/__hmr", "/login")).noneMatch((path) -> matcher.matches(request(context, path)));
		});
	}

	private static MockHttpServletRequest request(ApplicationContext context, String path) {
		MockServletContext servletContext = new MockServletContext();
		servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		return new MockHttpServletRequest(servletContext, "GET", path);
	}

}
