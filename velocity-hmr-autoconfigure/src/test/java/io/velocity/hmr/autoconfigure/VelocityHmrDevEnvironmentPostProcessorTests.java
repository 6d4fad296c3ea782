package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class VelocityHmrDevEnvironmentPostProcessorTests {

	@TempDir
	Path temp;

	private final VelocityHmrDevEnvironmentPostProcessor postProcessor = new VelocityHmrDevEnvironmentPostProcessor();

	@Test
	void servesPagesFromTheirSourceDirectoriesWhileHmrIsActive() throws IOException {
		Path templates = Files.createDirectories(this.temp.resolve("templates"));
		Path statics = Files.createDirectories(this.temp.resolve("static"));
		MockEnvironment environment = environment("velocity.hmr.enabled=true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.thymeleaf.prefix")).isEqualTo(templates.toUri().toString());
		assertThat(environment.getProperty("spring.thymeleaf.cache")).isEqualTo("false");
		assertThat(environment.getProperty("spring.web.resources.static-locations"))
			.startsWith(statics.toUri() + ",classpath:/META-INF/resources/");
		assertThat(environment.getProperty("spring.devtools.restart.additional-exclude")).isEqualTo("frontend/**");
	}

	@Test
	void applicationPropertiesWin() throws IOException {
		Files.createDirectories(this.temp.resolve("templates"));
		MockEnvironment environment = environment("velocity.hmr.enabled=true");
		environment.setProperty("spring.thymeleaf.prefix", "classpath:/views/");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.thymeleaf.prefix")).isEqualTo("classpath:/views/");
	}

	@Test
	void changesNothingWhileHmrIsOff() throws IOException {
		Files.createDirectories(this.temp.resolve("templates"));
		MockEnvironment environment = environment("velocity.hmr.enabled=false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.thymeleaf.prefix")).isNull();
		assertThat(environment.getProperty("spring.devtools.restart.additional-exclude")).isNull();
	}

	private MockEnvironment environment(String enabled) {
		MockEnvironment environment = new MockEnvironment();
		String[] pair = enabled.split("=");
		environment.setProperty(pair[0], pair[1]);
		environment.setProperty("velocity.hmr.reload-roots",
				this.temp.resolve("static") + "," + this.temp.resolve("templates"));
		return environment;
	}

}
