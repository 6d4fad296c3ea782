package io.velocity.hmr.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;

/**
 * What a page wrote to its console and the errors it did not catch, collected from the
 * moment the log is attached, so that tests can assert on them and failures can show
 * them.
 *
 * @author Velocity HMR
 */
public final class ConsoleLog {

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final List<String> pageErrors = new CopyOnWriteArrayList<>();

	private ConsoleLog() {
	}

	/**
	 * Start collecting the console messages and uncaught errors of a page.
	 * @param page the page to listen to
	 * @return the log
	 */
	public static ConsoleLog attachTo(Page page) {
		ConsoleLog log = new ConsoleLog();
		page.onConsoleMessage((message) -> log.messages.add(new Message(message.type(), message.text())));
		page.onPageError(log.pageErrors::add);
		return log;
	}

	/**
	 * Return every console message, in the order they were written.
	 * @return the messages
	 */
	public List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * Return the text of every console message, in the order they were written.
	 * @return the texts
	 */
	public List<String> texts() {
		return this.messages.stream().map(Message::text).toList();
	}

	/**
	 * Return the text of the messages written with {@code console.error}.
	 * @return the error texts
	 */
	public List<String> errors() {
		return this.messages.stream().filter((message) -> "error".equals(message.type())).map(Message::text).toList();
	}

	/**
	 * Return the errors the page threw and did not catch.
	 * @return the page errors
	 */
	public List<String> pageErrors() {
		return List.copyOf(this.pageErrors);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Browser console:");
		this.messages
			.forEach((message) -> text.append("\n  [").append(message.type()).append("] ").append(message.text()));
		text.append("\nUncaught page errors:");
		this.pageErrors.forEach((error) -> text.append("\n  ").append(error));
		return text.toString();
	}

	/**
	 * A console message.
	 *
	 * @param type the console method, such as {@code log}, {@code warning} or
	 * {@code error}
	 * @param text the text of the message
	 */
	public record Message(String type, String text) {

	}

}
