package io.velocity.hmr.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The npm packages in jars on the classpath, found once by reading two kinds of small
 * resource, never by opening every jar's entries: {@code META-INF/importmap.json} of each
 * mvnpm jar, whose folder mappings ({@code "lit/": "/_static/lit/3.3.1/"}) name the
 * package and its directory, and the {@code package.json} of each WebJar at
 * {@code META-INF/resources/webjars/<name>/<version>/}. mvnpm jars come first, so a
 * package in both, at the same version, is taken from mvnpm.
 */
public final class ClasspathPackageIndex {

	private static final Log logger = LogFactory.getLog(ClasspathPackageIndex.class);

	private static final String IMPORT_MAP = "META-INF/importmap.json";

	private static final String STATIC_PREFIX = "/_static/";

	private static final String WEBJAR_MANIFESTS = "classpath*:META-INF/resources/webjars/*/*/package.json";

	private final Supplier<Map<String, List<NpmPackage>>> scan;

	private volatile @Nullable Map<String, List<NpmPackage>> packages;

	private ClasspathPackageIndex(Supplier<Map<String, List<NpmPackage>>> scan) {
		this.scan = scan;
	}

	/**
	 * An index of no packages.
	 * @return the index
	 */
	public static ClasspathPackageIndex empty() {
		return new ClasspathPackageIndex(Map::of);
	}

	/**
	 * Find the packages on a class loader's classpath now.
	 * @param classLoader the class loader
	 * @return the index
	 */
	public static ClasspathPackageIndex scan(ClassLoader classLoader) {
		ClasspathPackageIndex index = lazy(classLoader);
		index.packages();
		return index;
	}

	/**
	 * An index of the packages on a class loader's classpath, found when first asked:
	 * start-up pays nothing, and an application that imports no package never looks.
	 * @param classLoader the class loader
	 * @return the index
	 */
	public static ClasspathPackageIndex lazy(ClassLoader classLoader) {
		return new ClasspathPackageIndex(() -> find(classLoader));
	}

	private Map<String, List<NpmPackage>> packages() {
		Map<String, List<NpmPackage>> packages = this.packages;
		if (packages == null) {
			synchronized (this) {
				packages = this.packages;
				if (packages == null) {
					packages = this.scan.get();
					this.packages = packages;
				}
			}
		}
		return packages;
	}

	private static Map<String, List<NpmPackage>> find(ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Map<String, List<NpmPackage>> packages = new LinkedHashMap<>();
		try {
			for (Resource importMap : resolver.getResources("classpath*:" + IMPORT_MAP)) {
				addMvnpm(importMap, resolver, packages);
			}
			for (Resource manifest : resolver.getResources(WEBJAR_MANIFESTS)) {
				addWebJar(manifest, resolver, packages);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list the npm packages on the classpath", ex);
		}
		packages.replaceAll((name, found) -> List.copyOf(found));
		return Map.copyOf(packages);
	}

	/**
	 * The packages of a name, one per version (two versions are a conflict for the caller
	 * to report), mvnpm first.
	 * @param name the package name
	 * @return the packages, empty when there is none
	 */
	public List<NpmPackage> find(String name) {
		return packages().getOrDefault(name, List.of());
	}

	/**
	 * Every package found.
	 * @return the packages
	 */
	public Collection<NpmPackage> all() {
		return packages().values().stream().flatMap(List::stream).toList();
	}

	private static void addMvnpm(Resource importMap, PathMatchingResourcePatternResolver resolver,
			Map<String, List<NpmPackage>> packages) throws IOException {
		String url = importMap.getURL().toString();
		String jarRoot = url.substring(0, url.length() - IMPORT_MAP.length());
		JsonNode imports = readJson(importMap).path("imports");
		for (Map.Entry<String, JsonNode> entry : imports.properties()) {
			String key = entry.getKey();
			String target = entry.getValue().isString() ? entry.getValue().stringValue() : "";
			if (!key.endsWith("/") || !target.startsWith(STATIC_PREFIX) || !target.endsWith("/")) {
				continue;
			}
			String name = key.substring(0, key.length() - 1);
			String directory = target.substring(0, target.length() - 1);
			String version = directory.substring(directory.lastIndexOf('/') + 1);
			String base = jarRoot + "META-INF/resources" + target;
			ClasspathPackageFiles files = new ClasspathPackageFiles(base, resolver);
			PackageManifest manifest = manifest(resolver.getResource(base + "package.json"), name, version,
					mainEntry(imports, name, target));
			add(packages, new NpmPackage(name, version, PackageOrigin.MVNPM, files, manifest));
		}
	}

	private static void addWebJar(Resource manifestResource, PathMatchingResourcePatternResolver resolver,
			Map<String, List<NpmPackage>> packages) throws IOException {
		String url = manifestResource.getURL().toString();
		String base = url.substring(0, url.length() - "package.json".length());
		String[] segments = base.split("/");
		String version = segments[segments.length - 1];
		PackageManifest manifest;
		try (InputStream input = manifestResource.getInputStream()) {
			manifest = PackageManifest.parse(input.readAllBytes(), url);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Velocity HMR skips a WebJar: " + ex.getMessage());
			return;
		}
		String name = (manifest.name() != null) ? manifest.name() : segments[segments.length - 2];
		add(packages, new NpmPackage(name, version, PackageOrigin.WEBJAR, new ClasspathPackageFiles(base, resolver),
				manifest));
	}

	// Read straight from its URL: listing the jar's files waits for the first use.
	private static PackageManifest manifest(Resource resource, String name, String version, @Nullable String main)
			throws IOException {
		if (resource.exists()) {
			try (InputStream input = resource.getInputStream()) {
				return PackageManifest.parse(input.readAllBytes(), resource.getURL().toString());
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Velocity HMR ignores a package.json: " + ex.getMessage());
			}
		}
		return PackageManifest.of(name, version, main);
	}

	// The import map's plain entry ("lit": "/_static/lit/3.3.1/index.js") names the main
	// module of a jar without a package.json.
	private static @Nullable String mainEntry(JsonNode imports, String name, String directory) {
		JsonNode main = imports.get(name);
		if (main != null && main.isString() && main.stringValue().startsWith(directory)) {
			return "./" + main.stringValue().substring(directory.length());
		}
		return null;
	}

	private static void add(Map<String, List<NpmPackage>> packages, NpmPackage pkg) {
		List<NpmPackage> found = packages.computeIfAbsent(pkg.name(), (name) -> new ArrayList<>());
		if (found.stream().noneMatch((other) -> other.version().equals(pkg.version()))) {
			found.add(pkg);
		}
	}

	private static JsonNode readJson(Resource resource) throws IOException {
		try (InputStream input = resource.getInputStream()) {
			return Json.mapper.readTree(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			logger.warn("Velocity HMR ignores " + resource + ": " + ex.getOriginalMessage());
			return Json.mapper.createObjectNode();
		}
	}

	/**
	 * Made when the index is first read (the first bare import), not as the application
	 * starts.
	 */
	private static final class Json {

		static final JsonMapper mapper = JsonMapper.builder().build();

	}

}
