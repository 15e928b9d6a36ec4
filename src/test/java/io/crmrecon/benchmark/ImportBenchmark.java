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
 * The import figures of the foundation, end to end: the packaged jar started as an operator starts it on
 * PostgreSQL, files posted over HTTP as a user would. Prints the figures; asserts nothing (see README, "Benchmarks").
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
            System.out.printf("%nstart-up of the packaged jar on PostgreSQL (-Xmx%s %s, to /actuator/health/readiness "
                    + "UP): %.1f s%n", RunningApp.HEAP, RunningApp.GC, app.startupSeconds);
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
            LocalDate day = LocalDate.of(2026, 10, 30);
            BenchmarkFiles.writeCamt053(out, entries, 42, day, customers);
            byte[] camt = out.toByteArray();
            System.out.printf("import of a camt.053 with %,d entries (%.1f MB), the first of this JVM:%n", entries,
                    camt.length / 1e6);
            importAndMatch(app, camt);
            long t4 = System.nanoTime();
            String again = app.upload("/api/bank-statements", "camt053.xml", camt);
            System.out.printf("the same camt.053 again (all duplicates): %.2f s  %s%n", seconds(t4), again);

            // the next day on the same server: its code compiled by now, as it is once it has run for a while
            // (the first import above ran much of it for the first time); the day before's exceptions are matched
            // again with the new payments
            app.awaitIdleJobExecutor(Duration.ofMinutes(10));
            out = new ByteArrayOutputStream();
            BenchmarkFiles.writeDocumentsCsv(out, documents, customers, 42, BenchmarkFiles.DEFAULT_AS_OF,
                    documents + 1);
            long t5 = System.nanoTime();
            answer = app.upload("/api/documents/import", "documents.csv", out.toByteArray());
            System.out.printf("the next day: %,d more documents: %.2f s  %s%n", documents, seconds(t5), answer);
            // that import matched the payments that had come before their invoices and ends their clerks' tasks
            double idle = app.awaitIdleJobExecutor(Duration.ofMinutes(10));
            System.out.printf("  its matching run and the job executor's work after it (the tasks of the payments it "
                    + "settled ended) done %.1f s after its answer%n", idle);
            out = new ByteArrayOutputStream();
            BenchmarkFiles.writeCamt053(out, entries, 42, day.plusDays(1), customers,
                    BenchmarkFiles.documentAfterPaid(entries, 1));
            camt = out.toByteArray();
            System.out.printf("the next day: a camt.053 with %,d entries (%.1f MB) paying those, on the same server:%n",
                    entries, camt.length / 1e6);
            importAndMatch(app, camt);
        }
    }

    /** Posts the bank file and follows the matching run it names until COMPLETED, as a script would. */
    private static void importAndMatch(RunningApp app, byte[] camt) throws Exception {
        long t3 = System.nanoTime();
        Instant uploadStarted = Instant.now();
        String answer = app.upload("/api/bank-statements", "camt053.xml", camt);
        double imported = seconds(t3);
        System.out.printf("  import: %.2f s  %s%n", imported, answer);
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("\"matchingRunUrl\":\"([^\"]+)\"")
                .matcher(answer);
        if (!run.find()) {
            return;
        }
        String status = app.awaitRun(run.group(1), Duration.ofMinutes(10));
        double total = seconds(t3);
        long statementId = Long.parseLong(answer.replaceAll(".*\"bankStatementId\":(\\d+).*", "$1"));
        try (Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword)) {
            // the money-in transactions of the file: what its run is for
            long newPayments = ScenarioChecks.count(db, "SELECT COUNT(*) FROM bank_transaction "
                    + "WHERE bank_statement_id = " + statementId + " AND amount > 0");
            int transactions = Integer.parseInt(status.replaceAll(".*\"transactions\":(\\d+).*", "$1"));
            // the file's own transactions over the time: the run also reads any payment left unapplied before
            System.out.printf("  upload start -> its matching run COMPLETED: %.2f s (import %.2f s, run %.2f s "
                    + "after the answer), %,.0f transactions/s end to end (the file's %,d payments; the run matched "
                    + "%,d)  %s%n", total, imported, total - imported, newPayments / total, newPayments, transactions,
                    status);
            List<String> runs = app.logLines("Matching run ");
            if (!runs.isEmpty()) {
                System.out.println("  " + runs.get(runs.size() - 1));
            }
            timeline(db, Long.parseLong(status.replaceAll(".*\"id\":(\\d+).*", "$1")), uploadStarted, imported);
        }
    }

    /**
     * Where the time after the import's answer went, from the database's clock (the same machine's): when the
     * run's job was created and taken, when the run began reading and when it finished, and when the job's
     * transaction committed (its job log's success).
     */
    private static void timeline(Connection db, long runId, Instant uploadStarted, double answeredAfter)
            throws SQLException {
        // the run's own instance (business key: its bank statement), not another run's job that ran meanwhile
        String own = " IN (SELECT id_ FROM act_hi_procinst WHERE proc_def_key_ = 'paymentMatching' "
                + "AND business_key_ = CAST(r.bank_statement_id AS VARCHAR))";
        try (PreparedStatement q = db.prepareStatement("SELECT r.started_at, r.work_started_at, r.finished_at, "
                        + "(SELECT MIN(c.timestamp_) FROM act_hi_job_log c WHERE c.act_id_ = 'autoMatch' "
                        + "AND c.job_state_ = 0 AND c.timestamp_ >= r.started_at "
                        + "AND c.process_instance_id_" + own + "), "
                        + "(SELECT MIN(a.start_time_) FROM act_hi_actinst a WHERE a.act_id_ = 'autoMatch' "
                        + "AND a.start_time_ >= r.started_at AND a.proc_inst_id_" + own + "), "
                        + "(SELECT MIN(d.timestamp_) FROM act_hi_job_log d WHERE d.act_id_ = 'autoMatch' "
                        + "AND d.job_state_ = 2 AND d.timestamp_ >= r.started_at "
                        + "AND d.process_instance_id_" + own + ") "
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
