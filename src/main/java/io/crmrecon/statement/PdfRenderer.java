package io.crmrecon.statement;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * XHTML to PDF with the Noto Sans SC fonts, so Chinese renders. Parsing the 10 MB fonts is what costs (DESIGN.md:
 * about 110 ms a document when openhtmltopdf is handed the files); here the fonts are parsed once per renderer and
 * only subset into each document. PDFBox objects are not thread-safe: a parsed set serves one document at a time.
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

    /**
     * Parsed fonts, one set per document being rendered at a time and never more sets than cores: one set per thread
     * (ten job threads, the web's threads) ran a 512 MB heap out of memory in a statement run. Rendering is CPU work,
     * so more renderers than cores would only wait for each other.
     */
    private static final int MAX_SETS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final BlockingQueue<Fonts> IDLE = new LinkedBlockingQueue<>();
    private static final AtomicInteger SETS = new AtomicInteger();

    /** The PDF of a well-formed XHTML page; {@code producer} goes into the document's metadata. */
    byte[] render(String xhtml, String producer) {
        Fonts fonts = borrow();
        try {
            return render(xhtml, producer, fonts);
        } finally {
            IDLE.add(fonts);
        }
    }

    private static Fonts borrow() {
        Fonts idle = IDLE.poll();
        if (idle != null) {
            return idle;
        }
        if (SETS.incrementAndGet() <= MAX_SETS) {
            try {
                return new Fonts(parse(FontFiles.REGULAR), parse(FontFiles.BOLD));
            } catch (RuntimeException e) {
                SETS.decrementAndGet();
                throw e;
            }
        }
        SETS.decrementAndGet();
        try {
            return IDLE.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render a PDF", e);
        }
    }

    private static byte[] render(String xhtml, String producer, Fonts fonts) {
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
