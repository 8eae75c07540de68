package example.notes;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.tagcache.spring.CachedRead;
import io.ledgerline.tagcache.spring.RevalidatesTags;
import io.ledgerline.tagcache.spring.UpdatesTags;

@Service
class NotesService {

	private final NotesRepository notes;

	NotesService(NotesRepository notes) {
		this.notes = notes;
	}

	@CachedRead(key = "'note:' + #id", tags = "'note:' + #id", life = "hours")
	public Note find(long id) {
		return notes.find(id);
	}

	@CachedRead(key = "'notes'", tags = "'notes'", life = "hours")
	public List<Note> all() {
		return notes.all();
	}

	/**
	 * A user's edit: they are waiting to see it. A repeated submission fails after the
	 * update, and the transaction rolls the update back.
	 */
	@Transactional
	@UpdatesTags({ "'notes'", "'note:' + #id" })
	public void edit(long id, String text, String submissionId) {
		notes.update(id, text);
		notes.recordSubmission(submissionId);
	}

	/** A background import: nobody waits for it. */
	@Transactional
	@RevalidatesTags("'notes'")
	public void importNote(String text) {
		notes.insert(text);
	}

}
