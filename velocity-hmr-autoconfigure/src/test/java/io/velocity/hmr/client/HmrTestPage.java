package io.velocity.hmr.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.StaticRoutes;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page running the HMR client against a mock server: the client and the fixtures are
 * served from the classpath, the HMR socket is answered by Playwright's WebSocket routing
 * and {@code /__velocity/status} by a route whose answer the test sets. Everything the
 * page sends is recorded; waits pump Playwright's events, so they see it arrive.
 *
 * @author Velocity HMR
 */
final class HmrTestPage {

	static final String TOKEN = "token-42";

	static final String INSTANCE = "instance-1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Page page;

	private final ConsoleLog log;

	private final List<WebSocketRoute> connections = new CopyOnWriteArrayList<>();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicInteger statusRequests = new AtomicInteger();

	// What the mock server says it is on connect and on /__velocity/status; null status =
	// down.
	private volatile String connectedInstance = INSTANCE;

	private volatile String statusInstance;

	private HmrTestPage(Page page, ConsoleLog log) {
		this.page = page;
		this.log = log;
	}

	static HmrTestPage open(BrowserContext context, Page page, ConsoleLog log, String fixtures) {
		HmrTestPage hmr = new HmrTestPage(page, log);
		StaticRoutes.create()
			.velocityClient()
			.classpath("/fixtures/", "io/velocity/hmr/client/fixtures/")
			.install(context);
		page.route(StaticRoutes.ORIGIN + "/__velocity/hmr-client.js", hmr::serveClient);
		page.route(StaticRoutes.ORIGIN + "/__velocity/status", hmr::serveStatus);
		page.route(StaticRoutes.ORIGIN + "/fixtures/index.html*", (route) -> {
			hmr.loads.incrementAndGet();
			route.fallback();
		});
		page.routeWebSocket("**/__hmr**", hmr::accept);
		page.navigate(StaticRoutes.ORIGIN + "/fixtures/index.html?fixture=" + fixtures);
		hmr.awaitLoaded();
		return hmr;
	}

