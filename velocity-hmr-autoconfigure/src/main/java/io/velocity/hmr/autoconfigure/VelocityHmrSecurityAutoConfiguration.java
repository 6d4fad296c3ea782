package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.security.VelocityHmrRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@link AutoConfiguration Auto-configuration} that lets the development endpoints
 * through Spring Security while hot module replacement is active: without it, an
 * application that requires a login everywhere redirects the client script, the modules
 * and the socket to its login page, and the login's saved request can be the client
 * script rather than the page. A filter chain of its own, first in line and matching only
 * {@link VelocityHmrRequest#toDevelopmentEndpoints() the development endpoints}, permits
 * them and never saves them as the request to return to. Turned off with
 * {@code velocity.hmr.security.permit-dev-endpoints=false}.
 * <p>
 * Present only with {@link VelocityHmrAutoConfiguration}, like every feature of the
 * starter. Ordered after Spring Boot's web security, whose default filter chain backs off
 * when any other is defined: that decision is taken before this chain exists, so an
 * application that relies on the default keeps it.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		after = VelocityHmrAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, ApplicationContextRequestMatcher.class })
@ConditionalOnBean({ VelocityHmrAutoConfiguration.class, HttpSecurity.class })
@ConditionalOnProductionBuild(false)
@ConditionalOnVelocityHmrActive
@ConditionalOnBooleanProperty(name = "velocity.hmr.security.permit-dev-endpoints", matchIfMissing = true)
public final class VelocityHmrSecurityAutoConfiguration {

	/**
	 * Order of the filter chain: before the application's, which usually match every
	 * request. An application can still put one before it.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "velocityHmrSecurityFilterChain")
	SecurityFilterChain velocityHmrSecurityFilterChain(HttpSecurity http) {
		http.securityMatcher(VelocityHmrRequest.toDevelopmentEndpoints())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// Scripts and a socket, never a page to come back to after a login.
			.requestCache(AbstractHttpConfigurer::disable)
			// No form posts here; the socket checks its token and Origin itself.
			.csrf(AbstractHttpConfigurer::disable)
			// Modules at versioned URLs say themselves how long they may be cached.
			.headers((headers) -> headers.cacheControl((cacheControl) -> cacheControl.disable()));
		return http.build();
	}

}
