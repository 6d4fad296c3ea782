package io.velocity.hmr.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.registry.RegistryCode;

import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModulePaths;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;

import org.springframework.util.Assert;

/**
 * The front door for compiled modules, used to serve them and to push updates. Analyses
 * are cached per module by the hash of its source, so asking again for an unchanged
 * module costs a read of the file and a map lookup; the code written from an analysis is
 * cached too, and written again (string copying, no transpile) only when the versions of
 * its imports differ from those it was written with. Problems are not cached.
 * <p>
 * A module is served only once every name it imports is known to be exported by the
 * module it names (see {@link ModuleCompiler#checkLinks}); the check is made again
 * whenever any analysis changed since.
 * <p>
 * How a module's imports resolve also depends on which other files exist: call
 * {@link #clear()} when a module is created or deleted. {@link CompiledModule#hash()}
 * hashes the served code, so it changes whenever that code does and can be used as an
 * HTTP entity tag.
 * <p>
 * Safe for concurrent use.
 */
public class CompileService {

	private static final Log logger = LogFactory.getLog(CompileService.class);

	private final ModuleSources sources;

	private final ModuleCompiler compiler;

	private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

	/**
	 * What the browsers were last given of each module, by path: kept when the analyses
	 * are cleared, so that a change reported for a module they already have as it is can
	 * be told apart.
	 */
	private final ConcurrentMap<String, Delivered> delivered = new ConcurrentHashMap<>();

