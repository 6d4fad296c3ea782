package io.velocity.hmr.compile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.velocity.hmr.source.ModuleSource;

/**
 * Decodes module sources and converts between the code point positions swc reports and
 * Java string indexes.
 */
final class SourceText {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private SourceText() {
	}

	/**
	 * Decode the content of a module as strict UTF-8, dropping a leading byte order mark.
	 * @param source the module
	 * @return the text
	 * @throws CompileProblemException if the content is not valid UTF-8
	 */
	static String decode(ModuleSource source) {
		byte[] content = source.content();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(content.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new CompileProblemException(CompileProblems.notUtf8(source.path(), content, in.position()));
		}
		decoder.flush(out);
		String text = out.flip().toString();
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

	/**
	 * Return the string index of a code point offset, as found in swc spans.
	 * @param text the text
	 * @param codePointOffset the offset in code points
	 * @return the index in UTF-16 units, clamped to the text
	 */
	static int index(String text, int codePointOffset) {
		if (codePointOffset <= 0) {
			return 0;
		}
		int count = Math.min(codePointOffset, text.codePointCount(0, text.length()));
		return text.offsetByCodePoints(0, count);
	}

}
