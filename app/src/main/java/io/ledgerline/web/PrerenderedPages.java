package io.ledgerline.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.Weighable;

/**
 * Whole pages cached as rendered HTML beside the data they show (what Next.js does with
 * {@code 'use cache'} on a component), and answered without rendering anything.
 *
 * <p>
 * A page is a function of the reads it shows, and is cached as exactly that:
 * <ul>
 * <li>its key is what changes its HTML: the template, what the caller says (org, role,
 * view, cursor, record…), the frame's role and section. Never anyone's identity, token or
 * toast: those are {@link Hole holes}, filled per request. Never when its reads were
 * loaded either: one page, one entry, however often its data changes;
 * <li>its tags are the tags of its reads, so an {@code updateTag} that reloads the data
 * on the redirect re-renders the page too, and a {@code revalidateTag} makes both stale
 * together;
 * <li>it remembers the {@link Cached#load() loads} it was rendered from. The one
 * freshness rule: a page is served only while the request's own reads are those same
 * loads; otherwise it is rendered again from the request's reads and replaces the entry
 * in place. So the HTML always shows the data whose {@code fetchedAt} it prints, and a
 * re-render never leaves the superseded page behind.
 * </ul>
 * It is rendered by {@link FragmentTemplates}, without the request, so the template
 * cannot reach the session, the user or the token even by mistake.
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

	private final MeterRegistry meters;

	PrerenderedPages(TagCache cache, FragmentTemplates templates, PageHoles holes, MeterRegistry meters) {
		this.cache = cache;
		this.templates = templates;
		this.holes = holes;
		this.meters = meters;
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
		return page(template, frame, key, tags, shown, variables, Map.of());
	}

	/**
	 * {@link #page(String, PageFrame, String, List, List, Supplier)}, with holes whose
	 * values the caller knows for this request.
	 * @param filled text for some of the page's holes (escaped here), in place of
	 * {@link PageHoles}'
	 */
	public View page(String template, PageFrame frame, String key, List<String> tags, List<Cached<?>> shown,
			Supplier<Map<String, Object>> variables, Map<Hole, String> filled) {
		long[] loads = shown.stream().mapToLong(Cached::load).toArray();
		String pageKey = "page:" + template + ':' + key + ':' + frame.role() + ':' + frame.section();
		Supplier<PrerenderedPage> rendering = () -> render(template, frame, variables.get());
		Rendering cached = this.cache
			.get(pageKey, tags, LIFE, () -> new Rendering(loads, rendering.get()), page -> page.renderedFrom(loads))
			.value();
		// A request that joined another request's render of other loads renders its own,
		// unstored: rare, and the entry is that newer render already.
		PrerenderedPage page = cached.renderedFrom(loads) ? cached.page() : rendering.get();
		return new PrerenderedView(page, this.holes, Map.copyOf(filled));
	}

	private PrerenderedPage render(String template, PageFrame frame, Map<String, Object> variables) {
		// How often each page is rendered: after warm-up, about once per write that
		// touches what it shows.
		Counter.builder("ledgerline.pages.rendered")
			.description("Prerendered pages rendered (cache misses of the page itself)")
			.tag("template", template)
			.register(this.meters)
			.increment();
		Map<String, Object> all = new HashMap<>(variables);
		all.put("frame", frame);
		all.put("_csrf", CSRF_HOLE);
		all.put(CspNonce.ATTRIBUTE, Hole.CSP_NONCE.marker());
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

	/** A rendered page and the loads of the reads it was rendered from. */
	private record Rendering(long[] loads, PrerenderedPage page) implements Weighable {

		boolean renderedFrom(long[] current) {
			return Arrays.equals(this.loads, current);
		}

		@Override
		public int estimatedBytes() {
			return this.page.estimatedBytes() + 8 * this.loads.length + 48;
		}

	}

	/** Answers with the page: its bytes and the request's holes, in one write. */
	private record PrerenderedView(PrerenderedPage page, PageHoles holes, Map<Hole, String> filled) implements View {

		private static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

		@Override
		public String getContentType() {
			return CONTENT_TYPE;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			byte[] body = this.page
				.fill(hole -> this.filled.containsKey(hole) ? HtmlUtils.htmlEscape(this.filled.get(hole))
						: this.holes.html(hole, request, model == null ? Map.of() : model));
			response.setContentType(CONTENT_TYPE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

}