	/**
	 * Counts the changes of the analyses: a link check made at another generation may be
	 * out of date.
	 */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * Counts the calls of {@link #clear()}: how imports resolve can have changed only
	 * when it changes.
	 */
	private final AtomicLong clears = new AtomicLong();

	/**
	 * {@link System#nanoTime()} when a module was last asked for (a page loading it, an
	 * edit): rehearsals wait for quiet moments.
	 */
	private volatile long lastAskedNanos = System.nanoTime();

	/**
	 * Create a new instance.
	 * @param sources where modules are read from
	 * @param compiler the compiler to use
	 */
	public CompileService(ModuleSources sources, ModuleCompiler compiler) {
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(compiler, "'compiler' must not be null");
		this.sources = sources;
		this.compiler = compiler;
	}

	/**
	 * Return the compiled module at the given path, written with no version stamps.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return the module, or empty when there is no such script module or style sheet
	 * @throws CompileProblemException if the module cannot be compiled
	 * @see #compile(String, ModuleVersions)
	 */
	public Optional<CompiledModule> compile(String path) {
		return compile(path, ModuleVersions.NONE);
	}

	/**
	 * Return the compiled module at the given path. A style sheet ({@code .css}) comes as
	 * the module that an import of it loads, which injects it into the page.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @param versions the versions its imports are written with
	 * @return the module, or empty when there is no such script module or style sheet
	 * @throws CompileProblemException if the module cannot be compiled
	 */
	public Optional<CompiledModule> compile(String path, ModuleVersions versions) {
		return analyze(path).map((module) -> {
			checkLinks(module);
			return emit(module, versions);
		});
	}

	/**
	 * Check that every name a module imports is exported by the module it names, unless
	 * that was checked since the last change of any analysis.
	 * @param module the analysed module
	 * @throws CompileProblemException if a name is not exported
	 */
	public void checkLinks(AnalyzedModule module) {
		long current = this.generation.get();
		Entry cached = this.cache.get(module.path());
		if (cached != null && cached.module() == module && cached.linkedAt() == current) {
			return;
		}
		Optional<CompileProblem> problem = this.compiler.checkLinks(module, this::analysedForLinks);
		if (problem.isPresent()) {
			throw new CompileProblemException(problem.get());
		}
		if (cached != null && cached.module() == module) {
			this.cache.replace(module.path(), cached, cached.linked(current));
		}
	}

	/**
	 * The analysis an import is checked against: the cached one as it is (a changed file
	 * is evicted, so it is current), otherwise a new one.
	 */
	private Optional<AnalyzedModule> analysedForLinks(String path) {
		Entry cached = this.cache.get(path);
		if (cached != null) {
			return Optional.of(cached.module());
		}
		try {
			return analyze(path);
		}
		catch (CompileProblemException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Return the analysed module at the given path: what it imports, exports and says
	 * about hot updates, ready to {@link #emit(AnalyzedModule, ModuleVersions) emit}.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return the module, or empty when there is no such script module or style sheet
	 * @throws CompileProblemException if the module cannot be compiled
	 */
	public Optional<AnalyzedModule> analyze(String path) {
		this.lastAskedNanos = System.nanoTime();
		Optional<String> safePath = ModulePaths.safe(path).filter(ModuleKind::isCompiled);
		if (safePath.isEmpty()) {
			return Optional.empty();
		}
		Optional<ModuleSource> source = read(safePath.get());
		if (source.isEmpty()) {
			if (this.cache.remove(safePath.get()) != null) {
				this.generation.incrementAndGet();
			}
			return Optional.empty();
		}
		return Optional.of(analyze(source.get()));
	}

	/**
	 * Read a module; one that exists but cannot be read (its permissions, a lock) is a
	 * problem to show, like a syntax error, not a failure of the server.
	 */
	private Optional<ModuleSource> read(String path) {
		try {
			return this.sources.find(path);
		}
		catch (UncheckedIOException ex) {
			this.cache.remove(path);
			IOException cause = ex.getCause();
			String reason = (cause instanceof AccessDeniedException) ? "permission denied"
					: String.valueOf(cause.getMessage());
			throw new CompileProblemException(new CompileProblem(path, 0, 0,
					path + " cannot be read (" + reason + "); check that the file is readable", ""));
		}
	}

	private AnalyzedModule analyze(ModuleSource source) {
		byte[] sourceHash = sha256(source.content());
		Entry cached = this.cache.get(source.path());
		if (cached != null && Arrays.equals(cached.sourceHash(), sourceHash)) {
			return cached.module();
		}
		long start = System.nanoTime();
		try {
			AnalyzedModule module = this.compiler.analyze(source);
			if (this.cache.put(source.path(), new Entry(sourceHash, module, null, -1)) != null) {
				// Its exports may have changed: modules that import it are checked again.
				this.generation.incrementAndGet();
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Compiled " + source.path() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
			}
			return module;
		}
		catch (CompileProblemException ex) {
			this.cache.remove(source.path());
			throw ex;
		}
	}

	/**
	 * Write the served code of an analysed module with the given versions, from the cache
	 * when it was written with the same import URLs before.
	 * @param module the analysed module
	 * @param versions the versions its imports are written with
	 * @return the compiled module
	 */
	public CompiledModule emit(AnalyzedModule module, ModuleVersions versions) {
		Entry cached = this.cache.get(module.path());
		boolean current = cached != null && cached.module() == module;
		if (current) {
			this.delivered.put(module.path(), new Delivered(cached.sourceHash(), module.imports()));
		}
		else {
			this.delivered.remove(module.path());
		}
		@Nullable CompiledModule written = current ? cached.written() : null;
		if (written != null && this.compiler.writtenImportUrls(module, versions).equals(written.writtenImportUrls())) {
			return written;
		}
		CompiledModule compiled = this.compiler.emit(module, versions);
		if (current) {
			// Only replaces the entry it was made from: a newer analysis wins.
			this.cache.replace(module.path(), cached,
					new Entry(cached.sourceHash(), module, compiled, cached.linkedAt()));
		}
		return compiled;
	}

	/**
	 * Write a compiled module in the registry form of a bundled page from the plan its
	 * analysis read, without parsing it.
	 * @param compiled the module
	 * @param key the URL to define it under
	 * @return the definition, or empty when its analysis has no plan
	 * @throws io.velocity.hmr.compile.registry.RegistryFormException if the plan does not
	 * fit the module's code
	 * @see ModuleCompiler#registryForm(CompiledModule, String)
	 */
	public Optional<RegistryCode> registryForm(CompiledModule compiled, String key) {
		return this.compiler.registryForm(compiled, key);
	}

	/**
	 * Return the hash of the source a current analysis was made from.
	 * @param module an analysis
	 * @return the SHA-256 of its source, or empty when it is not the module's current
	 * analysis (the file changed since)
	 */
	public Optional<byte[]> sourceHash(AnalyzedModule module) {
		Entry cached = this.cache.get(module.path());
		return (cached != null && cached.module() == module) ? Optional.of(cached.sourceHash().clone())
				: Optional.empty();
	}

	/**
	 * Return the hash of a module's source as it is now, as {@link #sourceHash} names it.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return the SHA-256 of its source, or empty when there is no such module or it
	 * cannot be read
	 */
	public Optional<byte[]> currentSourceHash(String path) {
		// A page served from what was kept asks for modules too: rehearsals wait.
		this.lastAskedNanos = System.nanoTime();
		Optional<String> safePath = ModulePaths.safe(path).filter(ModuleKind::isCompiled);
		if (safePath.isEmpty()) {
			return Optional.empty();
		}
		try {
			return this.sources.find(safePath.get()).map((source) -> sha256(source.content()));
		}
		catch (UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether specifiers of a module still resolve to the URLs they resolved to (which
	 * files exist, the packages and the aliases may have changed), as a kept analysis is
	 * checked before it is used.
	 * @param path the module's path
	 * @param resolved its specifiers with the URLs they resolved to, as
	 * {@link AnalyzedModule#resolvedSpecifiers()} lists them
	 * @return whether every one resolves as it did
	 */
	public boolean resolvesAsBefore(String path, List<ResolvedSpecifier> resolved) {
		return this.compiler.resolvesAsBefore(path, resolved);
	}

	/**
	 * Return a fingerprint of the settings the served code depends on beyond each
	 * module's source, the resolution of its specifiers, the compiler and the versions.
	 * @return the fingerprint
	 * @see ModuleCompiler#outputFingerprint()
	 */
	public String outputFingerprint() {
		return this.compiler.outputFingerprint();
	}

	/**
	 * Whether the code last written of this module for the browsers (served, bundled or
	 * carried by an update) came from the same source and imports the same modules as
	 * this analysis: a change reported for it is then nothing they need, such as a file
	 * created just before a page loaded it, or a save that restored what they have.
	 * @param module a current analysis
	 * @return whether the browsers have this module as it is
	 */
	public boolean isDeliveredAsIs(AnalyzedModule module) {
		Entry cached = this.cache.get(module.path());
		Delivered delivered = this.delivered.get(module.path());
		return cached != null && cached.module() == module && delivered != null
				&& Arrays.equals(delivered.sourceHash(), cached.sourceHash())
				&& delivered.imports().equals(module.imports());
	}

	/**
	 * Forget what the browsers were given of a deleted module: created again, even with
	 * the same source, it is a new module for them.
	 * @param path the module path
	 */
	public void deleted(String path) {
		ModulePaths.safe(path).ifPresent(this.delivered::remove);
	}

	/**
	 * Return the analysis of a module as it is cached, without reading the module.
	 * @param path the module path
	 * @return the cached analysis, or empty
	 */
	public Optional<AnalyzedModule> cached(String path) {
		return ModulePaths.safe(path).map(this.cache::get).map(Entry::module);
	}

	/**
	 * Forget the compiled form of one module, for example after it changed.
	 * @param path the module path
	 */
	public void evict(String path) {
		ModulePaths.safe(path).ifPresent(this.cache::remove);
		this.generation.incrementAndGet();
	}

	/**
	 * Forget every compiled module, for example after a module was created or deleted,
	 * which can change how imports elsewhere resolve.
	 */
	public void clear() {
		this.cache.clear();
		this.generation.incrementAndGet();
		this.clears.incrementAndGet();
	}

	/**
	 * Return how many times every compiled module was forgotten ({@link #clear()}, as
	 * after a module was created or deleted): specifiers found to resolve as before still
	 * do while it is the same, as far as the watcher has reported.
	 * @return the count
	 */
	public long resolutionGeneration() {
		return this.clears.get();
	}

	/**
	 * Load the compiler's native library and compile a small module, so that the first
	 * request is served at full speed.
	 */
	public void warmUp() {
		long start = System.nanoTime();
		this.compiler.warmUp();
		if (logger.isDebugEnabled()) {
			logger.debug("Warmed up the compiler in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

	/**
	 * Compile a sample component the way an edit compiles a module, without caching
	 * anything: run a few hundred times after start-up, while nothing else compiles, it
	 * lets the JIT compile an edit's path before the first edit.
	 * @param round the round, from 1
	 */
	public void rehearseEdit(int round) {
		this.compiler.rehearseEdit(round);
	}

	/**
	 * Return how long ago a module was last asked for: served, analysed or compiled.
	 * @return the time since, in nanoseconds
	 */
	public long nanosSinceLastAsked() {
		return System.nanoTime() - this.lastAskedNanos;
	}

	/**
	 * Run several calls of this service on one compile thread, so that they do not each
	 * hand over to one: the compiles of one update, for example.
	 * @param <T> the result type
	 * @param path the module the calls are for, named by a problem if they take longer
	 * than the compile timeout
	 * @param calls the calls
	 * @return what the calls returned
	 * @throws CompileProblemException if a call threw one, or the calls took longer than
	 * the timeout
	 */
	public <T> T onCompileThread(String path, Callable<T> calls) {
		return this.compiler.onCompileThread(path, calls);
	}

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What was last written of a module for the browsers.
	 *
	 * @param sourceHash the hash of the source it was written from
	 * @param imports the modules it imports
	 */
	private record Delivered(byte[] sourceHash, List<ModuleImport> imports) {

	}

	/**
	 * A cached analysis.
	 *
	 * @param sourceHash the hash of the source it was made from
	 * @param module the analysis
	 * @param written the code last written from it, if any
	 * @param linkedAt the generation its links were last found good at, or -1
	 */
	private record Entry(byte[] sourceHash, AnalyzedModule module, @Nullable CompiledModule written, long linkedAt) {

		Entry linked(long generation) {
			return new Entry(this.sourceHash, this.module, this.written, generation);
		}

	}

}
