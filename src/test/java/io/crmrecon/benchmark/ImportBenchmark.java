package io.crmrecon.benchmark;

import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
            Instant uploadStarted = Instant.now();
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
                timeline(app, Long.parseLong(status.replaceAll(".*\"id\":(\\d+).*", "$1")), uploadStarted,
                        imported);
            }
            long t4 = System.nanoTime();
            answer = app.upload("/api/bank-statements", "camt053.xml", camt);
            System.out.printf("the same camt.053 again (all duplicates): %.2f s  %s%n", seconds(t4), answer);
        }
    }

    /**
     * Where the time after the import's answer went, from the database's clock (the same machine's): when the
     * run's job was created and taken, when the run began reading and when it finished, and when the job's
     * transaction committed (its job log's success).
     */
    private static void timeline(RunningApp app, long runId, Instant uploadStarted, double answeredAfter)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword);
                PreparedStatement q = db.prepareStatement("SELECT r.started_at, r.work_started_at, r.finished_at, "
                        + "(SELECT MIN(c.timestamp_) FROM act_hi_job_log c WHERE c.act_id_ = 'autoMatch' "
                        + "AND c.job_state_ = 0 AND c.timestamp_ >= r.started_at), "
                        + "(SELECT MIN(a.start_time_) FROM act_hi_actinst a WHERE a.act_id_ = 'autoMatch' "
                        + "AND a.start_time_ >= r.started_at), "
                        + "(SELECT MIN(d.timestamp_) FROM act_hi_job_log d WHERE d.act_id_ = 'autoMatch' "
                        + "AND d.job_state_ = 2 AND d.timestamp_ >= r.started_at) "
                        + "FROM matching_run r WHERE r.id = ?")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                String[] names = {"run row inserted", "its job created", "job taken by the job executor",
                        "work started (lock taken)", "run finished (its update)", "job committed"};
                int[] columns = {1, 4, 5, 2, 3, 6};
                System.out.printf("  timeline after the upload's start: import answered %.2f s", answeredAfter);
                for (int i = 0; i < columns.length; i++) {
                    Timestamp at = rs.getTimestamp(columns[i]);
                    if (at != null) {
                        System.out.printf("; %s %.2f s", names[i],
                                Duration.between(uploadStarted, at.toInstant()).toMillis() / 1000.0);
                    }
                }
                System.out.println();
            }
        }
    }

    private static double seconds(long since) {
        return RunningApp.seconds(since);
    }
}
