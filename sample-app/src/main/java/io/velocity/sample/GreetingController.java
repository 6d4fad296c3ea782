package io.velocity.sample;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring endpoint the front end's {@code Greeting} component fetches.
 */
@RestController
class GreetingController {

	@GetMapping("/api/greeting")
	Greeting greeting(@RequestParam(defaultValue = "World") String name) {
		return new Greeting("Hello, " + name + "!", Instant.now());
	}

	record Greeting(String message, Instant time) {
	}

}
