package io.velocity.hmr.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * What may be served from the source roots at all, in every profile: modules (scripts and
 * style sheets) and assets of a declared type, never a dot-file or a file that holds
 * secrets. A source root is a directory of the project, and what a developer keeps there
 * ({@code .env}, {@code .git/}, a key, a Spring configuration file) would otherwise be
 * served to anyone who can reach the port, and, when the sources are packaged into the
 * jar, by the production application too.
 * <p>
 * Denied: any path with a segment that starts with {@code .} ({@code .env},
 * {@code .env.local}, {@code .git/config}, {@code .npmrc}); key and certificate stores
 * ({@code .pem .key .p12 .pfx .jks .keystore .crt .cer .der .csr}); {@code *.env};
 * configuration files ({@code .properties .yml .yaml}, such as Spring's
 * {@code application.properties}); SSH keys ({@code id_rsa}, {@code id_ed25519}, …).
 * Assets are served only with an extension of the declared types; the default types are
 * those of the web: images, fonts, media, JSON, text, WebAssembly, source maps.
 */
public final class ServedFiles {

	private static final Set<String> SECRET_EXTENSIONS = Set.of("pem", "key", "p12", "pfx", "jks", "keystore", "crt",
			"cer", "der", "csr", "env", "properties", "yml", "yaml");

	/**
	 * The asset extensions served by default.
	 */
	public static final Set<String> DEFAULT_ASSET_TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
			"ico", "bmp", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav", "m4a", "json",
			"txt", "csv", "wasm", "map", "html", "md", "pdf");

	/**
	 * Files served by default.
	 */
	public static final ServedFiles DEFAULT = new ServedFiles(DEFAULT_ASSET_TYPES);

	private static final Pattern SECRET_NAMES = Pattern.compile("id_(rsa|dsa|ecdsa|ed25519)(\\..*)?|htpasswd");

	private final Set<String> assetTypes;

	/**
	 * Create a new instance.
	 * @param assetTypes the extensions, without a dot, of the assets that are served
	 */
	public ServedFiles(Collection<String> assetTypes) {
		Assert.notNull(assetTypes, "'assetTypes' must not be null");
		this.assetTypes = assetTypes.stream()
			.map((type) -> type.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
			.filter((type) -> !SECRET_EXTENSIONS.contains(type))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether a file may be served: a module or an asset of a declared type that is not
	 * denied.
	 * @param path a safe module path
	 * @return whether it may be served
	 */
	public boolean isServable(String path) {
		if (isDenied(path)) {
			return false;
		}
		return ModuleKind.isCompiled(path) || this.assetTypes.contains(ModulePaths.extension(path));
	}

	/**
	 * Whether a path is a dot-file, lies in a dot-directory or names a file that holds
	 * secrets: never read for serving, whatever its type.
	 * @param path a module path
	 * @return whether it is denied
	 */
	public static boolean isDenied(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		for (String segment : path.split("/")) {
			if (segment.startsWith(".")) {
				return true;
			}
		}
		return SECRET_EXTENSIONS.contains(ModulePaths.extension(name)) || SECRET_NAMES.matcher(name).matches();
	}

}
