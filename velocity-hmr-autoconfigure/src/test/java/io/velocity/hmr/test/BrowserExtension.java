package io.velocity.hmr.test;

import java.lang.annotation.Annotation;
import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JUnit extension for tests that drive a real Chromium. One Playwright and one browser
 * are started for the whole test run and closed at its end; each test gets a fresh
 * {@link BrowserContext} and {@link Page}, closed after it, and the page's
 * {@link ConsoleLog}. Parameters of type {@link Browser}, {@link BrowserContext},
 * {@link Page} and {@link ConsoleLog} are injected; within one test they all belong to
 * the same page. A failing test reports the page's console output beside its own failure,
 * and a test whose page threw an uncaught error fails, unless it is marked
 * {@link AllowPageErrors}. A test marked {@link IgnoreHttpsErrors} gets a context that
 * accepts any certificate.
 *
 * @author Velocity HMR
 * @see Browsers
 */
public final class BrowserExtension implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	// Bounds every wait of a test, so that a broken page fails in seconds rather than the
	// default 30.
	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == Browser.class || type == BrowserContext.class || type == Page.class || type == ConsoleLog.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type == Browser.class) {
			return browser(extensionContext);
		}
		Session session = extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(Session.class, (key) -> Session.open(browser(extensionContext),
					isAnnotated(extensionContext, IgnoreHttpsErrors.class)), Session.class);
		if (type == BrowserContext.class) {
			return session.context();
		}
		return (type == Page.class) ? session.page() : session.log();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
		boolean allowed = isAnnotated(context, AllowPageErrors.class);
		if (session != null && !allowed && context.getExecutionException().isEmpty()) {
			assertThat(session.log().pageErrors()).as("uncaught errors in the page\n%s", session.log()).isEmpty();
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
		if (session != null) {
			throwable.addSuppressed(new BrowserOutput(session.log().toString()));
		}
		throw throwable;
	}

	private static boolean isAnnotated(ExtensionContext context, Class<? extends Annotation> annotation) {
		return AnnotationSupport.isAnnotated(context.getElement(), annotation)
				|| AnnotationSupport.isAnnotated(context.getTestClass(), annotation);
	}

	/**
	 * Return the browser shared by all tests of the run, launching it on first use.
	 * @param context any extension context of the run
	 * @return the browser
	 */
	public static Browser browser(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedBrowser.class, (key) -> SharedBrowser.launch(), SharedBrowser.class)
			.browser();
	}

	private record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

		static SharedBrowser launch() {
			Playwright playwright = Playwright.create(Browsers.createOptions());
			try {
				return new SharedBrowser(playwright, Browsers.launch(playwright));
			}
			catch (RuntimeException ex) {
				playwright.close();
				throw ex;
			}
		}

		@Override
		public void close() {
			try {
				this.browser.close();
			}
			finally {
				this.playwright.close();
			}
		}

	}

	private record Session(BrowserContext context, Page page, ConsoleLog log) implements AutoCloseable {

		static Session open(Browser browser, boolean ignoreHttpsErrors) {
			Browser.NewContextOptions options = new Browser.NewContextOptions().setIgnoreHTTPSErrors(ignoreHttpsErrors);
			BrowserContext context = browser.newContext(options);
			context.setDefaultTimeout(DEFAULT_TIMEOUT.toMillis());
			Page page = context.newPage();
			return new Session(context, page, ConsoleLog.attachTo(page));
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/**
	 * Carries a page's console output into a test failure's report.
	 */
	private static final class BrowserOutput extends RuntimeException {

		BrowserOutput(String output) {
			super(output, null, false, false);
		}

	}

}
