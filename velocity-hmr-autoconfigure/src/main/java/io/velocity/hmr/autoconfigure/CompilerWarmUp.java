package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.compile.CompileService;

import org.springframework.context.SmartLifecycle;

/**
 * Loads the compiler's native library and compiles a small module on a thread of its own
 * as the application starts: swc4j takes a few hundred milliseconds to load, which would
 * otherwise fall on the first request. A lifecycle bean, so the thread starts with the
 * context, not while beans are being created, and a stop waits for it.
 */
class CompilerWarmUp implements SmartLifecycle {

	private final CompileService compileService;

	private volatile Thread thread;

	CompilerWarmUp(CompileService compileService) {
		this.compileService = compileService;
	}

	@Override
	public void start() {
		Thread warmUp = new Thread(this.compileService::warmUp, "velocity-hmr-warm-up");
		warmUp.setDaemon(true);
		this.thread = warmUp;
		warmUp.start();
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
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
