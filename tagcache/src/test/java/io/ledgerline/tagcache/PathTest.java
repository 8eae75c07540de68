package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.testing.ManualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * revalidatePath: PAGE reaches exactly one path's pages, LAYOUT a path and everything
 * below it.
 */
class PathTest {

	static final List<String> PATHS = List.of("/", "/a", "/a/b", "/a/b/c", "/ab", "/b");

	TagCache cache;

	Map<String, AtomicInteger> renders;

	@BeforeEach
	void setUp() {
		cache = TagCache.builder().clock(new ManualClock()).instanceId("test").build();
		renders = new LinkedHashMap<>();
		for (String path : PATHS) {
			renders.put(path, new AtomicInteger());
		}
		renderAll();
	}

	/** Reads two variants of every page; each render counts once per path. */
	private void renderAll() {
		for (String path : PATHS) {
			for (String variant : List.of("org:1", "org:2")) {
				cache.getPage(path, variant, List.of(), CacheLife.DAYS, () -> {
					renders.get(path).incrementAndGet();
					return "<html>" + path + "</html>";
				});
			}
		}
	}

	private Map<String, Integer> rendersAfter(Runnable invalidation) {
		Map<String, Integer> before = new LinkedHashMap<>();
		renders.forEach((path, count) -> before.put(path, count.get()));
		invalidation.run();
		renderAll();
		Map<String, Integer> delta = new LinkedHashMap<>();
		renders.forEach((path, count) -> delta.put(path, count.get() - before.get(path)));
		return delta;
	}

	@Test
	void pagesAreCachedPerPathAndKey() {
		assertThat(renders.values()).allSatisfy(count -> assertThat(count).hasValue(2));
		assertThat(rendersAfter(() -> {
		}).values()).containsOnly(0);
		assertThat(cache.estimatedSize()).isEqualTo(PATHS.size() * 2L);
	}

	@Test
	void pageScopeReachesExactlyThatPathsPagesForEveryKey() {
		Map<String, Integer> rerendered = rendersAfter(() -> cache.revalidatePath("/a"));

		assertThat(rerendered).containsEntry("/a", 2)
			.containsEntry("/", 0)
			.containsEntry("/a/b", 0)
			.containsEntry("/a/b/c", 0)
			.containsEntry("/ab", 0)
			.containsEntry("/b", 0);
	}

	@Test
	void layoutScopeReachesThePathAndEverythingBelowButNotSiblingPrefixes() {
		Map<String, Integer> rerendered = rendersAfter(() -> cache.revalidatePath("/a", PathScope.LAYOUT));

		assertThat(rerendered).containsEntry("/a", 2)
			.containsEntry("/a/b", 2)
			.containsEntry("/a/b/c", 2)
			.containsEntry("/", 0)
			.containsEntry("/ab", 0)
			.containsEntry("/b", 0);
	}

	@Test
	void rootLayoutReachesEveryPage() {
		Map<String, Integer> rerendered = rendersAfter(() -> cache.revalidatePath("/", PathScope.LAYOUT));

		assertThat(rerendered.values()).containsOnly(2);
	}

	@Test
	void trailingSlashesNameTheSamePath() {
		assertThat(rendersAfter(() -> cache.revalidatePath("/a/b/", PathScope.PAGE))).containsEntry("/a/b", 2)
			.containsEntry("/a/b/c", 0);
	}

	@Test
	void pageEntriesAlsoAnswerToTheirTags() {
		AtomicInteger tagged = new AtomicInteger();
		cache.getPage("/invoices", "org:1", List.of("org:1:invoices"), CacheLife.DAYS, tagged::incrementAndGet);
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag("org:1:invoices");
		}

		assertThat(
				cache.getPage("/invoices", "org:1", List.of("org:1:invoices"), CacheLife.DAYS, tagged::incrementAndGet)
					.value())
			.isEqualTo(2);
	}

	@Test
	void revalidatePathIsCountedAndAllowedAnywhere() {
		cache.revalidatePath("/a");
		try (InvocationScope job = TagCache.openScope(InvocationSource.JOB)) {
			cache.revalidatePath("/a", PathScope.LAYOUT);
		}
		assertThat(cache.stats().revalidatePaths()).isEqualTo(2);
	}

	@Test
	void aPageKeyDoesNotCollideWithADataKey() {
		cache.get("org:1", List.of(), CacheLife.DAYS, () -> "data");

		assertThat(cache.getPage("/a", "org:1", List.of(), CacheLife.DAYS, () -> "unused").value())
			.isEqualTo("<html>/a</html>");
		assertThat(cache.get("org:1", List.of(), CacheLife.DAYS, () -> "unused").value()).isEqualTo("data");
	}

}
