package io.velocity.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring endpoint the front end's todo app loads its suggestions from, through a
 * {@code createResource}.
 */
@RestController
class TodoController {

	static final List<String> SUGGESTIONS = List.of("Edit TodoItem.tsx and watch it swap",
			"Add a todo from the keyboard", "Filter the done ones");

	@GetMapping("/api/todos/suggestions")
	List<Suggestion> suggestions() {
		return SUGGESTIONS.stream().map(Suggestion::new).toList();
	}

	record Suggestion(String title) {
	}

}
