package io.velocity.hmr.production;

import java.util.regex.Pattern;

/**
 * The tags of a page that name the front end's entries: module scripts
 * ({@code <script type="module" src>}) and style sheets ({@code <link rel="stylesheet"
 * href>}). One definition for the build, which finds the entries in the pages, and for
 * production serving, which points the same tags at the built files.
 */
public final class PageTags {

	/** An opening {@code <script>} tag. */
	public static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	/** A {@code <link>} tag. */
	public static final Pattern LINK = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	/** In a script tag: {@code type="module"}, quoted or not. */
	public static final Pattern MODULE_TYPE = Pattern.compile("\\btype\\s*=\\s*[\"']?module[\"'\\s>/]",
			Pattern.CASE_INSENSITIVE);

	/** In a link tag: {@code rel="stylesheet"}, quoted or not. */
	public static final Pattern STYLESHEET = Pattern.compile("\\brel\\s*=\\s*[\"']?stylesheet[\"'\\s>/]",
			Pattern.CASE_INSENSITIVE);

	private PageTags() {
	}

}
