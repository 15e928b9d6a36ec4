package io.crmrecon.statement;

import java.util.Locale;

/**
 * Prints how long a 20-line statement takes as PDF, one thread: the first (fonts parsed) and the mean of the
 * rest. Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.crmrecon.statement.StatementPdfBenchmark}.
 */
public final class StatementPdfBenchmark {

    /** Held, since the JDK keeps loggers only weakly: openhtmltopdf logs every font load at INFO. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("com.openhtmltopdf");

    private StatementPdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        // as the application logs: warnings only (without a configuration Logback writes everything down to DEBUG)
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // as application.yml: PDFBox warns of a fallback for the built-in Symbol font on every document
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "org.apache.pdfbox.pdmodel.font.PDType1Font")).setLevel(ch.qos.logback.classic.Level.ERROR);
        StatementDocumentsTest.setUp();
        StatementView view = StatementDocumentsTest.documents.view(StatementDocumentsTest.snapshot,
                new StatementView.Header("S2610-0042", 1, "C001", "天津滨海物流有限公司", Locale.SIMPLIFIED_CHINESE));
        long start = System.nanoTime();
        byte[] first = StatementDocumentsTest.documents.pdf(view, Locale.SIMPLIFIED_CHINESE);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        int n = Integer.getInteger("pdfs", 300);
        for (int i = 0; i < 50; i++) {
            StatementDocumentsTest.documents.pdf(view, Locale.SIMPLIFIED_CHINESE);
        }
        start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += StatementDocumentsTest.documents.pdf(view, Locale.SIMPLIFIED_CHINESE).length;
        }
        double meanMs = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("statement PDF (20 lines, 2 pages): first %d ms (fonts parsed), then %.1f ms each over %d"
                + " (%.0f KB each)%n", firstMs, meanMs, n, bytes / 1024.0 / n);
        System.out.printf("first PDF %d KB%n", first.length / 1024);
    }
}
