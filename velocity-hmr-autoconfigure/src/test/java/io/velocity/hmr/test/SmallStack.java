package io.velocity.hmr.test;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task on a thread with a small native stack (512 KB, half a request thread's):
 * had the compiler run swc on its caller's stack, a deeply nested module would crash the
 * JVM there instead of compiling or failing with a problem.
 */
public final class SmallStack {

	private static final long STACK_BYTES = 512 * 1024;

	private SmallStack() {
	}

	/**
	 * Run the task on a small-stack thread and wait for it.
	 * @param <T> the result type
	 * @param task the task
	 * @return what the task returned
	 * @throws Exception what the task threw
	 */
	public static <T> T call(Callable<T> task) throws Exception {
		AtomicReference<Object> outcome = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				outcome.set(task.call());
			}
			catch (Throwable ex) {
				// An Error too (a StackOverflowError): the test must see it, not a null.
				outcome.set(ex);
			}
		}, "small-stack", STACK_BYTES);
		thread.start();
		thread.join();
		if (outcome.get() instanceof Exception ex) {
			throw ex;
		}
		if (outcome.get() instanceof Error error) {
			throw error;
		}
		@SuppressWarnings("unchecked")
		T result = (T) outcome.get();
		return result;
	}

}
