package io.crmrecon.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The characters nearly every statement is written in: ASCII and Latin-1, general punctuation, the CJK symbols,
 * full-width forms and the 6,763 hanzi of GB 2312 (what a Chinese company's or person's name almost always uses).
 */
final class CommonCharacters {

    private CommonCharacters() {
    }

    static boolean isCommon(int codePoint, CharsetEncoder gb2312) {
        return codePoint >= 0x20 && codePoint < 0x7f
                || codePoint >= 0xa0 && codePoint < 0x100
                || codePoint >= 0x2000 && codePoint < 0x2070 // general punctuation
                || codePoint >= 0x20a0 && codePoint < 0x20c0 // currency signs
                || codePoint >= 0xff00 && codePoint < 0xfff0 // full-width forms
                || codePoint >= 0x2e80 && codePoint < 0x10000 && gb2312.canEncode((char) codePoint);
    }

    /** The font file cut down to the common characters (the glyphs they use, and nothing else). */
    static byte[] subset(byte[] fontFile) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
            TTFSubsetter subsetter = new TTFSubsetter(font);
            CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
            for (int c = 0x20; c < 0x10000; c++) {
                if (isCommon(c, gb2312)) {
                    subsetter.add(c);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(fontFile.length / 3);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF font could not be cut down", e);
        }
    }
}
