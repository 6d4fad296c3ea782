package io.velocity.hmr.autoconfigure;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.protocol.HmrMessageCodec;
import io.velocity.hmr.server.AllowedHosts;
import io.velocity.hmr.server.AllowedHostsFilter;
import io.velocity.hmr.server.HmrBroadcaster;
import io.velocity.hmr.server.HmrClientEvents;
import io.velocity.hmr.server.HmrHandshakeInterceptor;
import io.velocity.hmr.server.HmrInstanceId;
import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.server.HmrWebSocketConfigurer;
import io.velocity.hmr.server.HmrWebSocketHandler;
import io.velocity.hmr.web.ClientAssetRequestHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/**
 * {@link AutoConfiguration Auto-configuration} of the development server while hot module
 * replacement is active: the {@code /__hmr} socket that carries updates to the browsers,
 * and the allowed hosts that the development endpoints alone answer to (no DNS
 * rebinding). Present only with {@link VelocityHmrAutoConfiguration}.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(after = VelocityHmrAutoConfiguration.class)
@ConditionalOnBean(VelocityHmrAutoConfiguration.class)
@ConditionalOnVelocityHmrActive
@EnableWebSocket
public final class VelocityHmrServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HmrToken velocityHmrToken() {
		return HmrToken.generate();
	}

	@Bean
	@ConditionalOnMissingBean
	HmrInstanceId velocityHmrInstanceId() {
		return HmrInstanceId.generate();
	}

	@Bean
	@ConditionalOnMissingBean
	HmrMessageCodec velocityHmrMessageCodec() {
		return new HmrMessageCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	HmrBroadcaster velocityHmrBroadcaster(HmrMessageCodec codec) {
		return new HmrBroadcaster(codec);
	}

	@Bean
	@ConditionalOnMissingBean
	HmrWebSocketHandler velocityHmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec,
			HmrInstanceId instanceId, ObjectProvider<HmrClientEvents> events) {
		return new HmrWebSocketHandler(broadcaster, codec, instanceId,
				events.getIfAvailable(() -> HmrClientEvents.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	HmrWebSocketConfigurer velocityHmrWebSocketConfigurer(HmrWebSocketHandler handler, HmrToken token,
			VelocityHmrProperties properties, AllowedHosts allowedHosts) {
		return new HmrWebSocketConfigurer(handler,
				new HmrHandshakeInterceptor(token, properties.getClient().getAllowedOrigins(), allowedHosts));
	}

	@Bean
	@ConditionalOnMissingBean
	AllowedHosts velocityHmrAllowedHosts(VelocityHmrProperties properties) {
		return new AllowedHosts(properties.getAllowedHosts());
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrAllowedHostsFilter")
	FilterRegistrationBean<AllowedHostsFilter> velocityHmrAllowedHostsFilter(AllowedHosts allowedHosts,
			VelocityHmrProperties properties) {
		FilterRegistrationBean<AllowedHostsFilter> registration = new FilterRegistrationBean<>(
				new AllowedHostsFilter(allowedHosts));
		registration.addUrlPatterns(properties.getPath() + "/*", ClientAssetRequestHandler.PATH + "/*",
				HmrWebSocketConfigurer.PATH);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// Before anything else, security included, looks at the request.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
