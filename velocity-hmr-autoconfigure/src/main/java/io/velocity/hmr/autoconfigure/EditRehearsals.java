package io.velocity.hmr.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.compile.NativeLibraryException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Rehearses an edit's compile a few hundred times once the application is ready, on a
 * thread of its own and only in quiet moments (no module asked for in the last
 * {@link #QUIET}), so that the first edits of a session do not run the compiler's Java
 * code before the JIT has compiled it: a component's compile took about 1.5 to 8 ms for
 * the first 60 edits of a fresh JVM and under 1 ms after some hundreds (see the
 * performance documentation). Page loads and edits always go first: a rehearsal round is
 * short, and none starts while modules are being asked for.
 * <p>
 * The rounds are counted for the whole JVM, whose JIT they warm: an application context
 * started again (a DevTools restart keeps the starter's classes, a test suite starts
 * many) rehearses only what is left, not another {@value #ROUNDS} rounds.
 */
class EditRehearsals implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(EditRehearsals.class);

	/**
	 * About where the compile time of the benchmark's component stopped falling.
	 */
	static final int ROUNDS = 800;

	/**
	 * How long no module must have been asked for before the next round: longer than a
	 * browser takes to evaluate a large page after its last module arrived, so that the
	 * rounds do not take a core from it (with 250 ms, on two cores, a bundled
	 * 1,000-module page loaded about 90 ms slower warm and 300 ms slower right after
	 * start-up).
	 */
	static final Duration QUIET = Duration.ofSeconds(1);

	/**
	 * Rounds rehearsed in this JVM, by any application context.
	 */
	private static final AtomicInteger roundsRehearsed = new AtomicInteger();

	private final CompileService compileService;

	private final @Nullable NativeLibrary nativeLibrary;

	private final int rounds;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	EditRehearsals(CompileService compileService, @Nullable NativeLibrary nativeLibrary) {
		this(compileService, nativeLibrary, ROUNDS);
	}

	EditRehearsals(CompileService compileService, @Nullable NativeLibrary nativeLibrary, int rounds) {
		this.compileService = compileService;
		this.nativeLibrary = nativeLibrary;
		this.rounds = rounds;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.running && this.thread == null && roundsRehearsed.get() < this.rounds) {
			Thread rehearsals = new Thread(this::rehearse, "velocity-hmr-edit-rehearsals");
			rehearsals.setDaemon(true);
			rehearsals.setPriority(Thread.MIN_PRIORITY);
			this.thread = rehearsals;
			rehearsals.start();
		}
	}

	private void rehearse() {
		try {
			if (this.nativeLibrary != null) {
				this.nativeLibrary.awaitLoaded();
			}
			long start = System.nanoTime();
			int rehearsed = 0;
			while (this.running && roundsRehearsed.get() < this.rounds) {
				long wait = QUIET.toNanos() - this.compileService.nanosSinceLastAsked();
				if (wait > 0) {
					Thread.sleep(Math.max(wait / 1_000_000, 1));
					continue;
				}
				this.compileService.rehearseEdit(roundsRehearsed.incrementAndGet());
				rehearsed++;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Rehearsed an edit's compile " + rehearsed + " times in "
						+ (System.nanoTime() - start) / 1_000_000 + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (NativeLibraryException ex) {
			// CompilerWarmUp reports it.
		}
		catch (RuntimeException ex) {
			// Never a user's problem: the edits are only compiled colder.
			logger.debug("Velocity HMR stopped rehearsing an edit's compile", ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread rehearsals = this.thread;
		if (rehearsals != null) {
			try {
				// At most the round under way, well under a second.
				rehearsals.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
