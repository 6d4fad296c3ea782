package io.velocity.hmr.compile;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompileThreadsTests {

	@Test
	void runsEachStepWithTheCallersContextClassLoaderOnAReusedThread() throws Exception {
		// The first caller's loader must not stick to the pooled thread: by the next
		// compile, the context it belonged to may be stopped.
		try (URLClassLoader first = new URLClassLoader(new URL[0]);
				URLClassLoader second = new URLClassLoader(new URL[0])) {
			assertThat(loaderSeenBy(first)).isSameAs(first);
			assertThat(loaderSeenBy(second)).isSameAs(second);
		}
	}

	private static ClassLoader loaderSeenBy(ClassLoader caller) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(caller);
		try {
			return CompileThreads.run("Probe.tsx", Duration.ofSeconds(30),
					() -> Thread.currentThread().getContextClassLoader());
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

}
