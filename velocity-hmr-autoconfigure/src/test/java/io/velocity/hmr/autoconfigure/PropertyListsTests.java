package io.velocity.hmr.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PropertyLists}: a list property reads the same in each of its forms.
 */
class PropertyListsTests {

	@Test
	void readsACommaSeparatedValue() {
		MockEnvironment environment = new MockEnvironment().withProperty("velocity.hmr.profiles", "dev, local");
		assertThat(PropertyLists.get(environment, "velocity.hmr.profiles")).hasValue(List.of("dev", "local"));
	}

	@Test
	void readsIndexedElementsAsAYamlListGivesThem() {
		MockEnvironment environment = new MockEnvironment().withProperty("velocity.hmr.profiles[0]", "dev")
			.withProperty("velocity.hmr.profiles[1]", "local");
		assertThat(PropertyLists.get(environment, "velocity.hmr.profiles")).hasValue(List.of("dev", "local"));
	}

	@Test
	void isEmptyWhenNotSet() {
		assertThat(PropertyLists.get(new MockEnvironment(), "velocity.hmr.profiles")).isEmpty();
	}

}
