package io.velocity.hmr.compile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
		return analyze(path).map((module) -> emit(module, versions));
	}

	/**
	 * Return the analysed module at the given path: what it imports, exports and says
	 * about hot updates, ready to {@link #emit(AnalyzedModule, ModuleVersions) emit}.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return the module, or empty when there is no such script module or style sheet
	 * @throws CompileProblemException if the module cannot be compiled
	 */
	public Optional<AnalyzedModule> analyze(String path) {
		Optional<String> safePath = ModulePaths.safe(path).filter(ModuleKind::isCompiled);
		if (safePath.isEmpty()) {
			return Optional.empty();
		}
		Optional<ModuleSource> source = this.sources.find(safePath.get());
		if (source.isEmpty()) {
			this.cache.remove(safePath.get());
			return Optional.empty();
		}
		return Optional.of(analyze(source.get()));
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
			this.cache.put(source.path(), new Entry(sourceHash, module, null));
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
		@Nullable CompiledModule written = (cached != null && cached.module() == module) ? cached.written() : null;
		if (written != null && this.compiler.writtenImportUrls(module, versions).equals(written.writtenImportUrls())) {
			return written;
		}
		CompiledModule compiled = this.compiler.emit(module, versions);
		if (cached != null && cached.module() == module) {
			// Only replaces the entry it was made from: a newer analysis wins.
			this.cache.replace(module.path(), cached, new Entry(cached.sourceHash(), module, compiled));
		}
		return compiled;
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

	private record Entry(byte[] sourceHash, AnalyzedModule module, @Nullable CompiledModule written) {
	}

}
