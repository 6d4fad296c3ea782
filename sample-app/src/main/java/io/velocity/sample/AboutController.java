package io.velocity.sample;

import org.springframework.boot.SpringBootVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A server-rendered page: editing its template reloads the open page.
 */
@Controller
class AboutController {

	@GetMapping("/about")
	String about(Model model) {
		model.addAttribute("bootVersion", SpringBootVersion.getVersion());
		return "about";
	}

}
