package io.ledgerline.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A shared page keeps its text as bytes and fills its holes per request. */
class SharedHtmlTests {

	@Test
	void fillsEveryHoleWhereItsMarkerWasAndKeepsTheTextAroundIt() {
		SharedHtml page = SharedHtml.of("<p title=\"" + Hole.USER_EMAIL.marker() + "\">Invoices · "
				+ Hole.CSRF_TOKEN.marker() + " → " + Hole.CSRF_TOKEN.marker() + "</p>");

		String html = text(page.fill(slot -> switch (slot.hole()) {
			case USER_EMAIL -> "dana@acme.test";
			case CSRF_TOKEN -> "t0k3n";
			default -> throw new AssertionError("not a hole of this page: " + slot);
		}));

		assertThat(html).isEqualTo("<p title=\"dana@acme.test\">Invoices · t0k3n → t0k3n</p>");
		assertThat(page.slots()).extracting(SharedHtml.Slot::hole).containsExactly(Hole.USER_EMAIL, Hole.CSRF_TOKEN);
	}

	@Test
	void asksForEachHoleOnceHoweverOftenItAppears() {
		SharedHtml page = SharedHtml
			.of(Hole.FRESH_ID.marker() + "|" + Hole.FRESH_ID.marker() + "|" + Hole.SERVER_NOW.marker());
		List<Hole> asked = new ArrayList<>();

		String html = text(page.fill(slot -> {
			asked.add(slot.hole());
			return slot.hole() == Hole.FRESH_ID ? "id-" + asked.size() : "now";
		}));

		assertThat(asked).containsExactly(Hole.FRESH_ID, Hole.SERVER_NOW);
		assertThat(html).isEqualTo("id-1|id-1|now");
	}

	@Test
	void aHoleWithNothingToShowLeavesNothingBehind() {
		SharedHtml page = SharedHtml.of("<div>" + Hole.TOAST.marker() + "</div>");

		assertThat(text(page.fill(slot -> null))).isEqualTo("<div></div>");
		assertThat(text(page.fill(slot -> ""))).isEqualTo("<div></div>");
	}

	@Test
	void textThatOnlyLooksLikeAMarkerIsLeftAsItIs() {
		// What a user could store: the marker's shape without this process's secret.
		String forged = "ll-hole-00000000000000000000000000000000-CSRF-TOKEN-end";
		SharedHtml page = SharedHtml.of("<td>" + forged + "</td><td>ll-hole-CSRF-TOKEN-end</td>");

		assertThat(page.slots()).isEmpty();
		assertThat(text(page.fill(slot -> "t0k3n"))).doesNotContain("t0k3n").contains(forged);
	}

	@Test
	void aPageWithoutHolesIsItsOwnText() {
		SharedHtml page = SharedHtml.of("<p>Ledgerline</p>");

		assertThat(text(page.fill(slot -> {
			throw new AssertionError("no holes to fill");
		}))).isEqualTo("<p>Ledgerline</p>");
	}

	@Test
	void aMarkerCutShortIsRefusedWhenThePageIsBuilt() {
		String cut = Hole.CSRF_TOKEN.marker().substring(0, Hole.CSRF_TOKEN.marker().length() - 2);

		assertThatThrownBy(() -> SharedHtml.of("<p>" + cut + "</p>")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aHoleWithAnArgumentIsAskedForOncePerArgument() {
		SharedHtml page = SharedHtml.of("<time>" + Hole.AGO.marker("1733456789123") + "</time><time>"
				+ Hole.GIVEN_AGO.marker("list") + "</time><time>" + Hole.AGO.marker("1733456789123") + "</time>");
		List<SharedHtml.Slot> asked = new ArrayList<>();

		String html = text(page.fill(slot -> {
			asked.add(slot);
			return slot.hole() + "(" + slot.argument() + ")";
		}));

		assertThat(asked).containsExactly(new SharedHtml.Slot(Hole.AGO, "1733456789123"),
				new SharedHtml.Slot(Hole.GIVEN_AGO, "list"));
		assertThat(html)
			.isEqualTo("<time>AGO(1733456789123)</time><time>GIVEN_AGO(list)</time><time>AGO(1733456789123)</time>");
	}

	@Test
	void anArgumentThatCouldEndTheMarkerIsRefused() {
		assertThatThrownBy(() -> Hole.GIVEN_ISO.marker("a-end")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Hole.GIVEN_ISO.marker("a--b")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Hole.GIVEN_ISO.marker("<b>")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void markersSurviveHtmlEscaping() {
		for (Hole hole : Hole.values()) {
			assertThat(org.springframework.web.util.HtmlUtils.htmlEscape(hole.marker())).isEqualTo(hole.marker());
			assertThat(org.springframework.web.util.HtmlUtils.htmlEscape(hole.marker("list1")))
				.isEqualTo(hole.marker("list1"));
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
