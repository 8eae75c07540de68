package example.notes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A tiny notes app with no Ledgerline code: it gets its tag cache from the starter and
 * its properties alone.
 */
@SpringBootApplication
public class NotesApplication {

}
