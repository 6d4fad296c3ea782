package io.velocity.hmr.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.utility.DockerImageName;

/**
 * Images and containers for tests that run servers in Docker. Containers share the host's
 * network, so that they and the app under test reach each other on {@code 127.0.0.1}
 * alone, and each server binds a port on it that the test picked with
 * {@link #freePort()}.
 * <p>
 * The images are public ones unless named by a system property or environment variable,
 * which CI sets to images it built from Debian's mirror (see {@code .ci/docker-images}),
 * since it reaches no registry:
 * <table>
 * <tr>
 * <th>Image</th>
 * <th>System property</th>
 * <th>Environment variable</th>
 * <th>Default</th>
 * </tr>
 * <tr>
 * <td>nginx, with openssl</td>
 * <td>{@code velocity.test.nginx-image}</td>
 * <td>{@code VELOCITY_NGINX_IMAGE}</td>
 * <td>{@value #NGINX_DEFAULT}</td>
 * </tr>
 * <tr>
 * <td>a Java 17 runtime</td>
 * <td>{@code velocity.test.jre-image}</td>
 * <td>{@code VELOCITY_JRE_IMAGE}</td>
 * <td>{@value #JRE_DEFAULT}</td>
 * </tr>
 * </table>
 * Mark the test class {@link EnabledWithDocker}.
 *
 * @author Velocity HMR
 */
public final class Containers {

	// Debian-based, not Alpine: its ca-certificates brings the openssl that tests make
	// certificates with.
	static final String NGINX_DEFAULT = "nginx:1.28";

	static final String JRE_DEFAULT = "eclipse-temurin:17-jre";

	private static final Logger logger = LoggerFactory.getLogger(Containers.class);

	private Containers() {
	}

	/**
	 * Return the image with nginx and openssl.
	 * @return the image name
	 */
	public static DockerImageName nginx() {
		return image("velocity.test.nginx-image", "VELOCITY_NGINX_IMAGE", NGINX_DEFAULT);
	}

	/**
	 * Return the image with a Java 17 runtime on the path.
	 * @return the image name
	 */
	public static DockerImageName jre() {
		return image("velocity.test.jre-image", "VELOCITY_JRE_IMAGE", JRE_DEFAULT);
	}

	/**
	 * Create a container of an image on the host's network, whose output goes to the
	 * test's log: a server that fails in a container says why there.
	 * @param image the image
	 * @return the container, not started
	 */
	public static GenericContainer<?> onHostNetwork(DockerImageName image) {
		GenericContainer<?> container = new GenericContainer<>(image);
		container.setNetworkMode("host");
		container.withLogConsumer(new Slf4jLogConsumer(logger).withPrefix(image.getRepository()));
		return container;
	}

	/**
	 * Return a port on {@code 127.0.0.1} that nothing listens on now, for a server in a
	 * container (or one whose address a container needs before it starts) to bind.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static DockerImageName image(String property, String variable, String fallback) {
		String name = System.getProperty(property);
		if (name == null || name.isBlank()) {
			name = System.getenv(variable);
		}
		return DockerImageName.parse((name == null || name.isBlank()) ? fallback : name);
	}

}
