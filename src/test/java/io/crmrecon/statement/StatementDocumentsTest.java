package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.TestTemplates;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The statement as a document: its texts in the customer's language, and a PDF whose Chinese is real text. */
class StatementDocumentsTest {

    static StatementDocuments documents;
    static StatementSnapshot snapshot;

    @BeforeAll
    static void setUp() throws Exception {
        freemarker.template.Configuration freemarker = TestTemplates.configuration();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/statement", "messages/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        CompanyDetails company = new CompanyDetails("上海示例贸易有限公司", "上海市浦东新区世纪大道100号",
                "91310000MA1FL00000", "招商银行上海分行", "121900000000001", null, null);
        documents = new StatementDocuments(freemarker, messages, company,
                Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

        List<PostedDocument> docs = new ArrayList<>();
        List<AppliedCash> allocs = new ArrayList<>();
        docs.add(StatementCalculatorTest.doc("INV-2026-000101", DocumentType.INVOICE, "2026-09-20", "2026-10-20",
                "12800.00", "2026-09-20T08:00:00Z"));
        for (int i = 0; i < 18; i++) {
            docs.add(StatementCalculatorTest.doc("INV-2026-0002" + String.format("%02d", i), DocumentType.INVOICE,
                    "2026-10-" + String.format("%02d", 1 + i), "2026-11-" + String.format("%02d", 1 + i),
                    (1000 + i * 37) + ".50", "2026-10-01T08:00:00Z"));
        }
        allocs.add(StatementCalculatorTest.alloc(1, "CMB20261015001", "2026-10-15", "INV-2026-000101", "12790.00",
                "10.00", false, "2026-10-15T09:00:00Z"));
        docs.add(StatementCalculatorTest.doc("BILL-88", DocumentType.BILL, "2026-10-09", "2026-11-08", "400.00",
                "2026-10-09T08:00:00Z"));
        snapshot = StatementCalculator.snapshot(StatementPeriod.parse("2026-10"), "CNY",
                new LedgerFacts(docs, allocs, Set.of("INV-2026-000205")), null, Instant.parse("2026-11-01T02:00:00Z"));
    }

    @Test
    void theChinesePdfCarriesTheStatementAsTextWithItsChinese() throws Exception {
        StatementView view = documents.view(snapshot, new StatementView.Header("S2610-0042", 1, "C001",
                "天津滨海物流有限公司", Locale.SIMPLIFIED_CHINESE));
        byte[] pdf = documents.pdf(view, Locale.SIMPLIFIED_CHINESE);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        keep("statement-zh", pdf);
        String text = text(pdf);
        assertThat(text).contains("对账单", "S2610-0042", "天津滨海物流有限公司", "上海示例贸易有限公司", "期初余额",
                "期末余额", "收款", "差额核销", "有异议", "账龄", "贵司账单合计", "12,790.00", "CMB20261015001");
        assertThat(text).contains(view.closing());
        assertThat(view.closing()).isEqualTo(String.format(Locale.ROOT, "%,.2f", snapshot.closingBalance()));
    }

    @Test
    void aCreditNoteWaitingToBeUsedIsNeverShownAsLate() {
        List<PostedDocument> docs = List.of(
                StatementCalculatorTest.doc("INV-2026-000301", DocumentType.INVOICE, "2026-08-01", "2026-08-31",
                        "5000.00", "2026-08-01T08:00:00Z"),
                StatementCalculatorTest.doc("CN-2026-000301", DocumentType.CREDIT_NOTE, "2026-08-05", "2026-09-04",
                        "800.00", "2026-08-05T08:00:00Z"));
        StatementSnapshot s = StatementCalculator.snapshot(StatementPeriod.parse("2026-10"), "CNY",
                new LedgerFacts(docs, List.of(), Set.of()), null, Instant.parse("2026-11-01T02:00:00Z"));
        StatementView view = documents.view(s, new StatementView.Header("S2610-0043", 1, "C002", "Acme Ltd",
                Locale.ENGLISH));

        StatementView.Item invoice = view.openItems().stream()
                .filter(i -> i.documentNo().equals("INV-2026-000301")).findFirst().orElseThrow();
        StatementView.Item credit = view.openItems().stream()
                .filter(i -> i.documentNo().equals("CN-2026-000301")).findFirst().orElseThrow();
        assertThat(invoice.overdue()).isEqualTo("61");
        assertThat(credit.open()).isEqualTo("-800.00");
        assertThat(credit.overdue()).isEmpty();
    }

    @Test
    void anEnglishCustomerGetsEnglishTextsAndTheSameFigures() throws Exception {
        StatementView view = documents.view(snapshot, new StatementView.Header("S2610-0042", 2, "C001",
                "Binhai Logistics", Locale.ENGLISH));
        String xhtml = documents.xhtml(view, Locale.ENGLISH);
        assertThat(xhtml).contains("lang=\"en\"", "Statement of account", "Opening balance", "Version 2");
        byte[] pdf = documents.pdf(view, Locale.ENGLISH);
        keep("statement-en", pdf);
        String text = text(pdf).replaceAll("\\s+", " "); // a cell may wrap its text
        assertThat(text).contains("Statement of account", "Closing balance", "Payment received", "Written off",
                "disputed", view.closing()).doesNotContain("对账单");
    }

    @Test
    void aRareCharacterInANameIsDrawnFromTheWholeFontAndOnlyThen() throws Exception {
        // 堃 and 喆 are outside GB 2312 (names use them); the cut-down font lacks them, the whole font has them
        java.nio.charset.CharsetEncoder gb2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();
        assertThat(CommonCharacters.isCommon('堃', gb2312)).isFalse();
        assertThat(CommonCharacters.isCommon('滨', gb2312)).isTrue();
        StatementView rare = documents.view(snapshot, new StatementView.Header("S2610-0043", 1, "C002",
                "王堃喆商贸有限公司", Locale.SIMPLIFIED_CHINESE));
        byte[] pdf = documents.pdf(rare, Locale.SIMPLIFIED_CHINESE);
        assertThat(text(pdf)).contains("王堃喆商贸有限公司", "期末余额");
        assertThat(fontNames(pdf)).anyMatch(name -> name.contains("NotoSansSC")).hasSizeGreaterThan(2);

        StatementView common = documents.view(snapshot, new StatementView.Header("S2610-0042", 1, "C001",
                "天津滨海物流有限公司", Locale.SIMPLIFIED_CHINESE));
        assertThat(fontNames(documents.pdf(common, Locale.SIMPLIFIED_CHINESE))).hasSize(2);
    }

    /** The base names of the fonts the PDF's pages use (a subset prefix is part of each name). */
    private static java.util.Set<String> fontNames(byte[] pdf) throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    @Test
    void aCustomerWhoseLocaleWritesNumbersOtherwiseReadsThemSo() {
        StatementView view = documents.view(snapshot, new StatementView.Header("S2610-0042", 1, "C001", "Kunde",
                Locale.GERMANY));
        assertThat(view.lines().get(0).debit()).isEqualTo("1.000,50");
    }

    /** The PDF and a picture of its first page, kept as test artefacts to look at. */
    static void keep(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // extraction may give compatibility ideographs (⿍ for 鼎): compare normalised text
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
        }
    }
}
