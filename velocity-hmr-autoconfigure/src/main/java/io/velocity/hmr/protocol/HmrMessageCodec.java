package io.velocity.hmr.protocol;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Writes and reads the JSON form of the HMR messages.
 * <p>
 * The codec uses a mapper of its own rather than the application's, so that a naming
 * strategy or other customization of the application's JSON cannot change the wire form
 * the browser client expects. Reading is strict about the message type and the types of
 * known fields, and tolerant of unknown fields, so that a newer client can add fields
 * without breaking an older server.
 */
public final class HmrMessageCodec {

	private static final Set<String> CLIENT_TYPES = typeNames(ClientMessage.class);

	private static final Set<String> SERVER_TYPES = typeNames(HmrMessage.class);

	private final JsonMapper mapper;

	public HmrMessageCodec() {
		this.mapper = JsonMapper.builder()
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	/**
	 * Return the JSON of a message for the client.
	 * @param message the message
	 * @return the JSON text
	 */
	public String write(HmrMessage message) {
		Assert.notNull(message, "'message' must not be null");
		return this.mapper.writeValueAsString(message);
	}

	/**
	 * Return the JSON of a message from the client, as the browser client would send it.
	 * @param message the message
	 * @return the JSON text
	 */
	public String write(ClientMessage message) {
		Assert.notNull(message, "'message' must not be null");
		return this.mapper.writeValueAsString(message);
	}

	/**
	 * Read a message received from a client.
	 * @param json the text of the frame
	 * @return the message
	 * @throws MalformedMessageException if the text is not JSON, has no or an unknown
	 * {@code type}, or a known field has the wrong type
	 */
	public ClientMessage read(String json) {
		return read(json, ClientMessage.class, CLIENT_TYPES);
	}

	/**
	 * Read a message sent by the server, as a Java client of the socket would.
	 * @param json the text of the frame
	 * @return the message
	 * @throws MalformedMessageException if the text is not a server message
	 */
	public HmrMessage readServerMessage(String json) {
		return read(json, HmrMessage.class, SERVER_TYPES);
	}

	private <T> T read(String json, Class<T> type, Set<String> typeNames) {
		Assert.notNull(json, "'json' must not be null");
		JsonNode node;
		try {
			node = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || !node.isObject()) {
			throw new MalformedMessageException("Message is not a JSON object");
		}
		JsonNode typeNode = node.get("type");
		if (typeNode == null || !typeNode.isString()) {
			throw new MalformedMessageException("Message has no 'type' string");
		}
		String name = typeNode.stringValue();
		if (!typeNames.contains(name)) {
			throw new MalformedMessageException(
					"Unknown message type '" + abbreviate(name) + "' (expected one of " + typeNames + ")");
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Invalid '" + name + "' message: " + describe(ex), ex);
		}
	}

	private static String describe(JacksonException ex) {
		Throwable cause = ex.getCause();
		// An assertion in a record's constructor explains the problem better than the
		// instantiation failure that wraps it.
		if (cause instanceof IllegalArgumentException) {
			return cause.getMessage();
		}
		String path = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
		return (path.isEmpty() ? "" : "'" + path + "' ") + ex.getOriginalMessage();
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private static Set<String> typeNames(Class<?> type) {
		JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
		return Arrays.stream(subTypes.value())
			.map(JsonSubTypes.Type::name)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
