package io.velocity.hmr.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.source.ModuleUrls;

import org.springframework.util.Assert;

/**
 * The {@code <link rel="modulepreload">} hints for a page: every module reachable through
 * static imports from the page's module scripts under the module URL prefix. Without them
 * the browser discovers the graph one level at a time, a request waterfall as deep as the
 * graph; with them it fetches the whole graph at once. The modules are compiled on demand
 * (from the compile service's cache once warm), and each hint names the URL exactly as
 * its importer writes it, so that the preloaded module is the one the page imports.
 * <p>
 * Hints pay where the graph is narrow: each level of a deep, narrow graph costs the
 * browser a round trip to discover. Where it is wide they cost: one level of a few dozen
 * modules keeps the browser's six connections per origin (HTTP/1.1) busy by itself, and a
 * page with a hint for each module of a wide graph of 1,000 loaded 20-50 % slower than
 * with none, while a chain of 100 loaded a third faster with hints (docs/performance.md).
 * So the hints go level by level, nearest first, and stop before a level wider than
 * {@link #DEFAULT_MAX_LEVEL_WIDTH} modules, and at {@link #DEFAULT_LIMIT} in all; only
 * the levels hinted are compiled before the page is sent.
 */
public final class ModulePreloads {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern MODULE_TYPE = Pattern.compile("\\btype\\s*=\\s*[\"']?module[\"'\\s>]",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

	/**
	 * The default maximum number of hints per page.
	 */
	public static final int DEFAULT_LIMIT = 200;

	/**
	 * The default widest level of the graph hinted: four times the six connections a
	 * browser opens to an HTTP/1.1 origin.
	 */
	public static final int DEFAULT_MAX_LEVEL_WIDTH = 24;

	private final CompileService compileService;

	private final ModuleUrls urls;

	private final ModuleGraph graph;

	private final int limit;

	private final int maxLevelWidth;

	/**
	 * Create a new instance with the {@link #DEFAULT_LIMIT default limit}.
	 * @param compileService compiles the modules to read their imports
	 * @param urls the module URL mapping
	 * @param graph the module graph: its versions are those the page imports, and it is
	 * told which modules pages load themselves
	 */
	public ModulePreloads(CompileService compileService, ModuleUrls urls, ModuleGraph graph) {
		this(compileService, urls, graph, DEFAULT_LIMIT);
	}

	/**
	 * Create a new instance.
	 * @param compileService compiles the modules to read their imports
	 * @param urls the module URL mapping
	 * @param graph the module graph
	 * @param limit the maximum number of hints per page
	 */
	public ModulePreloads(CompileService compileService, ModuleUrls urls, ModuleGraph graph, int limit) {
		this(compileService, urls, graph, limit, DEFAULT_MAX_LEVEL_WIDTH);
	}

	/**
	 * Create a new instance.
	 * @param compileService compiles the modules to read their imports
	 * @param urls the module URL mapping
	 * @param graph the module graph
	 * @param limit the maximum number of hints per page
	 * @param maxLevelWidth the widest level of the import graph hinted: the hints stop
	 * before a wider one
	 */
	public ModulePreloads(CompileService compileService, ModuleUrls urls, ModuleGraph graph, int limit,
			int maxLevelWidth) {
		Assert.isTrue(limit >= 0, "'limit' must not be negative");
		Assert.isTrue(maxLevelWidth > 0, "'maxLevelWidth' must be positive");
		this.compileService = compileService;
		this.urls = urls;
		this.graph = graph;
		this.limit = limit;
		this.maxLevelWidth = maxLevelWidth;
	}

	/**
	 * Return the hint tags for a document.
	 * @param html the document
	 * @param nonce the CSP nonce to put on the tags, or {@code null}
	 * @return the tags, or an empty string
	 */
	String tags(String html, @Nullable String nonce) {
		String nonceAttribute = (nonce != null) ? " nonce=\"" + nonce + "\"" : "";
		StringBuilder tags = new StringBuilder();
		for (String url : urls(html)) {
			tags.append("<link rel=\"modulepreload\" href=\"")
				.append(url)
				.append('"')
				.append(nonceAttribute)
				.append('>');
		}
		return tags.toString();
	}

	/**
	 * Return the URLs to preload for a document, level by level from its entries, at most
	 * the limit, and none of a level wider than the widest hinted.
	 * @param html the document
	 * @return the URLs, the entries themselves excluded
	 */
	List<String> urls(String html) {
		List<String> entries = entries(html);
		// An update that reaches a page's own module reloads the page, even in an import
		// cycle.
		this.graph.markEntries(entries.stream().map(ModuleVersions::withoutQuery).toList());
		Set<String> seen = new LinkedHashSet<>(entries);
		List<String> preloads = new ArrayList<>();
		List<String> level = entries;
		while (!level.isEmpty() && preloads.size() < this.limit) {
			List<String> next = new ArrayList<>();
			for (String url : level) {
				compiled(url).ifPresent((module) -> {
					List<String> written = module.writtenImportUrls();
					for (int i = 0; i < written.size(); i++) {
						boolean dynamic = i < module.imports().size() && module.imports().get(i).dynamic();
						String imported = written.get(i);
						if (!dynamic && imported.startsWith("/") && !imported.startsWith("//") && seen.add(imported)) {
							next.add(imported);
						}
					}
				});
			}
			if (next.size() > this.maxLevelWidth) {
				// The browser finds this level itself soon enough: it keeps every
				// connection busy.
				break;
			}
			preloads.addAll(next.subList(0, Math.min(next.size(), this.limit - preloads.size())));
			level = next;
		}
		return preloads;
	}

	private List<String> entries(String html) {
		List<String> entries = new ArrayList<>();
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			String tag = script.group();
			Matcher src = SRC.matcher(tag);
			if (MODULE_TYPE.matcher(tag).find() && src.find()
					&& this.urls.toPath(ModuleVersions.withoutQuery(src.group(1))).isPresent()) {
				entries.add(src.group(1));
			}
		}
		return entries;
	}

	private Optional<CompiledModule> compiled(String url) {
		Optional<String> path = this.urls.toPath(ModuleVersions.withoutQuery(url));
		if (path.isEmpty()) {
			// The runtime and the client modules: preloaded, but their imports are not
			// known here.
			return Optional.empty();
		}
		try {
			return this.compileService.compile(path.get(), this.graph.versions());
		}
		catch (CompileProblemException ex) {
			// The browser requests the module anyway and shows the problem then.
			return Optional.empty();
		}
	}

}
