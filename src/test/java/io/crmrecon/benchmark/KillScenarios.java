package io.crmrecon.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app killed with {@code kill -9} in the middle of a bulk import, a matching run and a statement run, and
 * started again on the same database: each either finishes or is cleanly absent, with no duplicate document,
 * allocation, statement or e-mail. Prints what it found and exits non-zero when something is wrong. Run: {@code mvn -q
 * -DskipTests package && mvn -q exec:java@kill-scenarios} ({@code -Dcustomers=2000 -Ddocuments=100000
 * -Dentries=100000 -Dkill.run.after=4000}: the matching run is killed that many ms after it began).
 *
 * <p>The app runs with a job lock of 60 s instead of Camunda's 5 minutes: the jobs the killed JVM had locked are
 * taken up again once their lock expires, and the scenario need not wait five minutes for each.
 */
public final class KillScenarios {

    private static final Pattern RUN_URL = Pattern.compile("\"matchingRunUrl\":\"([^\"]+)\"");
    private static final ScenarioChecks CHECKS = new ScenarioChecks();

    private KillScenarios() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 2_000);
        int documents = Integer.getInteger("documents", 100_000);
        int entries = Integer.getInteger("entries", 100_000);
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        GreenMail smtp = RunningApp.mailServer();
        try (RunningApp app = RunningApp.start(RunningApp.sendingTo(smtp,
                "--camunda.bpm.job-execution.lock-time-in-millis=60000"), Map.of());
                Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword)) {
            System.out.printf("%nstart-up: %.1f s%n", app.startupSeconds);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BenchmarkFiles.writeCustomersCsv(out, customers, 42);
            app.upload("/api/customers/import", "customers.csv", out.toByteArray());

            bulkImport(app, db, documents, customers);
            matchingRun(app, db, entries, customers);
            statementRun(app, db, smtp, customers, period);
        } finally {
            smtp.stop();
        }
        CHECKS.exit("all scenarios clean");
    }

    /** Killed while the documents file is being written to the database: all of it or none of it is there. */
    private static void bulkImport(RunningApp app, Connection db, int documents, int customers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(out, documents, customers, 42);
        byte[] csv = out.toByteArray();
        CompletableFuture<String> upload = CompletableFuture.supplyAsync(() -> quietly(
                () -> app.upload("/api/documents/import", "documents.csv", csv)));
        boolean caught = killWhen(app, () -> active(db, "INSERT INTO document"), Duration.ofMinutes(2));
        long stored = ScenarioChecks.count(db, "SELECT COUNT(*) FROM document");
        System.out.printf("bulk import of %,d documents, killed %s: %,d documents stored after the restart (%s)%n",
                documents, caught ? "while writing them" : "(the import had ended first)", stored,
                stored == 0 || stored == documents ? "all or nothing: clean" : "PARTIAL");
        CHECKS.check(stored == 0 || stored == documents, "the killed import left part of its documents");
        upload.handle((a, e) -> null).join();
        String again = app.upload("/api/documents/import", "documents.csv", csv);
        long after = ScenarioChecks.count(db, "SELECT COUNT(*) FROM document");
        long doubled = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT document_no FROM document GROUP BY document_no "
                + "HAVING COUNT(*) > 1) d");
        System.out.printf("  the same file again: %s; %,d documents, %d document numbers twice%n", again, after,
                doubled);
        CHECKS.check(after == documents && doubled == 0, "the import again did not give each document once");
    }

    /** Killed while the bank statement's matching run applies money: no payment or invoice allocated twice. */
    private static void matchingRun(RunningApp app, Connection db, int entries, int customers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(out, entries, 42, LocalDate.of(2026, 10, 30), customers);
        String answer = app.upload("/api/bank-statements", "camt053.xml", out.toByteArray());
        Matcher url = RUN_URL.matcher(answer);
        CHECKS.check(url.find(), "the bank statement import named no matching run: " + answer);
        // a run loads, matches in memory, then writes its allocations in one transaction: killed in the middle
        long after = Long.getLong("kill.run.after", 4_000);
        long[] seen = {0};
        boolean caught = killWhen(app, () -> {
            if (seen[0] == 0 && ScenarioChecks.count(db, "SELECT COUNT(*) FROM matching_run WHERE status = 'RUNNING'") > 0) {
                seen[0] = System.nanoTime();
            }
            return seen[0] != 0 && System.nanoTime() - seen[0] >= after * 1_000_000;
        }, Duration.ofMinutes(5));
        long t0 = System.nanoTime();
        String run = app.awaitRun(url.group(1), Duration.ofMinutes(15), Duration.ofSeconds(1));
        System.out.printf("matching run of %,d payments, killed %s: after the restart %s in %.0f s%n  %s%n", entries,
                caught ? after + " ms after it began" : "(it had not begun)",
                run.contains("\"COMPLETED\"") ? "COMPLETED" : "NOT COMPLETED", RunningApp.seconds(t0), run);
        CHECKS.check(run.contains("\"COMPLETED\""), "the matching run did not complete after the restart");
        long overPaid = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT t.id FROM bank_transaction t JOIN allocation a "
                + "ON a.transaction_id = t.id GROUP BY t.id, t.amount HAVING SUM(a.amount) > ABS(t.amount)) x");
        long overApplied = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT d.id FROM document d JOIN allocation a "
                + "ON a.document_id = d.id GROUP BY d.id, d.amount HAVING SUM(a.amount + a.writeoff) > d.amount) x");
        long twice = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT transaction_id, document_id FROM allocation "
                + "WHERE reverses_id IS NULL GROUP BY transaction_id, document_id HAVING COUNT(*) > 1) x");
        long allocations = ScenarioChecks.count(db, "SELECT COUNT(*) FROM allocation");
        System.out.printf("  %,d allocations; payments allocated beyond their amount: %d, invoices beyond theirs: %d,"
                + " the same payment and invoice allocated twice: %d%n", allocations, overPaid, overApplied, twice);
        CHECKS.check(overPaid == 0 && overApplied == 0 && twice == 0, "money was applied twice");
    }

    /** Killed while statements are mailed: one statement per customer, each mailed once (one Message-ID). */
    private static void statementRun(RunningApp app, Connection db, GreenMail smtp, int customers, YearMonth period)
            throws Exception {
        // the customers' open items from the bulk import are what their statements show
        HttpResponse<String> started = app.postJson("/api/statement-runs", "{\"period\":\"" + period + "\"}");
        CHECKS.check(started.statusCode() == 202, "the statement run was not started: " + started.body());
        String runUrl = started.headers().firstValue("Location").orElseThrow();
        boolean caught = killWhen(app, () -> smtp.getReceivedMessages().length >= customers / 3,
                Duration.ofMinutes(10));
        int before = smtp.getReceivedMessages().length;
        long t0 = System.nanoTime();
        String run = app.awaitRun(runUrl, Duration.ofMinutes(30), Duration.ofSeconds(1));
        System.out.printf("statement run, killed %s after %,d mails: after the restart %s in %.0f s%n  %s%n",
                caught ? "while mailing" : "(it had ended first)", before,
                run.contains("\"COMPLETED\"") ? "COMPLETED" : "NOT COMPLETED", RunningApp.seconds(t0), run);
        CHECKS.check(run.contains("\"COMPLETED\""), "the statement run did not complete after the restart");
        long selected = ScenarioChecks.count(db, "SELECT COUNT(*) FROM statement_run_customer");
        long statements = ScenarioChecks.count(db, "SELECT COUNT(*) FROM statement");
        long doubled = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT customer_id, currency, period FROM statement "
                + "GROUP BY customer_id, currency, period HAVING COUNT(*) > 1) x");
        ScenarioChecks.Mails mails = ScenarioChecks.mails(smtp, number -> true);
        long twiceAsNew = mails.sentAsTwo();
        System.out.printf("  %,d customers selected, %,d statements, %d customers with two; %,d statements mailed, "
                        + "%d of them as two different mails; %,d copies received (a copy beyond one is a resend with"
                        + " the same Message-ID, after a kill between the server's OK and the commit)%n", selected,
                statements, doubled, mails.ids().size(), twiceAsNew, mails.copies());
        CHECKS.check(statements == selected && doubled == 0, "a customer got no statement or two");
        CHECKS.check(mails.ids().size() == selected && twiceAsNew == 0, "a statement was not mailed, or mailed as two mails");
    }

    /** Polls until {@code when} holds, then kills and restarts the app; false when it never held. */
    private static boolean killWhen(RunningApp app, BooleanSupplier when, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        boolean held = false;
        while (System.nanoTime() < deadline && !(held = when.getAsBoolean())) {
            Thread.sleep(20);
        }
        double restart = app.killAndRestart();
        System.out.printf("(kill -9, started again in %.1f s)%n", restart);
        return held;
    }

    /** Whether the app is running a statement that contains {@code text} right now. */
    private static boolean active(Connection db, String text) {
        return ScenarioChecks.count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
                + "AND query ILIKE '%" + text + "%' AND query NOT ILIKE '%pg_stat_activity%'") > 0;
    }

    private interface Call {
        String get() throws Exception;
    }

    private static String quietly(Call call) {
        try {
            return call.get();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
