package io.ledgerline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A prerendered page keeps its text as bytes and fills its holes per request. */
class PrerenderedPageTests {

	@Test
	void fillsEveryHoleWhereItsMarkerWasAndKeepsTheTextAroundIt() {
		PrerenderedPage page = PrerenderedPage.of("<p title=\"" + Hole.USER_EMAIL.marker() + "\">Invoices · "
				+ Hole.CSRF_TOKEN.marker() + " → " + Hole.CSRF_TOKEN.marker() + "</p>");

		String html = text(page.fill(hole -> switch (hole) {
			case USER_EMAIL -> "dana@acme.test";
			case CSRF_TOKEN -> "t0k3n";
			default -> throw new AssertionError("not a hole of this page: " + hole);
		}));

		assertThat(html).isEqualTo("<p title=\"dana@acme.test\">Invoices · t0k3n → t0k3n</p>");
		assertThat(page.holes()).containsExactlyInAnyOrder(Hole.USER_EMAIL, Hole.CSRF_TOKEN);
	}

	@Test
	void asksForEachHoleOnceHoweverOftenItAppears() {
		PrerenderedPage page = PrerenderedPage
			.of(Hole.FRESH_ID.marker() + "|" + Hole.FRESH_ID.marker() + "|" + Hole.SERVER_NOW.marker());
		List<Hole> asked = new ArrayList<>();

		String html = text(page.fill(hole -> {
			asked.add(hole);
			return hole == Hole.FRESH_ID ? "id-" + asked.size() : "now";
		}));

		assertThat(asked).containsExactly(Hole.FRESH_ID, Hole.SERVER_NOW);
		assertThat(html).isEqualTo("id-1|id-1|now");
	}

	@Test
	void aHoleWithNothingToShowLeavesNothingBehind() {
		PrerenderedPage page = PrerenderedPage.of("<div>" + Hole.TOAST.marker() + "</div>");

		assertThat(text(page.fill(hole -> null))).isEqualTo("<div></div>");
		assertThat(text(page.fill(hole -> ""))).isEqualTo("<div></div>");
	}

	@Test
	void textThatOnlyLooksLikeAMarkerIsLeftAsItIs() {
		// What a user could store: the marker's shape without this process's secret.
		String forged = "ll-hole-00000000000000000000000000000000-CSRF-TOKEN-end";
		PrerenderedPage page = PrerenderedPage.of("<td>" + forged + "</td><td>ll-hole-CSRF-TOKEN-end</td>");

		assertThat(page.holes()).isEmpty();
		assertThat(text(page.fill(hole -> "t0k3n"))).doesNotContain("t0k3n").contains(forged);
	}

	@Test
	void aPageWithoutHolesIsItsOwnText() {
		PrerenderedPage page = PrerenderedPage.of("<p>Ledgerline</p>");

		assertThat(text(page.fill(hole -> {
			throw new AssertionError("no holes to fill");
		}))).isEqualTo("<p>Ledgerline</p>");
	}

	@Test
	void aMarkerCutShortIsRefusedWhenThePageIsBuilt() {
		String cut = Hole.CSRF_TOKEN.marker().substring(0, Hole.CSRF_TOKEN.marker().length() - 2);

		assertThatThrownBy(() -> PrerenderedPage.of("<p>" + cut + "</p>")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void markersSurviveHtmlEscaping() {
		for (Hole hole : Hole.values()) {
			assertThat(org.springframework.web.util.HtmlUtils.htmlEscape(hole.marker())).isEqualTo(hole.marker());
		}
	}

	@Test
	void indentationBetweenTagsBecomesOneSpaceAndTextKeepsItsOwn() {
		String html = "<ul>\n    <li>a  b</li>\n    <li> c </li>\n</ul><p>total <strong>1</strong>\n  <span>USD</span></p>";

		assertThat(PrerenderedPages.collapseWhitespaceBetweenTags(html))
			.isEqualTo("<ul> <li>a  b</li> <li> c </li>\n</ul><p>total <strong>1</strong> <span>USD</span></p>");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
