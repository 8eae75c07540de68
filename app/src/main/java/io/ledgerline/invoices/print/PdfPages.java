package io.ledgerline.invoices.print;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A cursor down the pages of a PDF being written: text at a position (left or right
 * aligned), wrapping, rules, and a new page when the next block would not fit. Text is
 * set in the standard Helvetica, which every PDF reader has, so nothing is embedded and a
 * PDF is a few kilobytes; the price is its character set (Windows-1252): a character it
 * lacks prints as {@code ?} rather than failing the whole document.
 */
final class PdfPages {

	static final float LEFT = 50;

	static final float RIGHT = PDRectangle.LETTER.getWidth() - 50;

	private static final float TOP_MARGIN = 56;

	private static final float BOTTOM_MARGIN = 56;

	/** The few kinds of text an invoice has. */
	enum Style {

		TITLE(true, 20), HEADING(true, 13), LABEL(true, 10), BODY(false, 10);

		final boolean bold;

		final float size;

		Style(boolean bold, float size) {
			this.bold = bold;
			this.size = size;
		}

	}

	private final PDDocument document;

	/** Per document: PDFBox's font objects are not meant to be shared between threads. */
	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDRectangle size;

	private PDPageContentStream content;

	private float y;

	PdfPages(PDDocument document, PDRectangle size) throws IOException {
		this.document = document;
		this.size = size;
		newPage();
	}

	void text(float x, String text, Style style) throws IOException {
		String printable = printable(text, font(style));
		this.content.beginText();
		this.content.setFont(font(style), style.size);
		this.content.newLineAtOffset(x, this.y);
		this.content.showText(printable);
		this.content.endText();
	}

	void textRight(float right, String text, Style style) throws IOException {
		String printable = printable(text, font(style));
		text(right - width(printable, style), printable, style);
	}

	void down(float points) {
		this.y -= points;
	}

	void rule() throws IOException {
		this.content.setLineWidth(0.5f);
		this.content.moveTo(LEFT, this.y);
		this.content.lineTo(RIGHT, this.y);
		this.content.stroke();
	}

	/**
	 * Starts a new page when fewer than {@code height} points are left on this one.
	 * @return whether it did
	 */
	boolean newPageIfBelow(float height) throws IOException {
		if (this.y - height >= BOTTOM_MARGIN) {
			return false;
		}
		this.content.close();
		newPage();
		return true;
	}

	/**
	 * {@code text} in lines no wider than {@code width}, broken at spaces where it can.
	 */
	List<String> wrap(String text, float width, Style style) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : printable(text, font(style)).split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, style) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			line.setLength(0);
			// A word wider than the column is cut where it must be.
			String rest = word;
			while (width(rest, style) > width && rest.length() > 1) {
				int cut = rest.length() - 1;
				while (cut > 1 && width(rest.substring(0, cut), style) > width) {
					cut--;
				}
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	void close() throws IOException {
		this.content.close();
	}

	private void newPage() throws IOException {
		PDPage page = new PDPage(this.size);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.y = this.size.getHeight() - TOP_MARGIN;
	}

	private PDType1Font font(Style style) {
		return style.bold ? this.bold : this.regular;
	}

	private float width(String text, Style style) throws IOException {
		return font(style).getStringWidth(text) / 1000 * style.size;
	}

	/**
	 * What the font can show of {@code text}: composed accents (so {@code é} is one
	 * character it has), whitespace and control characters as spaces, anything else it
	 * lacks as {@code ?}.
	 */
	static String printable(String text, PDType1Font font) {
		if (text == null) {
			return "";
		}
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(composed.length());
		composed.codePoints().forEach(c -> {
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				out.append(' ');
			}
			else if (canShow(font, c)) {
				out.appendCodePoint(c);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	private static boolean canShow(PDType1Font font, int codePoint) {
		try {
			font.encode(new String(Character.toChars(codePoint)));
			return true;
		}
		catch (IllegalArgumentException | IOException lacking) {
			return false;
		}
	}

}
