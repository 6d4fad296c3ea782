package io.velocity.hmr.registry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ObservedModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PageBundler} under a class loader of the application's own, as
 * DevTools' restart loader is: every module of a bundled graph is read through the
 * requesting thread's context class loader, also those compiled in parallel on other
 * threads (modules of jars are read through it).
 */
class PageBundlerClassLoaderTests {

	@TempDir
	Path root;

	@Test
	void everyModuleOfTheGraphIsReadThroughTheRequestsClassLoader() throws Exception {
		StringBuilder main = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			write("Part" + i + ".ts", "export const part" + i + " = " + i + ";\n");
			main.append("import { part").append(i).append(" } from './Part").append(i).append("';\n");
			// Used, or TypeScript leaves the import out.
			main.append("console.log(part").append(i).append(");\n");
		}
		write("main.ts", main.toString());
		Set<ClassLoader> readers = ConcurrentHashMap.newKeySet();
		ModuleSources files = new FileSystemModuleSources(List.of(this.root));
		ModuleSources recording = ObservedModuleSources.beforeEachFind(files,
				(path) -> readers.add(Thread.currentThread().getContextClassLoader()));
		ModuleUrls urls = new ModuleUrls("/frontend");
		PageBundler bundler = new PageBundler(
				new CompileService(recording, new ModuleCompiler(recording, urls, CompileMode.HOT)), urls, null,
				new RegistryWriter());
		try (URLClassLoader restartLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
			AtomicReference<Object> outcome = new AtomicReference<>();
			Thread request = new Thread(() -> {
				try {
					outcome.set(bundler.collect("/frontend/main.ts").modules().size());
				}
				catch (RuntimeException ex) {
					outcome.set(ex);
				}
			});
			request.setContextClassLoader(restartLoader);
			request.start();
			request.join();
			assertThat(outcome.get()).isEqualTo(17);
			assertThat(readers).containsExactly(restartLoader);
		}
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content, StandardCharsets.UTF_8);
	}

}
