package example.notes;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notes in the database; counts its reads, so a test can tell a hit from a load. */
@Repository
class NotesRepository {

	private final JdbcClient jdbc;

	private final AtomicInteger reads = new AtomicInteger();

	NotesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Note find(long id) {
		reads.incrementAndGet();
		return jdbc.sql("SELECT id, text FROM notes WHERE id = ?").param(id).query(Note.class).single();
	}

	List<Note> all() {
		reads.incrementAndGet();
		return jdbc.sql("SELECT id, text FROM notes ORDER BY id").query(Note.class).list();
	}

	void update(long id, String text) {
		jdbc.sql("UPDATE notes SET text = ? WHERE id = ?").params(text, id).update();
	}

	void insert(String text) {
		jdbc.sql("INSERT INTO notes (text) VALUES (?)").param(text).update();
	}

	/** Fails with a duplicate key when the same submission comes twice. */
	void recordSubmission(String submissionId) {
		jdbc.sql("INSERT INTO submissions (id) VALUES (?)").param(submissionId).update();
	}

	int reads() {
		return reads.get();
	}

}
