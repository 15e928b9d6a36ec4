package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.BitSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    static BitSet common;

    @BeforeAll
    static void cutTheCommonFont() throws Exception {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            byte[] cut = CommonCharacters.subset(in.readAllBytes());
            common = PdfRenderer.characters(new TTFParser().parse(new RandomAccessReadBuffer(cut)));
        }
    }

    @Test
    void theCommonFontsDrawEverydayChineseAndWesternText() {
        assertThat(PdfRenderer.coveredBy(common, "<td class=\"num\">1,234.50</td>\n\t天津滨海物流有限公司 Müller €")).isTrue();
    }

    @Test
    void aCharacterOutsideGb2312NeedsTheWholeFonts() {
        assertThat(PdfRenderer.coveredBy(common, "王堃喆商贸有限公司")).isFalse();
    }

    @Test
    void aCharacterBeyondTheBasicPlaneNeedsTheWholeFonts() {
        assertThat(PdfRenderer.coveredBy(common, "客户 \uD840\uDC00")).isFalse();
    }
}
