package io.velocity.hmr.resolve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Resolves bare specifiers ({@code lit}, {@code date-fns/format},
 * {@code @lit/reactive-element}) to files of packages, looking in this order: mvnpm jars
 * and WebJars on the classpath ({@link ClasspathPackageIndex}), then {@code node_modules}
 * from the importing file's directory up ({@link NodeModules}). Inside a package,
 * {@link PackageEntries} picks the file. Every package resolved to is remembered by its
 * {@link NpmPackage#id() id}, and only those are served.
 * <p>
 * Safe for concurrent use.
 */
public final class PackageResolver {

	private final ClasspathPackageIndex classpath;

	private final @Nullable NodeModules nodeModules;

	private final ConcurrentMap<String, NpmPackage> resolved = new ConcurrentHashMap<>();

	/**
	 * Create a new instance that also looks in {@code node_modules}.
	 * @param classpath the packages on the classpath
	 */
	public PackageResolver(ClasspathPackageIndex classpath) {
		this(classpath, true);
	}

	/**
	 * Create a new instance.
	 * @param classpath the packages on the classpath
	 * @param nodeModules whether to look in {@code node_modules} directories too
	 */
	public PackageResolver(ClasspathPackageIndex classpath, boolean nodeModules) {
		Assert.notNull(classpath, "'classpath' must not be null");
		this.classpath = classpath;
		this.nodeModules = nodeModules ? new NodeModules() : null;
	}

	/**
	 * Resolve a bare specifier of an application module.
	 * @param specifier the specifier, such as {@code date-fns/format}
	 * @param directory the importing file's directory on disk, where {@code node_modules}
	 * are looked for, or {@code null} when it is not on disk
	 * @return the file
	 * @throws PackageResolutionException if it names no file of a package
	 */
	public PackageFile resolve(String specifier, @Nullable Path directory) throws PackageResolutionException {
		BareSpecifier bare = BareSpecifier.parse(specifier);
		NpmPackage pkg = find(bare, directory, null);
		return PackageEntries.resolve(pkg, bare.subpath());
	}

	/**
	 * Resolve a specifier of a package's module: relative to it, {@code #name} from its
	 * {@code imports}, or bare.
	 * @param specifier the specifier
	 * @param importer the importing file
	 * @return the file
	 * @throws PackageResolutionException if it names no file of a package
	 */
	public PackageFile resolve(String specifier, PackageFile importer) throws PackageResolutionException {
		if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".")) {
			return PackageEntries.relative(importer, specifier);
		}
		if (specifier.startsWith("#")) {
			return PackageEntries.imported(importer, specifier);
		}
		BareSpecifier bare = BareSpecifier.parse(specifier);
		if (bare.name().equals(importer.pkg().name())) {
			// A package may import itself by name, through its own exports.
			return PackageEntries.resolve(importer.pkg(), bare.subpath());
		}
		Path directory = (importer.pkg().files() instanceof DirectoryPackageFiles files)
				? files.root().resolve(importer.path()).getParent() : null;
		NpmPackage pkg = find(bare, directory, importer);
		return PackageEntries.resolve(pkg, bare.subpath());
	}

	/**
	 * Return a package that a specifier was resolved to, or that is on the classpath.
	 * @param id the package's id, {@code name@version}
	 * @return the package, or empty when no such package was found
	 */
	public Optional<NpmPackage> find(String id) {
		NpmPackage found = this.resolved.get(id);
		if (found != null) {
			return Optional.of(found);
		}
		int version = id.lastIndexOf('@');
		return (version > 0) ? this.classpath.find(id.substring(0, version))
			.stream()
			.filter((pkg) -> pkg.id().equals(id))
			.findFirst() : Optional.empty();
	}

	private NpmPackage find(BareSpecifier bare, @Nullable Path directory, @Nullable PackageFile importer)
			throws PackageResolutionException {
		String name = bare.name();
		List<NpmPackage> onClasspath = this.classpath.find(name);
		if (onClasspath.size() > 1) {
			throw new PackageResolutionException("package '" + name + "' is on the classpath in " + onClasspath.size()
					+ " versions: " + onClasspath.stream().map(NpmPackage::describe).collect(Collectors.joining(", "))
					+ "; keep one (mvn dependency:tree shows which dependency brings each)");
		}
		if (onClasspath.size() == 1) {
			return onClasspath.get(0);
		}
		List<Path> searched = new ArrayList<>();
		if (directory != null && this.nodeModules != null) {
			try {
				Optional<NpmPackage> found = this.nodeModules.find(name, directory, searched);
				if (found.isPresent()) {
					this.resolved.putIfAbsent(found.get().id(), found.get());
					return this.resolved.get(found.get().id());
				}
			}
			catch (IllegalArgumentException ex) {
				throw new PackageResolutionException(ex.getMessage());
			}
		}
		if (BareSpecifier.isNodeBuiltIn(name)) {
			throw BareSpecifier.nodeOnly(name, importer);
		}
		throw new PackageResolutionException(notFound(name, searched, importer));
	}

	private static String notFound(String name, List<Path> searched, @Nullable PackageFile importer) {
		StringBuilder message = new StringBuilder();
		message.append("package '").append(name).append("' was not found");
		if (importer != null) {
			message.append(" (imported by ").append(importer).append(')');
		}
		message.append(": no mvnpm jar (META-INF/importmap.json) or WebJar (META-INF/resources/webjars/) on the ")
			.append("classpath has it");
		if (!searched.isEmpty()) {
			message.append(", nor ").append(NodeModules.describe(searched));
		}
		message.append(". Add the Maven dependency ")
			.append(BareSpecifier.mvnpmCoordinates(name))
			.append(" or ")
			.append(BareSpecifier.webJarCoordinates(name));
		return message.toString();
	}

}
