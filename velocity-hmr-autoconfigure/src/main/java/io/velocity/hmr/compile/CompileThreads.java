package io.velocity.hmr.compile;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs compiles on threads with a large stack. swc parses and transforms recursively, on
 * the native stack of the thread that calls it: a module nested deeply enough overflows
 * the 1 MB of a request thread (about 300 nested JSX elements did), and a native stack
 * overflow is not a {@link StackOverflowError} but a crash of the JVM. On a
 * {@value #STACK_MEGABYTES} MB stack, swc handled over 5,000 nested JSX elements and
 * 20,000 nested parentheses, objects or template literals, far beyond the
 * {@link CompileLimits#maxNestingDepth() nesting limit} that {@link NestingCheck} holds
 * every module to. The stack is reserved address space, committed only as it is used.
 * <p>
 * The caller waits at most the compile timeout. swc cannot be interrupted: a compile that
 * takes longer goes on, on its thread, and the next compile gets another.
 */
public final class CompileThreads {

	static final int STACK_MEGABYTES = 64;

	/**
	 * The deepest nesting a limit may allow: each level of the costliest kind (a JSX
	 * element) took swc about 13 KB of stack, so this leaves the stack half free.
	 */
	static final int MAX_NESTING_DEPTH = 2500;

	private static final AtomicInteger counter = new AtomicInteger();

	private static final ThreadPoolExecutor executor = createExecutor();

	private CompileThreads() {
	}

	/**
	 * Run a compile step on a compile thread and wait for it, or run it right away when
	 * already on one.
	 * @param <T> the result type
	 * @param path the module's path, for problems
	 * @param timeout how long to wait
	 * @param step the step
	 * @return what the step returned
	 * @throws CompileProblemException if the step threw one, overflowed its stack or took
	 * longer than the timeout
	 */
	public static <T> T run(String path, Duration timeout, Callable<T> step) {
		if (Thread.currentThread() instanceof CompileThread) {
			return call(path, step);
		}
		// The caller's context class loader goes with the step: classpath sources are
		// read
		// through it, and a pooled thread would otherwise keep the one of whichever
		// application (or DevTools restart) created it, stopped since.
		ClassLoader callersLoader = Thread.currentThread().getContextClassLoader();
		Future<T> future = executor.submit(() -> callWith(callersLoader, path, step));
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new CompileProblemException(new CompileProblem(path, 0, 0, "Compiling took longer than "
					+ describe(timeout) + " and was given up (velocity.hmr.compiler.timeout)", ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new IllegalStateException("Interrupted while compiling " + path, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private static <T> T callWith(ClassLoader contextLoader, String path, Callable<T> step) {
		Thread thread = Thread.currentThread();
		thread.setContextClassLoader(contextLoader);
		try {
			return call(path, step);
		}
		finally {
			thread.setContextClassLoader(null);
		}
	}

	private static <T> T call(String path, Callable<T> step) {
		try {
			return step.call();
		}
		catch (StackOverflowError ex) {
			// Java's own recursion (the JSX transform, the syntax visitors) can be
			// caught.
			throw new CompileProblemException(new CompileProblem(path, 0, 0,
					"The module is nested too deeply to compile; split it into smaller functions", ""));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(Duration timeout) {
		long millis = timeout.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private static ThreadPoolExecutor createExecutor() {
		// A thread per concurrent compile, as many as the callers waiting for one, and
		// none once idle: a compile given up on holds its thread, never the next.
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				CompileThread::new);
	}

	/**
	 * A thread with the large stack; compile steps that call each other on it run inline.
	 */
	private static final class CompileThread extends Thread {

		CompileThread(Runnable task) {
			super(null, task, "velocity-hmr-compile-" + counter.incrementAndGet(), STACK_MEGABYTES * 1024L * 1024L);
			setDaemon(true);
			// Set per step: an idle thread holds no application's class loader.
			setContextClassLoader(null);
		}

	}

}
