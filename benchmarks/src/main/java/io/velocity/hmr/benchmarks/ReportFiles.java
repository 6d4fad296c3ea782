package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a report goes: its files under {@code benchmarks/target}, and its section of
 * {@code docs/performance.md}, between the markers {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, which the text around them keeps.
 */
final class ReportFiles {

	private ReportFiles() {
	}

	/**
	 * Write a file of the report under {@code benchmarks/target}.
	 * @param repository the repository root
	 * @param fileName the file's name
	 * @param content what to write: text as it is, anything else as indented JSON
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	static Path writeTarget(Path repository, String fileName, Object content) throws IOException {
		Path file = repository.resolve("benchmarks/target").resolve(fileName);
		Files.createDirectories(file.getParent());
		String text = (content instanceof CharSequence chars) ? chars.toString()
				: JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(content);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * Replace a section of {@code docs/performance.md}; a document without the section's
	 * markers is left as it is.
	 * @param repository the repository root
	 * @param section the section's name in its markers, such as {@code dom}
	 * @param markdown the new content
	 * @return the document
	 * @throws IOException if it cannot be read or written
	 */
	static Path replaceSection(Path repository, String section, CharSequence markdown) throws IOException {
		Path doc = repository.resolve("docs/performance.md");
		String startMarker = "<!-- " + section + ":start -->";
		String text = Files.exists(doc) ? Files.readString(doc)
				: "# Performance\n\n" + startMarker + "\n<!-- " + section + ":end -->\n";
		int start = text.indexOf(startMarker);
		int end = text.indexOf("<!-- " + section + ":end -->");
		if (start >= 0 && end > start) {
			Files.writeString(doc,
					text.substring(0, start + startMarker.length()) + "\n" + markdown + text.substring(end),
					StandardCharsets.UTF_8);
		}
		return doc;
	}

}
