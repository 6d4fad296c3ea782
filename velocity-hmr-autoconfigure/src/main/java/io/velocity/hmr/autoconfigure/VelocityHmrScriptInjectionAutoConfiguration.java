package io.velocity.hmr.autoconfigure;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.server.HmrInstanceId;
import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.server.HmrWebSocketConfigurer;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;
import io.velocity.hmr.web.ModulePreloads;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * {@link AutoConfiguration Auto-configuration} of the client script in every HTML page,
 * with its settings and the page's module preload hints. The script connects to the
 * socket of {@link VelocityHmrServerAutoConfiguration}, with its token: without them
 * there is nothing to inject.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(after = { VelocityHmrAutoConfiguration.class, VelocityHmrServerAutoConfiguration.class })
@ConditionalOnBean({ VelocityHmrAutoConfiguration.class, HmrToken.class })
@ConditionalOnVelocityHmrActive
public final class VelocityHmrScriptInjectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HmrClientSettings velocityHmrClientSettings(HmrToken token, HmrInstanceId instanceId,
			VelocityHmrProperties properties) {
		VelocityHmrProperties.Client client = properties.getClient();
		return new HmrClientSettings(token.value(), instanceId.value(), HmrWebSocketConfigurer.PATH, client.getHost(),
				client.getPort(), properties.isOverlay(), properties.isDebug());
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrScriptInjectionFilter")
	FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrScriptInjectionFilter(CompileService compileService,
			ModuleUrls urls, ModuleGraph graph) {
		// Preload hints let the browser fetch a page's module graph at once, not level by
		// level.
		FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
				new HtmlScriptInjectionFilter(new ModulePreloads(compileService, urls, graph)));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
		// Outside the application's own filters, so headers they set (a CSP nonce) are
		// seen.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
