package io.velocity.hmr.compile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.velocity.hmr.source.ModulePaths;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.Assert;

/**
 * The front door for compiled modules, used to serve them and to push updates. Results
 * are cached per module by the hash of its source, so asking again for an unchanged
 * module costs a read of the file and a map lookup. Problems are not cached.
 * <p>
 * The compiler's import URL customizer is asked again on every {@link #compile(String)}
 * for the module's import URLs: when any comes back different (a version query that
 * changed, say), the served code is written again from the cached transpile output, which
 * costs string copying but no transpile. So the code always carries the current
 * customizations without importers having to be evicted.
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
	 * Return the compiled module at the given path. A style sheet ({@code .css}) comes as
	 * the module that an import of it loads, which injects it into the page (see
	 * {@link ModuleCompiler#isStyleSheet(String)}); it is cheap to write, so it is not
	 * cached.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return the module, or empty when there is no such script module or style sheet
	 * @throws CompileProblemException if the module cannot be compiled
	 */
	public Optional<CompiledModule> compile(String path) {
		Optional<String> safePath = ModulePaths.safe(path)
			.filter((candidate) -> ModuleCompiler.isCompilable(candidate) || ModuleCompiler.isStyleSheet(candidate));
		if (safePath.isEmpty()) {
			return Optional.empty();
		}
		Optional<ModuleSource> source = this.sources.find(safePath.get());
		if (source.isEmpty()) {
			this.cache.remove(safePath.get());
			return Optional.empty();
		}
		return Optional.of(compile(source.get()));
	}

	private CompiledModule compile(ModuleSource source) {
		if (ModuleCompiler.isStyleSheet(source.path())) {
			return this.compiler.compile(source);
		}
		byte[] sourceHash = sha256(source.content());
		Entry cached = this.cache.get(source.path());
		if (cached != null && Arrays.equals(cached.sourceHash(), sourceHash)) {
			return current(source.path(), cached);
		}
		long start = System.nanoTime();
		try {
			ModuleAnalysis analysis = this.compiler.analyze(source);
			CompiledModule module = this.compiler.emit(analysis);
			this.cache.put(source.path(), new Entry(sourceHash, analysis, module));
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

	private CompiledModule current(String path, Entry cached) {
		if (this.compiler.writtenImportUrls(cached.analysis()).equals(cached.module().writtenImportUrls())) {
			return cached.module();
		}
		CompiledModule module = this.compiler.emit(cached.analysis());
		// Only replaces the entry it was made from: a newer compile wins.
		this.cache.replace(path, cached, new Entry(cached.sourceHash(), cached.analysis(), module));
		if (logger.isDebugEnabled()) {
			logger.debug("Rewrote the import URLs of " + path);
		}
		return module;
	}

	/**
	 * Forget the compiled form of one module, for example after it changed.
	 * @param path the module path
	 */
	public void evict(String path) {
		ModulePaths.safe(path).ifPresent(this.cache::remove);
	}

	/**
	 * Forget every compiled module, for example after a module was created or deleted,
	 * which can change how imports elsewhere resolve.
	 */
	public void clear() {
		this.cache.clear();
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

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Entry(byte[] sourceHash, ModuleAnalysis analysis, CompiledModule module) {
	}

}
