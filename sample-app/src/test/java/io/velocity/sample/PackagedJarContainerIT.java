package io.velocity.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.Containers;
import io.velocity.hmr.test.EnabledWithDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample app run as a hardened production container runs it: the jar that
 * {@code spring-boot:repackage} built, in a plain JRE image, as a user that is not root,
 * on a read-only root filesystem whose only writable place is a tmpfs at {@code /tmp}.
 * Its front end was built when the jar was packaged: nothing is compiled and no native
 * library is loaded in the container, so a {@code noexec} {@code /tmp} is fine.
 */
@EnabledWithDocker
@ExtendWith(BrowserExtension.class)
class PackagedJarContainerIT {

	// Set by failsafe, which runs this class once the jar is packaged.
	private static final String JAR_PROPERTY = "velocity.sample.jar";

	@Test
	void servesTheFrontEndAsANonRootUserOnAReadOnlyFilesystem(Page page, ConsoleLog console) {
		// Docker mounts a tmpfs noexec unless told otherwise.
		assertHardenedAppWorks("rw,exec,nosuid,size=64m", page, console);
	}

	@Test
	void servesTheFrontEndWithANoexecTmp(Page page, ConsoleLog console) {
		assertHardenedAppWorks("rw,noexec,nosuid,size=64m", page, console);
	}

	private static void assertHardenedAppWorks(String tmpOptions, Page page, ConsoleLog console) {
		String jar = System.getProperty(JAR_PROPERTY);
		assertThat(jar).as("system property '%s', the packaged jar", JAR_PROPERTY).isNotNull();
		assertThat(Path.of(jar)).isRegularFile();
		int port = Containers.freePort();
		try (GenericContainer<?> app = Containers.onHostNetwork(Containers.jre())) {
			// A bind mount, as Docker copies no file into a read-only root filesystem.
			Bind bind = new Bind(Path.of(jar).toAbsolutePath().toString(), new Volume("/app/app.jar"), AccessMode.ro);
			app.withTmpFs(Map.of("/tmp", tmpOptions)).withCreateContainerCmdModifier((create) -> {
				create.withUser("1000:1000");
				create.getHostConfig().withReadonlyRootfs(true).withBinds(bind);
			})
				.withCommand("java", "-jar", "/app/app.jar", "--server.address=127.0.0.1", "--server.port=" + port)
				.waitingFor(Wait.forLogMessage(".*Started SampleApplication.*", 1)
					// A bound for a slow machine, not a measurement: start-up takes a few
					// seconds.
					.withStartupTimeout(Duration.ofMinutes(2)));
			app.start();
			BuiltFrontEnd.assertHomePageWorks(page, console, "http://localhost:" + port);
		}
	}

}
