package io.crmrecon.statement;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * XHTML to PDF with the Noto Sans SC fonts, so Chinese renders. Parsing the 10 MB fonts is what costs (DESIGN.md:
 * about 110 ms a document when openhtmltopdf is handed the files); here each font is parsed once per thread — PDFBox
 * objects are not thread-safe — and only subset into each document.
 */
final class PdfRenderer {

    static final String FONT_FAMILY = "Noto Sans SC";

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** The font files' bytes, read on the first PDF (not at start-up): 20 MB the application may never need. */
    private static final class FontFiles {
        static final byte[] REGULAR = resource("/fonts/NotoSansSC-Regular.ttf");
        static final byte[] BOLD = resource("/fonts/NotoSansSC-Bold.ttf");
    }

    private static final ThreadLocal<Fonts> FONTS = ThreadLocal.withInitial(
            () -> new Fonts(parse(FontFiles.REGULAR), parse(FontFiles.BOLD)));

    /** The PDF of a well-formed XHTML page; {@code producer} goes into the document's metadata. */
    byte[] render(String xhtml, String producer) {
        Fonts fonts = FONTS.get();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.withProducer(producer);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.regular(), true)), FONT_FAMILY,
                    400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.bold(), true)), FONT_FAMILY,
                    700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a statement could not be rendered as PDF", e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // glyph substitution (ligatures, vertical forms) changes nothing a statement shows, and PDFBox compiles
            // regular expressions for it on every string it writes: a third of a statement's rendering time
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF font could not be read", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
