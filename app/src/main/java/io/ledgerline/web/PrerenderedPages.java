package io.ledgerline.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;

/**
 * Whole pages cached as rendered HTML beside the data they show (what Next.js does with
 * {@code 'use cache'} on a component), and answered without rendering anything.
 *
 * <p>
 * A page is a function of the reads it shows, and is cached as exactly that:
 * <ul>
 * <li>its key is what the caller says changes the HTML (org, role, view, cursor…), the
 * frame's role and section, and the moment each read was loaded; never anyone's identity,
 * token or toast. Those are {@link Hole holes}, filled per request;
 * <li>its tags are the tags of its reads, so an {@code updateTag} that reloads the data
 * on the redirect re-renders the page too, and a {@code revalidateTag} makes both stale
 * together;
 * <li>it is rendered from the read values the request already has (authorized, through
 * the data cache), never from a second read, so the HTML always shows the data whose
 * {@code fetchedAt} it prints. Two loads within one clock tick share a key; the identity
 * check below then renders the request's own reads instead of serving the other load's
 * HTML.
 * </ul>
 * It is rendered by {@link FragmentTemplates}, without the request, so the template
 * cannot reach the session, the user or the token even by mistake. Entries for earlier
 * loads are never read again; they go with the next invalidation of their tags, their
 * life or the cache's size bound.
 */
@Component
public class PrerenderedPages {

	/** As the data's: a page never outlives the reads it shows by much. */
	private static final CacheLife LIFE = CacheLife.HOURS;

	/**
	 * Spring Security's names for the token's field and header: not secret, the same for
	 * everyone.
	 */
	private static final DefaultCsrfToken CSRF_HOLE = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf",
			Hole.CSRF_TOKEN.marker());

	private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s{2,}<");

	private final TagCache cache;

	private final FragmentTemplates templates;

	private final PageHoles holes;

	PrerenderedPages(TagCache cache, FragmentTemplates templates, PageHoles holes) {
		this.cache = cache;
		this.templates = templates;
		this.holes = holes;
	}

	/**
	 * The page {@code template} shows with {@code frame} around it, as a view that fills
	 * in the request's holes.
	 * @param key what changes the HTML besides the frame and the reads' load times
	 * @param tags the tags of {@code shown}
	 * @param shown every cached read the page shows
	 * @param variables the template's variables, asked for only when the page is rendered
	 */
	public View page(String template, PageFrame frame, String key, List<String> tags, List<Cached<?>> shown,
			Supplier<Map<String, Object>> variables) {
		Object[] sources = shown.stream().map(Cached::value).toArray();
		StringBuilder fullKey = new StringBuilder("page:").append(template)
			.append(':')
			.append(key)
			.append(':')
			.append(frame.role())
			.append(':')
			.append(frame.section());
		shown.forEach(read -> fullKey.append(':')
			.append(read.fetchedAt().getEpochSecond())
			.append('.')
			.append(read.fetchedAt().getNano()));
		Supplier<PrerenderedPage> rendering = () -> render(template, frame, variables.get());
		Rendering cached = this.cache.get(fullKey.toString(), tags, LIFE, () -> new Rendering(sources, rendering.get()))
			.value();
		PrerenderedPage page = cached.renderedFrom(sources) ? cached.page() : rendering.get();
		return new PrerenderedView(page, this.holes);
	}

	private PrerenderedPage render(String template, PageFrame frame, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("frame", frame);
		all.put("_csrf", CSRF_HOLE);
		all.put("cspNonce", Hole.CSP_NONCE.marker());
		return PrerenderedPage.of(collapseWhitespaceBetweenTags(this.templates.render(template, all)));
	}

	/**
	 * The templates' indentation, one space instead of each run: a tenth of a list page.
	 * Only between a tag's end and the next tag's start, where a run of whitespace
	 * renders as one space anyway (these pages have no {@code pre}, and text and
	 * attribute values are escaped, so they hold no raw {@code >} or {@code <}).
	 */
	static String collapseWhitespaceBetweenTags(String html) {
		return BETWEEN_TAGS.matcher(html).replaceAll("> <");
	}

	/** A rendered page and the read values it was rendered from. */
	private record Rendering(Object[] sources, PrerenderedPage page) {

		boolean renderedFrom(Object[] values) {
			if (values.length != this.sources.length) {
				return false;
			}
			for (int i = 0; i < values.length; i++) {
				if (values[i] != this.sources[i]) {
					return false;
				}
			}
			return true;
		}

	}

	/** Answers with the page: its bytes and the request's holes, in one write. */
	private record PrerenderedView(PrerenderedPage page, PageHoles holes) implements View {

		private static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

		@Override
		public String getContentType() {
			return CONTENT_TYPE;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			byte[] body = this.page.fill(hole -> this.holes.html(hole, request, model == null ? Map.of() : model));
			response.setContentType(CONTENT_TYPE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

}
