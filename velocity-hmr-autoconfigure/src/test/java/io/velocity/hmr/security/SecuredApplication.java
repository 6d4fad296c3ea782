package io.velocity.hmr.security;

import java.io.IOException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application as a user secures it: a form login for everything but static assets, and
 * a strict Content-Security-Policy whose scripts need a fresh nonce on every page
 * ({@code 'strict-dynamic'}: {@code 'self'} does not count). Nothing in it names Velocity
 * HMR.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredApplication.AccountController.class)
class SecuredApplication {

	static final String NONCE_ATTRIBUTE = "cspNonce";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicyFilter() {
		FilterRegistrationBean<ContentSecurityPolicyFilter> registration = new FilterRegistrationBean<>(
				new ContentSecurityPolicyFilter());
		// Before Spring Security, so that its login page has the policy too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * A policy with a nonce of its own for every response.
	 */
	static class ContentSecurityPolicyFilter extends OncePerRequestFilter {

		private final SecureRandom random = new SecureRandom();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			byte[] bytes = new byte[16];
			this.random.nextBytes(bytes);
			String nonce = Base64.getEncoder().encodeToString(bytes);
			request.setAttribute(NONCE_ATTRIBUTE, nonce);
			response.setHeader("Content-Security-Policy",
					"script-src 'nonce-" + nonce + "' 'strict-dynamic'; object-src 'none'; base-uri 'none'");
			chain.doFilter(request, response);
		}

	}

	@Controller
	static class AccountController {

		@GetMapping(path = "/", produces = "text/html")
		@ResponseBody
		String account(@RequestAttribute(NONCE_ATTRIBUTE) String nonce, Principal principal) {
			return """
					<!doctype html>
					<html lang="en">
					<head>
						<meta charset="utf-8">
						<title>Account</title>
						<link rel="stylesheet" href="/css/app.css">
						<script type="module" nonce="%s" src="/frontend/main.tsx"></script>
					</head>
					<body>
						<p id="user">Signed in as %s</p>
						<div id="app"></div>
					</body>
					</html>
					""".formatted(nonce, principal.getName());
		}

	}

}
