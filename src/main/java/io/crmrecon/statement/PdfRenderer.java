package io.crmrecon.statement;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XHTML to PDF with the Noto Sans SC fonts, so Chinese renders. Parsing the 10 MB fonts is what costs (DESIGN.md:
 * about 110 ms a document when openhtmltopdf is handed the files); here the fonts are parsed once per renderer and
 * only subset into each document. PDFBox objects are not thread-safe: a parsed set serves one document at a time.
 */
final class PdfRenderer {

    static {
        PdfLog.install();
    }

    /** The fonts' family in the templates: the common characters, then every character of the fonts. */
    static final String FONT_FAMILY = "Noto Sans SC";
    static final String FULL_FONT_FAMILY = "Noto Sans SC All";

    /**
     * A parsed font set and the XML parser that goes with it: both serve one document at a time. {@code common} are
     * the fonts cut down to the characters of everyday Chinese and Western text (GB 2312, Latin-1, punctuation):
     * PDFBox works through every glyph of a font for each document it embeds the font in, so a document costs less
     * with them. A character they lack (a rare one in a name) is drawn from the whole fonts, parsed the first time a
     * document of this set needs them: parsed, each keeps a copy of its 10 MB and maps of its 30,000 glyphs, which a
     * statement run's collector would otherwise carry through every cycle for documents that never use them.
     * openhtmltopdf loads every font of the family list into each document, but only the glyphs a document draws are
     * embedded in it.
     */
    private static final class Fonts {
        final TrueTypeFont commonRegular;
        final TrueTypeFont commonBold;
        /** The characters the common fonts draw, looked up once rather than in the font for every character. */
        final BitSet common;
        final DocumentBuilder parser;
        private TrueTypeFont allRegular;
        private TrueTypeFont allBold;

        Fonts(TrueTypeFont commonRegular, TrueTypeFont commonBold, DocumentBuilder parser) {
            this.commonRegular = commonRegular;
            this.commonBold = commonBold;
            this.common = characters(commonRegular);
            this.parser = parser;
        }

        TrueTypeFont allRegular() {
            if (allRegular == null) {
                allRegular = parse(resource(REGULAR));
            }
            return allRegular;
        }

        TrueTypeFont allBold() {
            if (allBold == null) {
                allBold = parse(resource(BOLD));
            }
            return allBold;
        }
    }

    private static final String REGULAR = "/fonts/NotoSansSC-Regular.ttf";
    private static final String BOLD = "/fonts/NotoSansSC-Bold.ttf";

    /**
     * The common characters' fonts, cut from the font files on the first PDF (not at start-up: the application may
     * never need them); each set parses its own copy from these. The whole files are read again only for a set that
     * meets a rare character.
     */
    private static final class FontFiles {
        static final byte[] COMMON_REGULAR = CommonCharacters.subset(resource(REGULAR));
        static final byte[] COMMON_BOLD = CommonCharacters.subset(resource(BOLD));
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
                return new Fonts(parse(FontFiles.COMMON_REGULAR), parse(FontFiles.COMMON_BOLD), xmlParser());
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
            builder.useFont(new Lazy(document, fonts.commonRegular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new Lazy(document, fonts.commonBold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            // openhtmltopdf loads every font of a family list into each document, and loading the whole font (its
            // widths of 30,000 glyphs) cost more than the rest of the fonts' work together: only for a rare character
            if (!coveredBy(fonts.common, xhtml)) {
                builder.useFont(new Lazy(document, fonts.allRegular()), FULL_FONT_FAMILY, 400, FontStyle.NORMAL, true);
                builder.useFont(new Lazy(document, fonts.allBold()), FULL_FONT_FAMILY, 700, FontStyle.NORMAL, true);
            }
            // parsed here by a parser made once: openhtmltopdf would look up a SAX parser factory for every document
            // (a service-loader search through the packaged jar) and copy SAX events into a DOM through a Transformer
            builder.withW3cDocument(xml(fonts.parser, xhtml), null);
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a statement could not be rendered as PDF", e);
        }
    }

    /** The characters of the Basic Multilingual Plane the font has a glyph for. */
    static BitSet characters(TrueTypeFont font) {
        try {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            BitSet characters = new BitSet(0x10000);
            for (int c = 0; c < 0x10000; c++) {
                if (cmap.getGlyphId(c) != 0) {
                    characters.set(c);
                }
            }
            return characters;
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF font could not be read", e);
        }
    }

    /** Whether every character of the text but its line breaks and tabs is one of the characters. */
    static boolean coveredBy(BitSet characters, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a character beyond the plane comes as two surrogates, neither of which a font maps
            if (c >= 0x20 && !characters.get(c)) {
                return false;
            }
        }
        return true;
    }

    /** A font loaded into the document when openhtmltopdf first asks for it (not while the builder is set up). */
    private static final class Lazy extends PDFontSupplier {
        private final PDDocument document;
        private final TrueTypeFont font;

        Lazy(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            try {
                return PDType0Font.load(document, font, true);
            } catch (IOException e) {
                throw new UncheckedIOException("the PDF font could not be embedded", e);
            }
        }
    }

    private static Document xml(DocumentBuilder parser, String xhtml) throws IOException {
        try {
            parser.reset();
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("a PDF's XHTML is not well-formed: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder xmlParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
            // the XHTML is ours, made by templates: no document type, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configurable", e);
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
