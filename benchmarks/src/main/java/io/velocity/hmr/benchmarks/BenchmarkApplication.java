package io.velocity.hmr.benchmarks;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app under measurement: a static page that loads {@code /frontend/main.tsx}, plus
 * the sample app's greeting endpoint so that the sample front end renders as it does
 * there.
 */
@SpringBootApplication
@RestController
public class BenchmarkApplication {

	@GetMapping("/api/greeting")
	Map<String, String> greeting(@RequestParam(defaultValue = "world") String name) {
		return Map.of("message", "Hello, " + name + "!", "time", Instant.now().toString());
	}

}
