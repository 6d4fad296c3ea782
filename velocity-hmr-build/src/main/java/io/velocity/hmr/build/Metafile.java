package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.velocity.hmr.production.BuildManifest;
import io.velocity.hmr.production.BuildManifest.Entry;

/**
 * What esbuild wrote, read from its metafile: for each output its URL, the entry it
 * stands for, its static and dynamic imports and the style sheet bundled for it. From
 * these each entry gets what the manifest says of it: its file, the chunks to preload
 * (every chunk reachable through static imports), its style sheets and its lazy chunks.
 */
final class Metafile {

	private final Map<String, Output> outputs;

	private Metafile(Map<String, Output> outputs) {
		this.outputs = outputs;
	}

	/**
	 * Read a metafile.
	 * @param metafile the file
	 * @param workDirectory the directory esbuild ran in, which its paths are relative to
	 * @param outputDirectory where the files went, which is
	 * {@link BuildManifest#URL_PREFIX}
	 * @return the outputs
	 * @throws IOException if it cannot be read
	 */
	static Metafile read(Path metafile, Path workDirectory, Path outputDirectory) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(metafile));
		Map<String, Output> outputs = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> output : root.path("outputs").properties()) {
			String url = url(output.getKey(), workDirectory, outputDirectory);
			List<String> imports = new ArrayList<>();
			List<String> dynamicImports = new ArrayList<>();
			for (JsonNode imported : output.getValue().path("imports")) {
				if (imported.path("external").asBoolean(false)) {
					continue;
				}
				String target = url(imported.path("path").asString(), workDirectory, outputDirectory);
				String kind = imported.path("kind").asString();
				if (kind.equals("dynamic-import")) {
					dynamicImports.add(target);
				}
				else if (kind.equals("import-statement")) {
					imports.add(target);
				}
			}
			String entryPoint = output.getValue().path("entryPoint").asString(null);
			String cssBundle = output.getValue().path("cssBundle").asString(null);
			outputs.put(url,
					new Output(url, entryPoint,
							(cssBundle != null) ? url(cssBundle, workDirectory, outputDirectory) : null, imports,
							dynamicImports));
		}
		return new Metafile(outputs);
	}

	/**
	 * Return what stands for an entry.
	 * @param stagedEntry the entry's staged path, relative to the work directory, as it
	 * was given to esbuild
	 * @return the entry, if esbuild wrote one for it
	 */
	Optional<Entry> entry(String stagedEntry) {
		boolean styleSheet = stagedEntry.endsWith(".css");
		Output output = this.outputs.values()
			.stream()
			.filter((candidate) -> stagedEntry.equals(candidate.entryPoint())
					&& candidate.url().endsWith(".css") == styleSheet && !candidate.url().endsWith(".map"))
			.findFirst()
			.orElse(null);
		if (output == null) {
			return Optional.empty();
		}
		Set<String> chunks = new LinkedHashSet<>();
		Set<String> lazy = new LinkedHashSet<>();
		Deque<Output> queue = new ArrayDeque<>(List.of(output));
		while (!queue.isEmpty()) {
			Output next = queue.removeFirst();
			lazy.addAll(next.dynamicImports());
			for (String chunk : next.imports()) {
				if (chunks.add(chunk) && this.outputs.containsKey(chunk)) {
					queue.add(this.outputs.get(chunk));
				}
			}
		}
		lazy.removeAll(chunks);
		List<String> css = (output.cssBundle() != null) ? List.of(output.cssBundle()) : List.of();
		return Optional.of(new Entry(output.url(), List.copyOf(chunks), css, List.copyOf(lazy)));
	}

	private static String url(String path, Path workDirectory, Path outputDirectory) {
		Path file = workDirectory.resolve(path).normalize();
		return BuildManifest.URL_PREFIX + outputDirectory.relativize(file).toString().replace('\\', '/');
	}

	private record Output(String url, String entryPoint, String cssBundle, List<String> imports,
			List<String> dynamicImports) {
	}

}
