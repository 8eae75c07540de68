package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScopeTest {

	@Test
	void routeWhenNoScopeIsOpen() {
		assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ROUTE);
	}

	@Test
	void nestedScopesRestoreThePreviousSource() {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ACTION);
			try (InvocationScope job = TagCache.openScope(InvocationSource.JOB)) {
				assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.JOB);
				try (InvocationScope route = TagCache.openScope(InvocationSource.ROUTE)) {
					assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ROUTE);
				}
				assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.JOB);
			}
			assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ACTION);
		}
		assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ROUTE);
	}

	@Test
	void closingTwiceIsHarmless() {
		try (InvocationScope outer = TagCache.openScope(InvocationSource.JOB)) {
			InvocationScope inner = TagCache.openScope(InvocationSource.ACTION);
			inner.close();
			inner.close();
			assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.JOB);
		}
	}

	@Test
	void scopesAreThreadBound() throws Exception {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			InvocationSource elsewhere = CompletableFuture.supplyAsync(TagCache::currentSource)
				.get(10, TimeUnit.SECONDS);
			assertThat(elsewhere).isEqualTo(InvocationSource.ROUTE);

			Throwable closedElsewhere = CompletableFuture.runAsync(action::close)
				.handle((ok, failure) -> failure)
				.get(10, TimeUnit.SECONDS);
			assertThat(closedElsewhere).hasCauseInstanceOf(IllegalStateException.class);
			assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ACTION);
		}
	}

	@Test
	void nullSourceIsRejected() {
		assertThatThrownBy(() -> TagCache.openScope(null)).isInstanceOf(NullPointerException.class);
	}

	@Test
	void labels() {
		assertThat(InvocationSource.ACTION.label()).isEqualTo("action");
		assertThat(InvocationSource.JOB.label()).isEqualTo("job");
		assertThat(InvocationSource.ROUTE.label()).isEqualTo("route");
	}

}
