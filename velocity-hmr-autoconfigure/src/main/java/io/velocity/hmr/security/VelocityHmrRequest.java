package io.velocity.hmr.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.server.HmrWebSocketConfigurer;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.ClientAssetRequestHandler;

import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

/**
 * Request matchers of what Velocity HMR serves, for Spring Security configurations, as
 * Spring Boot's {@code PathRequest} is for static resources and the H2 console:
 * <pre class="code">
 * http.authorizeHttpRequests((requests) -&gt; requests
 *     .requestMatchers(VelocityHmrRequest.toFrontEnd()).permitAll()
 *     .anyRequest().authenticated());
 * </pre> The paths are read from the application context when the first request is
 * matched, so a changed {@code velocity.hmr.path} is followed.
 *
 * @author Velocity HMR
 */
public final class VelocityHmrRequest {

	private VelocityHmrRequest() {
	}

	/**
	 * Return a matcher of the development endpoints while hot module replacement is
	 * active: the modules under {@code velocity.hmr.path}, the client and runtime under
	 * {@code /__velocity/} (packages included) and the {@code /__hmr} socket. It matches
	 * nothing when hot module replacement is not active, so a rule for it opens nothing
	 * in production.
	 * @return the matcher
	 */
	public static RequestMatcher toDevelopmentEndpoints() {
		return new FrontEndRequestMatcher(true);
	}

	/**
	 * Return a matcher of the front end's scripts and style sheets in every profile: the
	 * modules under {@code velocity.hmr.path} and everything under {@code /__velocity/}
	 * (runtime, packages, the production build's files), never the socket. Like static
	 * resources, what it matches is code every browser of the application receives.
	 * @return the matcher
	 */
	public static RequestMatcher toFrontEnd() {
		return new FrontEndRequestMatcher(false);
	}

	/**
	 * Matches the URLs of the front end, found in the application context once.
	 */
	private static final class FrontEndRequestMatcher extends ApplicationContextRequestMatcher<ApplicationContext> {

		private final boolean development;

		private volatile RequestMatcher delegate;

		FrontEndRequestMatcher(boolean development) {
			super(ApplicationContext.class);
			this.development = development;
		}

		@Override
		protected boolean ignoreApplicationContext(WebApplicationContext applicationContext) {
			// A separate management context serves none of it.
			return hasServerNamespace(applicationContext, "management");
		}

		@Override
		protected void initialized(Supplier<ApplicationContext> context) {
			this.delegate = delegate(context.get());
		}

		@Override
		protected boolean matches(HttpServletRequest request, Supplier<ApplicationContext> context) {
			return this.delegate.matches(request);
		}

		private RequestMatcher delegate(ApplicationContext context) {
			boolean hot = context.getBeanNamesForType(HmrToken.class, false, false).length > 0;
			if (this.development && !hot) {
				return (request) -> false;
			}
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			List<RequestMatcher> matchers = new ArrayList<>();
			context.getBeanProvider(ModuleUrls.class)
				.ifAvailable((urls) -> matchers.add(paths.matcher(urls.prefix() + "/**")));
			matchers.add(paths.matcher(ClientAssetRequestHandler.PATH + "/**"));
			if (this.development) {
				matchers.add(paths.matcher(HmrWebSocketConfigurer.PATH));
			}
			return new OrRequestMatcher(matchers);
		}

	}

}
