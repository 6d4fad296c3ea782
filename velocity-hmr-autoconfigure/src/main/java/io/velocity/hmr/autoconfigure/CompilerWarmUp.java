package io.velocity.hmr.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.NativeLibrary;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Compiles a small module on a thread of its own once the application is ready, so that
 * the first request does not pay for the compiler's first run, and start-up does not
 * share the processor with it. As the application starts, last (the default phase), it
 * waits for the native library's load that began in the background as the beans were
 * created: a library that cannot load stops the start here, with the failure analysis,
 * while the load itself kept off the start-up path.
 */
class CompilerWarmUp implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private final CompileService compileService;

	private final @Nullable NativeLibrary nativeLibrary;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	CompilerWarmUp(CompileService compileService, @Nullable NativeLibrary nativeLibrary) {
		this.compileService = compileService;
		this.nativeLibrary = nativeLibrary;
	}

	@Override
	public void start() {
		if (this.nativeLibrary != null) {
			this.nativeLibrary.awaitLoaded();
		}
		this.running = true;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.running && this.thread == null) {
			Thread warmUp = new Thread(this.compileService::warmUp, "velocity-hmr-warm-up");
			warmUp.setDaemon(true);
			this.thread = warmUp;
			warmUp.start();
		}
	}

	@Override
	public void stop() {
		Thread warmUp = this.thread;
		if (warmUp != null) {
			try {
				// The native compile cannot be interrupted; it takes well under a second.
				warmUp.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
