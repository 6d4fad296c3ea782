package io.velocity.hmr.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.velocity.hmr.production.PageTags;
import io.velocity.hmr.web.HtmlTransform;
import org.jspecify.annotations.Nullable;

/**
 * Points a page's module scripts that name application modules at their bundle:
 * {@code <script type="module" src="/frontend/main.tsx">} becomes
 * {@code src="/__velocity/bundle?entry=%2Ffrontend%2Fmain.tsx"}; then the page is changed
 * as in development without bundling (the client script), but with no preload hints,
 * which would fetch every module of the graph one by one; the modules the bundle imports
 * natively are preloaded instead ({@link ClientPreloads}).
 */
public final class BundleEntryTags implements HtmlTransform {

	private static final Pattern SRC = Pattern.compile("(\\bsrc\\s*=\\s*)([\"'])([^\"']*)\\2",
			Pattern.CASE_INSENSITIVE);

	private final String prefix;

	private final HtmlTransform then;

	private final ClientPreloads preloads = new ClientPreloads();

	private final @Nullable PageBundler bundler;

	/**
	 * Create a new instance.
	 * @param prefix the URL prefix of application modules, such as {@code /frontend}
	 * @param then what to do to the page afterwards
	 */
	public BundleEntryTags(String prefix, HtmlTransform then) {
		this(prefix, then, null);
	}

	/**
	 * Create a new instance that starts collecting each entry's bundle as soon as a page
	 * names it ({@link PageBundler#prefetch}), so that the bundle's work overlaps the
	 * page's delivery.
	 * @param prefix the URL prefix of application modules, such as {@code /frontend}
	 * @param then what to do to the page afterwards
	 * @param bundler collects the bundles, or {@code null}
	 */
	public BundleEntryTags(String prefix, HtmlTransform then, @Nullable PageBundler bundler) {
		this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
		this.then = then;
		this.bundler = bundler;
	}

	@Override
	public String transform(String html, @Nullable String nonce) {
		Matcher script = PageTags.SCRIPT.matcher(html);
		StringBuilder result = new StringBuilder(html.length() + 64);
		boolean preloaded = false;
		while (script.find()) {
			String tag = script.group();
			Matcher src = SRC.matcher(tag);
			if (PageTags.MODULE_TYPE.matcher(tag).find() && src.find() && src.group(3).startsWith(this.prefix)) {
				if (this.bundler != null) {
					this.bundler.prefetch(src.group(3));
				}
				tag = tag.substring(0, src.start()) + src.group(1) + src.group(2) + BundleText.url(src.group(3), "")
						+ src.group(2) + tag.substring(src.end());
				if (!preloaded) {
					tag = this.preloads.tags(nonce) + tag;
					preloaded = true;
				}
			}
			script.appendReplacement(result, Matcher.quoteReplacement(tag));
		}
		script.appendTail(result);
		return this.then.transform(result.toString(), nonce);
	}

	@Override
	public @Nullable String cacheControl() {
		return this.then.cacheControl();
	}

}
