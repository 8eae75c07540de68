package example.catalogue;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Thin: parse, validate, call, respond. */
@Controller
class ProductController {

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@GetMapping("/products")
	String list(Model model) {
		model.addAttribute("products", products.all());
		return "products";
	}

	@GetMapping("/products/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("product", products.find(id).orElseThrow(ProductController::notFound));
		return "product";
	}

	/** Commit, invalidate, redirect: the redirect shows the edit. */
	@PostMapping("/products/{id}")
	String edit(@PathVariable long id, @RequestParam String name, @RequestParam String price) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name must be 1 to 100 characters");
		}
		if (!products.edit(id, trimmed, parsePrice(price))) {
			throw notFound();
		}
		return "redirect:/products/" + id;
	}

	private static BigDecimal parsePrice(String text) {
		try {
			BigDecimal price = new BigDecimal(text.strip());
			if (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 8) {
				throw new NumberFormatException();
			}
			return price.setScale(2);
		}
		catch (NumberFormatException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"price must be a non-negative amount with at most 2 decimals");
		}
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such product");
	}

}
