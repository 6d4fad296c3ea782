package io.velocity.hmr.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.velocity.hmr.compile.CompileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HmrMessageCodec}.
 */
class HmrMessageCodecTests {

	private final HmrMessageCodec codec = new HmrMessageCodec();

	static Stream<HmrMessage> serverMessages() {
		ModuleUpdate update = new ModuleUpdate(ModuleUpdate.Type.JS, "/frontend/components/Counter.tsx",
				"/frontend/App.tsx", 1700000000123L, "export const x = \"</script>\\u2028\";\n");
		return Stream.of(new HmrMessage.Connected("4f6c3a"),
				new HmrMessage.Update(List.of(update), 1700000000100L, Map.of("compile", 1.5)),
				new HmrMessage.Update(List.of(), 1L),
				new HmrMessage.Update(List.of(update), 1L, Map.of(),
						List.of(new InlineModule("/frontend/utils.ts", "export const step = 2;\n", List.of()))),
				new HmrMessage.FullReload("No module accepts the change", "/frontend/main.ts"),
				new HmrMessage.FullReload("Server restarted", null),
				HmrMessage.CompileError
					.of(new CompileProblem("App.tsx", 3, 7, "Expected ';'", "  3 | let x\n    |   ^")),
				new HmrMessage.Prune(List.of("/frontend/Old.tsx")), new HmrMessage.Pong());
	}

	static Stream<ClientMessage> clientMessages() {
		return Stream.of(new ClientMessage.Ping(),
				new ClientMessage.Updated(List.of("/frontend/App.tsx", "/frontend/app.css"), 3.25, 1700000000100L),
				new ClientMessage.Invalidate("/frontend/Counter.tsx", "state shape changed"),
				new ClientMessage.Invalidate("/frontend/Counter.tsx", null));
	}

	@ParameterizedTest
	@MethodSource("serverMessages")
	void serverMessageSurvivesRoundTrip(HmrMessage message) {
		assertThat(this.codec.readServerMessage(this.codec.write(message))).isEqualTo(message);
	}

	@ParameterizedTest
	@MethodSource("clientMessages")
	void clientMessageSurvivesRoundTrip(ClientMessage message) {
		assertThat(this.codec.read(this.codec.write(message))).isEqualTo(message);
	}

	@Test
	void writesUpdateWithTheFieldNamesTheClientReads() throws IOException {
		Map<String, Double> stages = new LinkedHashMap<>();
		stages.put("detect", 2.0);
		stages.put("quiet", 5.0);
		stages.put("compile", 1.25);
		stages.put("graph", 0.5);
		stages.put("send", 0.0);
		HmrMessage.Update message = new HmrMessage.Update(
				List.of(new ModuleUpdate(ModuleUpdate.Type.JS, "/frontend/components/Counter.tsx",
						"/frontend/components/Counter.tsx", 1700000000123L, "export default 1;\n",
						List.of("/frontend/utils.ts?t=1700000000123")),
						new ModuleUpdate(ModuleUpdate.Type.CSS, "/frontend/app.css", "/frontend/app.css",
								1700000000123L, "body{color:red}")),
				1700000000100L, stages, List.of(new InlineModule("/frontend/utils.ts", "export const step = 2;\n",
						List.of("/frontend/format.ts?t=1700000000123"))));
		assertThat(this.codec.write(message)).isEqualTo(fixture("update.json").strip());
	}

	@Test
	void readsUpdateWithoutModulesAsHavingNone() {
		HmrMessage message = this.codec.readServerMessage("{\"type\":\"update\",\"updates\":[],\"timestamp\":5}");
		assertThat(message).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.modules()).isEmpty());
	}

	@Test
	void writesEmptyMessagesAsTypeOnly() {
		assertThat(this.codec.write(new HmrMessage.Pong())).isEqualTo("{\"type\":\"pong\"}");
		assertThat(this.codec.write(new ClientMessage.Ping())).isEqualTo("{\"type\":\"ping\"}");
	}

	@Test
	void writesFullReloadWithoutPathAsNull() {
		assertThat(this.codec.write(new HmrMessage.FullReload("Server restarted", null)))
			.isEqualTo("{\"type\":\"full-reload\",\"reason\":\"Server restarted\",\"path\":null,\"paths\":[]}");
	}

	@Test
	void writesCompileErrorUnderTypeError() {
		assertThat(this.codec.write(new HmrMessage.CompileError("Unexpected token", "App.tsx", 2, 4, "")))
			.isEqualTo("{\"type\":\"error\",\"message\":\"Unexpected token\",\"file\":\"App.tsx\","
					+ "\"line\":2,\"column\":4,\"frame\":\"\"}");
	}

	@Test
	void readsUpdatedAckAsTheClientSendsIt() {
		ClientMessage message = this.codec
			.read("{\"type\":\"updated\",\"paths\":[\"/frontend/App.tsx\"],\"applyMillis\":4.5,\"timestamp\":17}");
		assertThat(message).isEqualTo(new ClientMessage.Updated(List.of("/frontend/App.tsx"), 4.5, 17));
	}

	@Test
	void readsInvalidateAsTheClientSendsIt() {
		ClientMessage message = this.codec
			.read("{\"type\":\"invalidate\",\"path\":\"/frontend/Counter.tsx\",\"message\":\"state changed\"}");
		assertThat(message).isEqualTo(new ClientMessage.Invalidate("/frontend/Counter.tsx", "state changed"));
	}

	@Test
	void rejectsInvalidateWithoutPath() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"invalidate\",\"message\":\"state changed\"}"))
			.withMessage("Invalid 'invalidate' message: 'path' must not be empty");
	}

	@Test
	void ignoresUnknownFieldsOfKnownType() {
		assertThat(this.codec.read("{\"type\":\"ping\",\"sentAt\":12}")).isEqualTo(new ClientMessage.Ping());
	}

	@Test
	void rejectsUnknownType() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"reload-everything\"}"))
			.withMessage("Unknown message type 'reload-everything' (expected one of [ping, updated, invalidate])");
	}

	@Test
	void rejectsServerMessageSentByClient() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"pong\"}"))
			.withMessageStartingWith("Unknown message type 'pong'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"type\":3}", "{\"type\":null}", "{\"kind\":\"ping\"}" })
	void rejectsMessageWithoutTypeString(String json) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(json))
			.withMessage("Message has no 'type' string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hello", "{\"type\":\"ping\"", "{\"type\":\"ping\"} trailing", "" })
	void rejectsTextThatIsNotJson(String text) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(text))
			.withMessageStartingWith("Message is not");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"ping\"", "42", "null" })
	void rejectsJsonThatIsNotAnObject(String json) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(json))
			.withMessage("Message is not a JSON object");
	}

	@Test
	void rejectsFieldOfWrongType() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec
				.read("{\"type\":\"updated\",\"paths\":[\"/a.tsx\"],\"applyMillis\":\"slow\",\"timestamp\":1}"))
			.withMessageStartingWith("Invalid 'updated' message: 'applyMillis'");
	}

	@Test
	void rejectsPathsThatAreNotAList() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"updated\",\"paths\":\"/a.tsx\",\"applyMillis\":1}"))
			.withMessageStartingWith("Invalid 'updated' message: 'paths'");
	}

	@Test
	void rejectsUpdatedAckWithoutPaths() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"updated\",\"applyMillis\":1.0,\"timestamp\":1}"))
			.withMessage("Invalid 'updated' message: 'paths' must not be null");
	}

	private String fixture(String name) throws IOException {
		try (InputStream stream = getClass().getResourceAsStream("fixtures/" + name)) {
			assertThat(stream).as(name).isNotNull();
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
