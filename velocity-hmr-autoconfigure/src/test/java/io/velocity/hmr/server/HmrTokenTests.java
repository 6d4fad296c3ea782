package io.velocity.hmr.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HmrToken}.
 */
class HmrTokenTests {

	@Test
	void generatesUrlSafeTokenOfAtLeast128Bits() {
		String value = HmrToken.generate().value();
		// 22 base64 characters carry 132 bits.
		assertThat(value).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void generatesDifferentTokenEachTime() {
		assertThat(HmrToken.generate().value()).isNotEqualTo(HmrToken.generate().value());
	}

	@Test
	void matchesOnlyItsOwnValue() {
		HmrToken token = HmrToken.generate();
		assertThat(token.matches(token.value())).isTrue();
		assertThat(token.matches(token.value() + "x")).isFalse();
		assertThat(token.matches(token.value().substring(1))).isFalse();
		assertThat(token.matches("")).isFalse();
		assertThat(token.matches(null)).isFalse();
	}

	@Test
	void keepsValueOutOfToString() {
		HmrToken token = HmrToken.generate();
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void rejectsShortOrUnsafeValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> HmrToken.of("short"));
		assertThatIllegalArgumentException().isThrownBy(() -> HmrToken.of("a/b+c=d".repeat(4)));
	}

}
