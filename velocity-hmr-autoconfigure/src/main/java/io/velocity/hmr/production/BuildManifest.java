package io.velocity.hmr.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * What the production build wrote, read by the server: per entry (a module script or
 * style sheet that pages load by its source URL) the fingerprinted file that stands for
 * it, the chunks it imports statically (preloaded with it), its style sheets and its lazy
 * chunks; every file written, with its precompressed variants; and the import map of the
 * bare specifiers left to the browser, if any. Written as JSON to {@value #LOCATION} on
 * the classpath: <pre class="code">
 * {
 *   "version": 1,
 *   "entries": {
 *     "/frontend/main.tsx": {
 *       "file": "/__velocity/build/main-5HC6DWTV.js",
 *       "imports": ["/__velocity/build/chunks/chunk-QJ2AMKPG.js"],
 *       "css": ["/__velocity/build/main-HXQ3LNBB.css"],
 *       "dynamicImports": ["/__velocity/build/chunks/Details-7ZLMPYTB.js"]
 *     }
 *   },
 *   "files": { "/__velocity/build/main-5HC6DWTV.js": { "encodings": ["br", "gzip"] } },
 *   "importMap": { "imports": {} }
 * }
 * </pre>
 *
 * @param version the format's version, {@value #VERSION}
 * @param entries the entries by source URL
 * @param files the files written by URL
 * @param importMap the import map, with its {@code imports}
 */
public record BuildManifest(int version, Map<String, Entry> entries, Map<String, File> files,
		Map<String, Map<String, String>> importMap) {

	/**
	 * Where the manifest is on the classpath.
	 */
	public static final String LOCATION = "velocity-build/manifest.json";

	/**
	 * The classpath directory the files are in, by their URL below {@link #URL_PREFIX}.
	 */
	public static final String FILES_LOCATION = "velocity-build/files/";

	/**
	 * The URL path the files are served under.
	 */
	public static final String URL_PREFIX = "/__velocity/build/";

	/**
	 * The format this code reads and writes.
	 */
	public static final int VERSION = 1;

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	public BuildManifest {
		Assert.notNull(entries, "'entries' must not be null");
		Assert.notNull(files, "'files' must not be null");
		entries = Map.copyOf(entries);
		files = Map.copyOf(files);
		importMap = (importMap != null) ? Map.copyOf(importMap) : Map.of("imports", Map.of());
	}

	/**
	 * Return the entry a source URL names.
	 * @param sourceUrl a URL such as {@code /frontend/main.tsx}
	 * @return the entry, if the build made one
	 */
	public Optional<Entry> entry(String sourceUrl) {
		return Optional.ofNullable(this.entries.get(sourceUrl));
	}

	/**
	 * Return the imports of the import map, by bare specifier.
	 * @return the imports, empty when the build bundled every package
	 */
	public Map<String, String> imports() {
		return this.importMap.getOrDefault("imports", Map.of());
	}

	/**
	 * Read a manifest.
	 * @param input the JSON
	 * @return the manifest
	 * @throws IOException if it cannot be read or is not a manifest of this version
	 */
	public static BuildManifest read(InputStream input) throws IOException {
		BuildManifest manifest;
		try {
			manifest = mapper.readValue(input, BuildManifest.class);
		}
		catch (JacksonException ex) {
			throw new IOException("Not a Velocity build manifest: " + ex.getOriginalMessage(), ex);
		}
		if (manifest.version() != VERSION) {
			throw new IOException("The Velocity build manifest has version " + manifest.version() + ", this "
					+ "Velocity HMR reads version " + VERSION + ": build the front end with the matching plugin");
		}
		return manifest;
	}

	/**
	 * Write this manifest as JSON.
	 * @param output where to
	 * @throws IOException if it cannot be written
	 */
	public void write(OutputStream output) throws IOException {
		try {
			mapper.writeValue(output,
					new Sorted(this.version, new TreeMap<>(this.entries), new TreeMap<>(this.files), this.importMap));
		}
		catch (JacksonException ex) {
			throw new IOException("Failed to write the Velocity build manifest", ex);
		}
	}

	/**
	 * What stands for one entry.
	 *
	 * @param file the URL of the fingerprinted file
	 * @param imports the chunks it imports statically, transitively: preloaded with it
	 * @param css the style sheets that go with it
	 * @param dynamicImports the chunks it loads on demand
	 */
	public record Entry(String file, List<String> imports, List<String> css, List<String> dynamicImports) {

		public Entry {
			Assert.hasText(file, "'file' must not be empty");
			imports = (imports != null) ? List.copyOf(imports) : List.of();
			css = (css != null) ? List.copyOf(css) : List.of();
			dynamicImports = (dynamicImports != null) ? List.copyOf(dynamicImports) : List.of();
		}

	}

	/**
	 * A file the build wrote.
	 *
	 * @param encodings the precompressed variants next to it ({@code br}, {@code gzip}),
	 * in the order to prefer them
	 */
	public record File(List<String> encodings) {

		public File {
			encodings = (encodings != null) ? List.copyOf(encodings) : List.of();
		}

	}

	// Sorted keys make the manifest the same for the same build.
	private record Sorted(int version, Map<String, Entry> entries, Map<String, File> files,
			@Nullable Map<String, Map<String, String>> importMap) {
	}

	/**
	 * Return an import map of the given imports.
	 * @param imports the URL of each bare specifier
	 * @return the map, as {@link #importMap()} holds it
	 */
	public static Map<String, Map<String, String>> importMap(Map<String, String> imports) {
		Map<String, Map<String, String>> map = new LinkedHashMap<>();
		map.put("imports", new TreeMap<>(imports));
		return map;
	}

}
