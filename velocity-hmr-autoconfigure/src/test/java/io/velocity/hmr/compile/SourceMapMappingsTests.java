package io.velocity.hmr.compile;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.compile.SourceMapMappings.ColumnShift;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceMapMappings}.
 */
class SourceMapMappingsTests {

	@Test
	void shiftsColumnsAfterTheChangeOnThatLineOnly() {
		// Line 1: columns 0, 9 and 11; the text at column 9 grew by 5.
		String mappings = "AAAA;AAAA,SAAS,EAAE;AACA";
		assertThat(SourceMapMappings.shift(mappings, Map.of(1, List.of(new ColumnShift(9, 5)))))
			.isEqualTo("AAAA;AAAA,SAAS,OAAE;AACA");
	}

	@Test
	void addsUpSeveralChangesOnOneLine() {
		// Columns 0, 9, 11 and 20: +5 at 9 and -2 at 11.
		String mappings = "AAAA,SAAS,EAAE,SAAS";
		assertThat(
				SourceMapMappings.shift(mappings, Map.of(0, List.of(new ColumnShift(9, 5), new ColumnShift(11, -2)))))
			.isEqualTo("AAAA,SAAS,OAAE,OAAS");
	}

	@Test
	void shiftsEveryColumnOfALineForTextPutInFrontOfIt() {
		// Columns 0 and 9 of line 0, after 5 characters were put in front: 5 and 14.
		String mappings = "AAAA,SAAS;AACA";
		assertThat(SourceMapMappings.shift(mappings, Map.of(0, List.of(new ColumnShift(-1, 5)))))
			.isEqualTo("KAAA,SAAS;AACA");
	}

	@Test
	void roundTripsLargeAndNegativeValues() {
		assertThat(SourceMapMappings.decode("gCAAhB")).containsExactly(32, 0, 0, -16);
		assertThat(SourceMapMappings.shift("AAAA,gCAAhB", Map.of(0, List.of(new ColumnShift(0, 0)))))
			.isEqualTo("AAAA,gCAAhB");
	}

}
