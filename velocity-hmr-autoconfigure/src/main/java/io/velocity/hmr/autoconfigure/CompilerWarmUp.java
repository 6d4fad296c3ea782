package io.velocity.hmr.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.compile.NativeLibraryException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Compiles a small module on a thread of its own once the application is ready, so that
 * the first request does not pay for the compiler's first run, and start-up does not
 * share the processor with it. The native library's load, begun in the background as the
 * beans were created, is not waited for; what makes it fail is checked first on the same
 * thread ({@link NativeLibrary#loadInBackground()}), in a few milliseconds. When the
 * context starts (last, the default phase) a failed check, or a load that failed all the
 * same by then, stops the start here, with the failure analysis. A load that fails later
 * is logged with the same analysis.
 */
class CompilerWarmUp implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(CompilerWarmUp.class);

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
			// Done long since, beside the context's refresh.
			this.nativeLibrary.awaitChecked();
			this.nativeLibrary.failure().ifPresent((failure) -> {
				throw failure;
			});
		}
		this.running = true;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.running && this.thread == null) {
			Thread warmUp = new Thread(this::warmUp, "velocity-hmr-warm-up");
			warmUp.setDaemon(true);
			this.thread = warmUp;
			warmUp.start();
		}
	}

	private void warmUp() {
		try {
			if (this.nativeLibrary != null) {
				this.nativeLibrary.awaitLoaded();
			}
		}
		catch (NativeLibraryException ex) {
			FailureAnalysis analysis = new NativeLibraryFailureAnalyzer().analyze(ex);
			logger.error((analysis != null) ? analysis.getDescription() + " " + analysis.getAction() : ex.getMessage(),
					ex);
			return;
		}
		this.compileService.warmUp();
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
