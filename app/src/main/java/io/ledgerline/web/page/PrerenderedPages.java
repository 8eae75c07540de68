package io.ledgerline.web.page;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.web.CspNonce;

/**
 * Whole pages cached as rendered HTML beside the data they show (what Next.js does with
 * {@code 'use cache'} on a component), and answered without rendering anything; and
 * fragments rendered once for many requests (the ticket board). The entry point of
 * {@code web.page}.
 *
 * <p>
 * A page is a function of the reads it shows, and is cached as exactly that:
 * <ul>
 * <li>its key is what changes its HTML: the template, what the caller says (org, view,
 * cursor, record…), the role and the section. Never anyone's identity, token or toast:
 * those are {@link Hole holes}, filled per request by {@link RequestValues}. Never when
 * its reads were loaded either: one page, one entry, however often its data changes;
 * <li>its tags are the tags of its reads, so an {@code updateTag} that reloads the data
 * on the redirect re-renders the page too, and a {@code revalidateTag} makes both stale
 * together;
 * <li>it remembers the {@link Cached#load() loads} it was rendered from. The one
 * freshness rule: a page is served only while the request's own reads are those same
 * loads; otherwise it is rendered again from the request's reads and replaces the entry
 * in place. So the HTML always shows the data whose {@code fetchedAt} it prints, and a
 * re-render never leaves the superseded page behind.
 * </ul>
 * It is rendered by {@link SharedTemplates}, without the request, so the template cannot
 * reach the session, the user or the token even by mistake.
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

	private final SharedTemplates templates;

	private final PageAnswers answers;

	private final PageUsers users;

	private final MeterRegistry meters;

	PrerenderedPages(TagCache cache, SharedTemplates templates, PageAnswers answers, PageUsers users,
			MeterRegistry meters) {
		this.cache = cache;
		this.templates = templates;
		this.answers = answers;
		this.users = users;
		this.meters = meters;
	}

	/**
	 * One prerendered page: what it is rendered from and cached as.
	 *
	 * @param template the page's template (with the layout around it)
	 * @param section the top-level section, for the navigation
	 * @param role the role it is rendered for ({@code member}, {@code admin})
	 * @param key what changes the HTML besides the template, role, section and the reads'
	 * load times
	 * @param tags the tags of {@code shown}
	 * @param shown every cached read the page shows
	 * @param givenTimes the instants of its {@link TimeHole#given given time holes}, for
	 * this request
	 */
	public record Page(String template, String section, String role, String key, List<String> tags,
			List<Cached<?>> shown, Map<String, Instant> givenTimes) {

		public Page {
			tags = List.copyOf(tags);
			shown = List.copyOf(shown);
			givenTimes = Map.copyOf(givenTimes);
		}

		public Page(String template, String section, String role, String key, List<String> tags,
				List<Cached<?>> shown) {
			this(template, section, role, key, tags, shown, Map.of());
		}

		/**
		 * This page with {@code at} for the {@link TimeHole#given(String)} {@code name}.
		 */
		public Page withGivenTime(String name, Instant at) {
			Map<String, Instant> times = new HashMap<>(this.givenTimes);
			times.put(name, at);
			return new Page(this.template, this.section, this.role, this.key, this.tags, this.shown, times);
		}

	}

	/**
	 * {@code page}, as a view that fills in the request's holes.
	 * @param variables the template's variables, asked for only when the page is rendered
	 */
	public View page(Page page, Supplier<Map<String, Object>> variables) {
		long[] loads = page.shown().stream().mapToLong(Cached::load).toArray();
		String pageKey = "page:" + page.template() + ':' + page.key() + ':' + page.role() + ':' + page.section();
		LayoutFrame frame = LayoutFrame.of(page.role(), page.section(), this.users.demoTools());
		Supplier<SharedHtml> rendering = () -> render(page.template(), frame, variables.get());
		SharedPage cached = this.cache
			.get(pageKey, page.tags(), LIFE, () -> new SharedPage(loads, rendering.get()),
					entry -> entry.renderedFrom(loads))
			.value();
		// A request that joined another request's render of other loads renders its own,
		// unstored: rare, and the entry is that newer render already.
		SharedHtml html = cached.renderedFrom(loads) ? cached.html() : rendering.get();
		return new SharedPageView(html, this.answers, page.givenTimes());
	}

	/**
	 * A fragment of a page rendered once for many requests (the ticket board), without
	 * the request: its forms' token is a hole ({@code ${_csrf.token}}), filled in with
	 * the rest of the page it is shown in when that page is answered
	 * ({@link FramedViews}).
	 */
	public String fragment(String template, Map<String, ?> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("_csrf", CSRF_HOLE);
		all.put(CspNonce.ATTRIBUTE, Hole.CSP_NONCE.marker());
		return this.templates.render(template, all);
	}

	/**
	 * A new random id for each answer of a shared page (a form's idempotency key): what a
	 * cached read shown on a prerendered page holds in its place.
	 */
	public static String freshIdHole() {
		return Hole.FRESH_ID.marker();
	}

	private SharedHtml render(String template, LayoutFrame frame, Map<String, Object> variables) {
		// How often each page is rendered: after warm-up, about once per write that
		// touches what it shows.
		Counter.builder("ledgerline.pages.rendered")
			.description("Prerendered pages rendered (cache misses of the page itself)")
			.tag("template", template)
			.register(this.meters)
			.increment();
		Map<String, Object> all = new HashMap<>(variables);
		all.put("frame", frame);
		return SharedHtml.of(collapseWhitespaceBetweenTags(fragment(template, all)));
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

	/** Answers with the page: its bytes and the request's holes, in one write. */
	private record SharedPageView(SharedHtml html, PageAnswers answers, Map<String, Instant> given) implements View {

		@Override
		public String getContentType() {
			return PageAnswers.CONTENT_TYPE;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			this.answers.write(this.html, this.answers.valuesOf(request), this.given, response);
		}

	}

}