	private void serveClient(Route route) {
		String config = "{\"token\": \"" + TOKEN + "\", \"instanceId\": \"" + INSTANCE
				+ "\", \"path\": \"/__hmr\", \"host\": null, \"port\": null, \"overlay\": true, \"debug\": true}";
		String client = resource("io/velocity/hmr/client/hmr/hmr-client.js").replace("__VELOCITY_HMR_CONFIG__", config);
		route.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBody(client));
	}

	private void serveStatus(Route route) {
		this.statusRequests.incrementAndGet();
		String instance = this.statusInstance;
		route.fulfill((instance != null)
				? new Route.FulfillOptions().setContentType("application/json")
					.setBody("{\"instanceId\":\"" + instance + "\"}")
				: new Route.FulfillOptions().setStatus(503).setBody("starting"));
	}

	private void accept(WebSocketRoute socket) {
		this.connections.add(socket);
		socket.onMessage((frame) -> this.received.add(frame.text()));
		socket.send("{\"type\":\"connected\",\"instanceId\":\"" + this.connectedInstance + "\"}");
	}

	/**
	 * Wait until the fixtures ran and the client's socket is open.
	 */
	void awaitLoaded() {
		this.page.waitForFunction(
				"() => document.body.dataset.fixture !== undefined && window.__velocity_hmr__?.state === 'open'");
		assertThat(this.page.evaluate("() => document.body.dataset.fixture")).as(this.log::toString)
			.isEqualTo("loaded");
	}

	Page page() {
		return this.page;
	}

	List<WebSocketRoute> connections() {
		return List.copyOf(this.connections);
	}

	int loads() {
		return this.loads.get();
	}

	int statusRequests() {
		return this.statusRequests.get();
	}

	void connectedInstance(String instance) {
		this.connectedInstance = instance;
	}

	void statusInstance(String instance) {
		this.statusInstance = instance;
	}

	/**
	 * Send a message on the latest connection.
	 * @param message the message, as JSON or as a map to write as JSON
	 */
	void send(Object message) {
		String text = (message instanceof String string) ? string : json.writeValueAsString(message);
		this.connections.get(this.connections.size() - 1).send(text);
	}

	/**
	 * Send an update message with one update per module.
	 * @param timestamp the timestamp of the message and of each update
	 * @param updates the updates, see {@link #update}
	 */
	@SafeVarargs
	final void sendUpdate(long timestamp, Map<String, Object>... updates) {
		sendUpdate(timestamp, List.of(), updates);
	}

	/**
	 * Send an update message with one update per module and the code of other modules it
	 * versions.
	 * @param timestamp the timestamp of the message and of each update
	 * @param modules the inline modules, see {@link #inlineModule}; none sends no field
	 * @param updates the updates, see {@link #update}
	 */
	@SafeVarargs
	final void sendUpdate(long timestamp, List<Map<String, Object>> modules, Map<String, Object>... updates) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", "update");
		message.put("updates", List.of(updates));
		message.put("timestamp", timestamp);
		message.put("stages", Map.of("compile", 1.5));
		if (!modules.isEmpty()) {
			message.put("modules", modules);
		}
		send(message);
	}

	/**
	 * Describe a module an update versions without accepting it.
	 * @param path the module's URL
	 * @param fixture the fixture whose content is its new code
	 * @param imports the import URLs in that code
	 * @return the inline module
	 */
	static Map<String, Object> inlineModule(String path, String fixture, List<String> imports) {
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("path", path);
		module.put("code", resource("io/velocity/hmr/client/fixtures/" + fixture));
		module.put("imports", imports);
		return module;
	}

	/**
	 * Describe the update of a module.
	 * @param path the boundary's URL
	 * @param acceptedPath the URL of the module to import anew
	 * @param timestamp the module's new version stamp
	 * @param fixture the fixture whose content is the new code, or {@code null} to send
	 * none
	 * @param imports the import URLs to send, or {@code null} to send none
	 * @return the update
	 */
	static Map<String, Object> update(String path, String acceptedPath, long timestamp, String fixture,
			List<String> imports) {
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("type", "js");
		update.put("path", path);
		update.put("acceptedPath", acceptedPath);
		update.put("timestamp", timestamp);
		if (fixture != null) {
			update.put("code", resource("io/velocity/hmr/client/fixtures/" + fixture));
		}
		if (imports != null) {
			update.put("imports", imports);
		}
		return update;
	}

	/**
	 * Wait for a message from the client.
	 * @param type the message type
	 * @return the message's JSON
	 */
	String awaitReceived(String type) {
		Predicate<String> ofType = (text) -> text.contains("\"type\":\"" + type + "\"");
		this.page.waitForCondition(() -> this.received.stream().anyMatch(ofType));
		return this.received.stream().filter(ofType).findFirst().orElseThrow();
	}

	List<String> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Wait for a console line that starts with the given text.
	 * @param prefix the start of the line
	 * @return the whole line
	 */
	String awaitConsole(String prefix) {
		this.page.waitForCondition(() -> consoleLine(prefix) != null);
		return consoleLine(prefix);
	}

	private String consoleLine(String prefix) {
		return this.log.messages()
			.stream()
			.map(ConsoleLog.Message::text)
			.filter((text) -> text.startsWith(prefix))
			.findFirst()
			.orElse(null);
	}

	Object evaluate(String expression) {
		return this.page.evaluate("() => " + expression);
	}

	void awaitTrue(String expression) {
		this.page.waitForFunction("() => " + expression);
	}

	static String resource(String location) {
		try (InputStream input = HmrTestPage.class.getClassLoader().getResourceAsStream(location)) {
			assertThat(input).as(location).isNotNull();
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Failed to read '" + location + "'", ex);
		}
	}

}
