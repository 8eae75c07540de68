package example.notes;

import java.net.URI;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class NotesController {

	private final NotesService notes;

	NotesController(NotesService notes) {
		this.notes = notes;
	}

	@GetMapping("/notes")
	List<Note> all() {
		return notes.all();
	}

	@GetMapping("/notes/{id}")
	Note one(@PathVariable long id) {
		return notes.find(id);
	}

	/** Commit, invalidate, redirect: the redirect reads the user's own write. */
	@PostMapping("/notes/{id}")
	ResponseEntity<Void> edit(@PathVariable long id, @RequestParam String text, @RequestParam String submission) {
		if (text.isBlank() || text.length() > 200) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text must be 1 to 200 characters");
		}
		notes.edit(id, text, submission);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/notes/" + id)).build();
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<String> alreadySubmitted() {
		return ResponseEntity.status(HttpStatus.CONFLICT).body("this edit was already submitted");
	}

}
