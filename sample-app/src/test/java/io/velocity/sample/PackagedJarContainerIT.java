package io.velocity.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
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
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample app run as a hardened production container runs it: the jar that
 * {@code spring-boot:repackage} built, in a plain JRE image, as a user that is not root,
 * on a read-only root filesystem whose only writable place is a tmpfs at {@code /tmp}.
 * Its front end is compiled from the classpath on request, in the container. swc's native
 * library must load from a directory that allows executing files: a noexec {@code /tmp}
 * stops the start, saying so, unless the directory is configured.
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
	void servesTheFrontEndWithANoexecTmpAndTheNativeLibraryInADirectoryThatAllowsExecuting(Page page,
			ConsoleLog console) {
		String jar = jar();
		int port = Containers.freePort();
		try (GenericContainer<?> app = hardened(jar, "rw,noexec,nosuid,size=64m")) {
			app.withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,size=64m", "/app/native", "rw,exec,nosuid,size=64m"))
				.withCommand("java", "-jar", "/app/app.jar", "--server.address=127.0.0.1", "--server.port=" + port,
						"--velocity.hmr.compiler.native-directory=/app/native/swc4j")
				.waitingFor(started());
			app.start();
			SampleAppBrowserTests.assertSampleWorks(page, console, port);
		}
	}

	@Test
	void refusesToStartWithANativeDirectoryOnANoexecTmpAndSaysWhatToSet() {
		String jar = jar();
		int port = Containers.freePort();
		try (GenericContainer<?> app = hardened(jar, "rw,noexec,nosuid,size=64m")) {
			// Until it said why, the app started and then answered every module with 500.
			app.withCommand("java", "-jar", "/app/app.jar", "--server.address=127.0.0.1", "--server.port=" + port)
				.withStartupCheckStrategy(new Exited())
				.waitingFor(Wait.forLogMessage(".*APPLICATION FAILED TO START.*", 1)
					.withStartupTimeout(Duration.ofMinutes(2)));
			app.start();
			String logs = app.getLogs();
			assertThat(logs).contains("could not load swc's native library from /tmp/velocity-hmr-")
				.contains("does not allow executing files (mounted noexec?)")
				.contains("Set velocity.hmr.compiler.native-directory")
				.doesNotContain("Started SampleApplication");
		}
	}

	private static void assertHardenedAppWorks(String tmpOptions, Page page, ConsoleLog console) {
		String jar = jar();
		int port = Containers.freePort();
		try (GenericContainer<?> app = hardened(jar, tmpOptions)) {
			app.withCommand("java", "-jar", "/app/app.jar", "--server.address=127.0.0.1", "--server.port=" + port)
				.waitingFor(started());
			app.start();
			SampleAppBrowserTests.assertSampleWorks(page, console, port);
		}
	}

	private static String jar() {
		String jar = System.getProperty(JAR_PROPERTY);
		assertThat(jar).as("system property '%s', the packaged jar", JAR_PROPERTY).isNotNull();
		assertThat(Path.of(jar)).isRegularFile();
		return jar;
	}

	/**
	 * The jar's container: a user that is not root, a read-only root filesystem, a tmpfs
	 * at /tmp.
	 */
	private static GenericContainer<?> hardened(String jar, String tmpOptions) {
		// A bind mount, as Docker copies no file into a read-only root filesystem.
		Bind bind = new Bind(Path.of(jar).toAbsolutePath().toString(), new Volume("/app/app.jar"), AccessMode.ro);
		GenericContainer<?> app = Containers.onHostNetwork(Containers.jre());
		app.withTmpFs(Map.of("/tmp", tmpOptions)).withCreateContainerCmdModifier((create) -> {
			create.withUser("1000:1000");
			create.getHostConfig().withReadonlyRootfs(true).withBinds(bind);
		});
		return app;
	}

	private static WaitStrategy started() {
		// A bound for a slow machine, not a measurement: start-up takes a few seconds.
		return Wait.forLogMessage(".*Started SampleApplication.*", 1).withStartupTimeout(Duration.ofMinutes(2));
	}

	/**
	 * A container that started as expected once it exited, whatever its exit code.
	 */
	private static final class Exited extends StartupCheckStrategy {

		@Override
		public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
			return Boolean.TRUE.equals(getCurrentState(dockerClient, containerId).getRunning())
					? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
		}

	}

}
