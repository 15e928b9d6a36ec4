package io.crmrecon.benchmark;

import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The import figures of the foundation, end to end: the packaged jar started with -Xmx512m on PostgreSQL, files
 * posted over HTTP as a user would. Prints the figures; asserts nothing (see README, "Benchmarks").
 *
 * <p>PostgreSQL: {@code RECON_BENCH_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) or an embedded PostgreSQL 16.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("documents", 100_000);
        int entries = Integer.getInteger("entries", 100_000);
        int customers = Integer.getInteger("customers", 2_000);
        // the job executor on: the bank statement's matching run is its job
        try (RunningApp app = RunningApp.start(List.of(), Map.of())) {
            System.out.printf("%nstart-up of the packaged jar on PostgreSQL (-Xmx512m, to /actuator/health/readiness "
                    + "UP): %.1f s%n", app.startupSeconds);
            app.logLines("Started ReconApplication").forEach(l -> System.out.println("  " + l));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BenchmarkFiles.writeCustomersCsv(out, customers, 42);
            app.upload("/api/customers/import", "customers.csv", out.toByteArray());

            out = new ByteArrayOutputStream();
            BenchmarkFiles.writeDocumentsCsv(out, documents, customers, 42);
            byte[] documentsCsv = out.toByteArray();
            long t1 = System.nanoTime();
            String answer = app.upload("/api/documents/import", "documents.csv", documentsCsv);
            System.out.printf("import of %,d documents (CSV, %.1f MB, HTTP, PostgreSQL): %.2f s  %s%n", documents,
                    documentsCsv.length / 1e6, seconds(t1), answer);
            long t2 = System.nanoTime();
            answer = app.upload("/api/documents/import", "documents.csv", documentsCsv);
            System.out.printf("the same %,d documents again (all unchanged): %.2f s  %s%n", documents, seconds(t2),
                    answer);

            out = new ByteArrayOutputStream();
            // entry k pays the documents file's k-th invoice: what matching settles is known
            BenchmarkFiles.writeCamt053(out, entries, 42, LocalDate.of(2026, 10, 30), customers);
            byte[] camt = out.toByteArray();
            long t3 = System.nanoTime();
            answer = app.upload("/api/bank-statements", "camt053.xml", camt);
            double imported = seconds(t3);
            System.out.printf("import of a camt.053 with %,d entries (%.1f MB): %.2f s  %s%n", entries,
                    camt.length / 1e6, imported, answer);
            // the run the import started, as a script waits for it: from the start of the upload to COMPLETED
            java.util.regex.Matcher run = java.util.regex.Pattern.compile("\"matchingRunUrl\":\"([^\"]+)\"")
                    .matcher(answer);
            if (run.find()) {
                String status = app.awaitRun(run.group(1), Duration.ofMinutes(10));
                double total = seconds(t3);
                int transactions = Integer.parseInt(status.replaceAll(".*\"transactions\":(\\d+).*", "$1"));
                System.out.printf("upload start -> its matching run COMPLETED: %.2f s (import %.2f s, run %.2f s "
                        + "after the answer), %,.0f transactions/s end to end  %s%n", total, imported,
                        total - imported, transactions / total, status);
                app.logLines("Matching run ").forEach(l -> System.out.println("  " + l));
            }
            long t4 = System.nanoTime();
            answer = app.upload("/api/bank-statements", "camt053.xml", camt);
            System.out.printf("the same camt.053 again (all duplicates): %.2f s  %s%n", seconds(t4), answer);
        }
    }

    private static double seconds(long since) {
        return RunningApp.seconds(since);
    }
}
