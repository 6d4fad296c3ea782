package io.velocity.sample;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sample's todo app (src/main/frontend/todos), written as idiomatic Solid, end to end
 * in Chromium: adding, toggling and filtering todos as a user does, the suggestions the
 * Spring endpoint serves, and hot swaps of its components (real file writes) that keep
 * the todos and the filter.
 */
class TodoAppBrowserTests extends HotReloadTestSupport {

	private static final Pattern DONE = Pattern.compile("\\bdone\\b");

	private static final Pattern SELECTED = Pattern.compile("\\bselected\\b");

	@Test
	void theNewTodoInputIsFocusedWhenTheAppMounts() {
		assertThat(this.page.locator("#new-todo")).isFocused();
	}

	@Test
	void addsTodosWithEnterOrTheButtonAndIgnoresBlankTitles() {
		assertThat(this.page.locator("#todo-empty")).hasText("Nothing to do yet.");
		assertThat(this.page.locator("#todo-footer")).hasCount(0);
		this.page.locator("#new-todo").fill("Buy milk");
		this.page.locator("#new-todo").press("Enter");
		assertThat(titles()).hasText(new String[] { "Buy milk" });
		assertThat(this.page.locator("#new-todo")).hasValue("");
		this.page.locator("#new-todo").fill("Walk the dog");
		this.page.locator("#add-todo").click();
		this.page.locator("#new-todo").fill("   ");
		this.page.locator("#new-todo").press("Enter");
		assertThat(titles()).hasText(new String[] { "Buy milk", "Walk the dog" });
		assertThat(this.page.locator("#todo-count")).hasText("2 items left");
		assertThat(this.page.locator("#todo-empty")).hasCount(0);
	}

	@Test
	void togglingATodoMarksItDoneThroughItsClassList() {
		add("Buy milk", "Walk the dog");
		toggle("Buy milk");
		assertThat(todo("Buy milk")).hasClass(DONE);
		assertThat(todo("Buy milk").locator(".toggle")).isChecked();
		assertThat(todo("Walk the dog")).not().hasClass(DONE);
		assertThat(this.page.locator("#todo-count")).hasText("1 item left");
		assertThat(this.page.locator("#clear-completed")).isVisible();
		toggle("Buy milk");
		assertThat(todo("Buy milk")).not().hasClass(DONE);
		assertThat(this.page.locator("#todo-count")).hasText("2 items left");
		assertThat(this.page.locator("#clear-completed")).hasCount(0);
	}

	@Test
	void filtersShowTheMatchingTodosAndSayWhenNoneMatch() {
		add("Buy milk", "Walk the dog", "Write tests");
		toggle("Walk the dog");
		this.page.locator("#filter-active").click();
		assertThat(titles()).hasText(new String[] { "Buy milk", "Write tests" });
		assertThat(this.page.locator("#filter-active")).hasClass(SELECTED);
		assertThat(this.page.locator("#filter-active")).hasAttribute("aria-pressed", "true");
		assertThat(this.page.locator("#filter-all")).not().hasClass(SELECTED);
		this.page.locator("#filter-completed").click();
		assertThat(titles()).hasText(new String[] { "Walk the dog" });
		toggle("Walk the dog");
		assertThat(titles()).hasCount(0);
		assertThat(this.page.locator("#todo-empty")).hasText("No completed todos.");
		this.page.locator("#filter-all").click();
		assertThat(titles()).hasText(new String[] { "Buy milk", "Walk the dog", "Write tests" });
		assertThat(this.page.locator("#todo-empty")).hasCount(0);
		toggle("Buy milk");
		this.page.locator("#clear-completed").click();
		assertThat(titles()).hasText(new String[] { "Walk the dog", "Write tests" });
		todo("Write tests").locator(".remove").click();
		assertThat(titles()).hasText(new String[] { "Walk the dog" });
	}

	@Test
	void suggestionsComeFromTheSpringEndpointAndBecomeTodos() {
		Locator suggestions = this.page.locator("#suggestions .suggestion");
		assertThat(suggestions).hasText(TodoController.SUGGESTIONS.toArray(String[]::new));
		suggestions.first().click();
		assertThat(titles()).hasText(new String[] { TodoController.SUGGESTIONS.get(0) });
	}

	@Test
	void editingATodoItemSwapsItKeepingTheTodosAndTheFilter() {
		add("Buy milk", "Walk the dog", "Write tests");
		toggle("Walk the dog");
		this.page.locator("#filter-active").click();
		assertThat(titles()).hasText(new String[] { "Buy milk", "Write tests" });
		sources.edit("todos/TodoItem.tsx", ">×</button>", ">Delete</button>");
		try {
			assertThat(this.page.locator("#todo-list .remove")).hasText(new String[] { "Delete", "Delete" });
			assertThat(titles()).hasText(new String[] { "Buy milk", "Write tests" });
			assertThat(this.page.locator("#filter-active")).hasClass(SELECTED);
			assertThat(this.page.locator("#todo-count")).hasText("2 items left");
			assertNoReload();
			assertLogged("[velocity] hot updated /frontend/todos/TodoItem.tsx");
			// The swapped rows still work.
			toggle("Buy milk");
			assertThat(titles()).hasText(new String[] { "Write tests" });
		}
		finally {
			sources.edit("todos/TodoItem.tsx", ">Delete</button>", ">×</button>");
			assertThat(this.page.locator("#todo-list .remove")).hasText(new String[] { "×" });
		}
	}

	@Test
	void editingTheTodoAppSwapsItKeepingItsFilterTheTodosAndTheTypedText() {
		add("Buy milk", "Walk the dog");
		toggle("Buy milk");
		this.page.locator("#filter-completed").click();
		this.page.locator("#new-todo").fill("Half typed");
		sources.edit("todos/TodoApp.tsx", "<h2>Todos</h2>", "<h2>Things to do</h2>");
		try {
			assertThat(this.page.locator("#todos h2")).hasText("Things to do");
			assertThat(titles()).hasText(new String[] { "Buy milk" });
			assertThat(this.page.locator("#filter-completed")).hasClass(SELECTED);
			assertThat(this.page.locator("#new-todo")).hasValue("Half typed");
			assertThat(this.page.locator("#suggestions .suggestion")).hasCount(TodoController.SUGGESTIONS.size());
			assertNoReload();
		}
		finally {
			sources.edit("todos/TodoApp.tsx", "<h2>Things to do</h2>", "<h2>Todos</h2>");
			assertThat(this.page.locator("#todos h2")).hasText("Todos");
		}
	}

	private void add(String... titles) {
		for (String title : titles) {
			this.page.locator("#new-todo").fill(title);
			this.page.locator("#new-todo").press("Enter");
			assertThat(todo(title)).hasCount(1);
		}
	}

	private void toggle(String title) {
		// A click, not check(): under a filter the row may leave as soon as it toggles.
		todo(title).locator(".toggle").click();
	}

	private Locator todo(String title) {
		return this.page.locator("#todo-list li", new Page.LocatorOptions().setHas(
				this.page.locator(".title", new Page.LocatorOptions().setHasText(Pattern.compile("^" + title + "$")))));
	}

	private Locator titles() {
		return this.page.locator("#todo-list .title");
	}

}
