package io.crmrecon.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.crmrecon.benchmark.HandoverTable.Row;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long each hand-over between the processes takes on PostgreSQL, with the packaged jar and its job executor:
 * <ol>
 * <li>a customer's dispute ({@code POST /s/{token}/dispute} answered) until the {@code investigateDispute} task is
 * in Tasklist (engine-rest's task query, as a clerk, returns it);</li>
 * <li>the clerk's decision ({@code submit-form} on that task answered; REJECT with a note, so no approval) until
 * the customer's mail is queued (its {@code mail_outbox} row: {@code queued_at}, when a poller first sees the row,
 * and when the SMTP server received the message);</li>
 * <li>the payment matched until the settlement is closed: every customer confirms, the settlements ask to be
 * paid, then ONE bank file pays each settlement's net amount quoting the statement number and the invoices; per
 * settlement from its allocations' {@code created_at} to {@code settlement.closed_at}.</li>
 * </ol>
 * {@code customers} customers with {@code lines} documents each in last month, a statement run, then the first
 * {@code disputes} of them dispute a line one after another, {@code gap} ms between an answer and the next
 * request; the clerk (a user in group clerks, created through engine-rest) rejects them the same way. Pollers look
 * every {@code poll} ms; a hand-over not seen within {@code wait} seconds counts as missing. {@code pay} says when
 * the bank file comes ({@link #PAY}). Besides each hand-over it prints the engine's own times of the job in between
 * (created, picked up by the job executor, done). Prints the figures; asserts nothing (see README, "Benchmarks").
 * <p>
 * This class is the flow: the parameters, the three phases (what is sent when, when each hand-over ends) and the
 * printed table. The requests are in {@link HandoverSteps}, the database and engine readings in
 * {@link HandoverReadings}, the table's rows in {@link HandoverTable}.
 */
public final class HandoverBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * When the bank file comes: {@code waiting} (every settlement waits for its payment), {@code opened} (as soon as
     * every settlement is open, some still requesting payment), {@code mail-down} (the mail server stopped before the
     * customers confirm, so no payment request is delivered: no settlement waits for its payment yet).
     */
    private static final String PAY = System.getProperty("pay", "waiting");

    private final RunningApp app;
    private final HandoverSteps steps;
    private final HandoverReadings readings;
    private final GreenMail smtp;
    private final ServerSetup smtpSetup;
    private final long gapMs;
    private final long pollMs;
    private final Duration wait;
    private final HandoverTable table = new HandoverTable();

    private HandoverBenchmark(RunningApp app, GreenMail smtp, Connection db, Connection watch, long gapMs,
            long pollMs, Duration wait) throws Exception {
        this.app = app;
        this.smtp = smtp;
        this.smtpSetup = smtp.getSmtp().getServerSetup();
        this.readings = new HandoverReadings(db, watch);
        this.gapMs = gapMs;
        this.pollMs = pollMs;
        this.wait = wait;
        this.steps = new HandoverSteps(app);
    }

    /** One statement of the run: who it is for, and the customer's link. */
    record Customer(long customerId, String name, String email, String account,
            long statementId, String statementNo, String token) {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 200);
        int lines = Integer.getInteger("lines", 5);
        int disputes = Math.min(customers, Integer.getInteger("disputes", 100));
        long gapMs = Long.getLong("gap", 200);
        long pollMs = Long.getLong("poll", 10);
        Duration wait = Duration.ofSeconds(Long.getLong("wait", 120));
        YearMonth period = YearMonth.now(ZONE).minusMonths(1);
        GreenMail smtp = RunningApp.mailServer();
        try (RunningApp app = RunningApp.start(RunningApp.sendingTo(smtp,
                // every customer answers from this machine
                "--recon.statement.page-rate-limit=0"), Map.of());
                Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword);
                Connection watch = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword)) {
            System.out.printf("%n%s, load average (1, 5, 15 min) %s; start-up of the packaged jar on PostgreSQL: "
                    + "%.1f s (log: %s)%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    loadAverage(), app.startupSeconds, app.log);
            HandoverBenchmark bench = new HandoverBenchmark(app, smtp, db, watch, gapMs, pollMs, wait);
            List<Customer> ledger = bench.ledgerAndStatements(customers, lines, period);
            List<Customer> disputing = ledger.subList(0, disputes);
            bench.readings.awaitIdle("after the statement run");
            Map<String, String> tasks = bench.disputes(disputing);
            bench.rejections(disputing, tasks);
            bench.settlements(ledger);
            bench.print(customers, lines, disputes);
        } finally {
            smtp.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ the ledger

    private List<Customer> ledgerAndStatements(int customers, int lines, YearMonth period) throws Exception {
        steps.ledger(customers, lines, period);
        List<Customer> ledger = readings.sentStatements(period, HandoverSteps.links(smtp.getReceivedMessages()));
        System.out.printf("%,d statements sent with a link (%,d mails received)%n", ledger.size(),
                smtp.getReceivedMessages().length);
        return ledger;
    }

    // ------------------------------------------------------------------------------------- 1: dispute → Tasklist

    /** The investigateDispute task of each dispute (by dispute number). */
    private Map<String, String> disputes(List<Customer> disputing) throws Exception {
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> answered = new ConcurrentHashMap<>();
        Map<String, Instant> seen = new ConcurrentHashMap<>();
        Map<String, String> taskIds = new ConcurrentHashMap<>();
        Map<String, String> byInstance = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Instant phaseStart = Instant.now();
        Future<?> poller = daemon().submit(() -> {
            while (sending.get() || seen.size() < answered.size()) {
                List<String> pending = answered.keySet().stream().filter(k -> !seen.containsKey(k)).toList();
                if (pending.isEmpty()) {
                    Thread.sleep(pollMs);
                    continue;
                }
                // what the clerk's Tasklist shows: one query for every dispute not seen yet
                var r = steps.tasklist(pending);
                Instant now = Instant.now();
                for (JsonNode task : HandoverSteps.tasks(r)) {
                    String instance = task.get("processInstanceId").asText();
                    String key = byInstance.computeIfAbsent(instance, readings::businessKey);
                    if (key != null && seen.putIfAbsent(key, now) == null) {
                        taskIds.put(key, task.get("id").asText());
                    }
                }
                if (System.nanoTime() > deadline(answered)) {
                    return null;
                }
                Thread.sleep(pollMs);
            }
            return null;
        });
        try {
            for (Customer c : disputing) {
                String form = HandoverSteps.disputeForm(readings.firstInvoice(c.statementId));
                Instant before = Instant.now();
                var r = steps.dispute(c, form);
                Instant at = Instant.now();
                sent.put(c.statementNo + "-D1", before);
                if (r.statusCode() != 302 && r.statusCode() != 303 && r.statusCode() != 200) {
                    throw new IllegalStateException("dispute of " + c.statementNo + ": " + r.statusCode());
                }
                answered.put(c.statementNo + "-D1", at);
                Thread.sleep(gapMs);
            }
        } finally {
            sending.set(false);
        }
        poller.get();
        readings.awaitIdle("after the disputes"); // the job log complete
        table.add(Row.of("    (the customer's POST /s/{token}/dispute itself: sent → answered)", sent, answered));
        table.add(Row.of("1 dispute answered → investigateDispute in Tasklist (engine-rest, as the clerk)",
                answered, seen));
        table.add(Row.of("    (engine: answered → task created, act_hi_taskinst)", answered,
                readings.disputeTasksCreated()));
        table.addAll(readings.jobs("openDispute", phaseStart));
        return taskIds;
    }

    // -------------------------------------------------------------------------- 2: clerk's decision → mail queued

    private void rejections(List<Customer> disputing, Map<String, String> tasks) throws Exception {
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> answered = new ConcurrentHashMap<>();
        Map<String, Instant> queued = new ConcurrentHashMap<>();
        Map<String, Instant> visible = new ConcurrentHashMap<>();
        Map<String, Instant> received = new ConcurrentHashMap<>();
        Map<String, String> messageIds = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Instant phaseStart = Instant.now();
        Future<?> poller = daemon().submit(() -> {
            try (PreparedStatement resends = readings.resends()) {
                while (sending.get() || received.size() < answered.size()) {
                    HandoverReadings.lookAtResends(resends, visible, queued, messageIds);
                    // only while a queued mail is not yet at the SMTP server
                    if (!messageIds.isEmpty() && received.size() < messageIds.size()) {
                        MimeMessage[] mails = smtp.getReceivedMessages();
                        Instant now = Instant.now();
                        for (MimeMessage m : mails) {
                            String statementNo = messageIds.get(m.getMessageID());
                            if (statementNo != null) {
                                received.putIfAbsent(statementNo, now);
                            }
                        }
                    }
                    if (System.nanoTime() > deadline(answered)) {
                        return null;
                    }
                    Thread.sleep(pollMs);
                }
            }
            return null;
        });
        try {
            for (Customer c : disputing) {
                String task = tasks.get(c.statementNo + "-D1");
                if (task == null) {
                    continue;
                }
                Instant before = Instant.now();
                var r = steps.reject(task);
                Instant at = Instant.now();
                if (r.statusCode() != 204) {
                    throw new IllegalStateException("submit-form of " + c.statementNo + ": " + r.statusCode() + " "
                            + r.body());
                }
                sent.put(c.statementNo, before);
                answered.put(c.statementNo, at);
                Thread.sleep(gapMs);
            }
        } finally {
            sending.set(false);
        }
        poller.get();
        readings.awaitIdle("after the rejections");
        table.add(Row.of("    (the clerk's POST /engine-rest/task/{id}/submit-form itself: sent → answered)", sent,
                answered));
        table.add(Row.of("2 clerk's REJECT answered → mail queued (mail_outbox.queued_at)", answered, queued));
        table.add(Row.of("    … → the outbox row seen by a poller (committed)", answered, visible));
        table.add(Row.of("    … → the mail received by the SMTP server (GreenMail)", answered, received));
        table.addAll(readings.jobs("tellRejected", phaseStart));
        table.addAll(readings.jobs("deliverMail", phaseStart));
    }

    // ------------------------------------------------------------------------ 3: payment matched → settlement closed

    private void settlements(List<Customer> ledger) throws Exception {
        if (PAY.equals("mail-down")) {
            smtp.stop();
            System.out.println("the mail server is stopped: the payment requests cannot be delivered");
        }
        long t0 = System.nanoTime();
        int failed = steps.confirmAll(ledger);
        System.out.printf("%,d confirms in %.1f s (%d failed)%n", ledger.size(), RunningApp.seconds(t0), failed);

        // the settlements open and ask to be paid: wait until each one that is owed money waits for it (pay=waiting)
        // or only until each is open (pay=opened, mail-down: some may not wait for the payment yet)
        int[] state = readings.awaitSettlementsOpen(ledger.size(), PAY.equals("waiting"));
        System.out.printf("settlements: %,d opened, %,d not yet waiting for their payment, after %.1f s%n", state[0],
                state[1], RunningApp.seconds(t0));
        if (PAY.equals("waiting")) {
            readings.awaitIdle("after the payment requests");
        }

        HandoverSteps.BankFile file = HandoverSteps.bankFile(LocalDate.now(ZONE), ledger, readings.settlements());
        Map<String, String> settlementOf = file.settlementOf();
        System.out.printf("bank file: %,d payments (settlements not owed anything: %s)%n", settlementOf.size(),
                file.notOwed());
        long t1 = System.nanoTime();
        Instant uploaded = Instant.now();
        String imported = steps.upload(file);
        double importSeconds = RunningApp.seconds(t1);
        String runUrl = HandoverSteps.matchingRunUrl(imported);
        String matched = runUrl == null ? "no run" : app.awaitRun(runUrl, Duration.ofMinutes(10));
        double runSeconds = RunningApp.seconds(t1);
        System.out.printf("import answered in %.2f s, its matching run read COMPLETED after %.2f s: %s%n",
                importSeconds, runSeconds, matched);
        List<String> runLog = app.logLines("Matching run ");
        if (!runLog.isEmpty()) {
            System.out.println("  " + runLog.get(runLog.size() - 1));
        }

        // the settlements the file pays: (allocations' created_at, closed_at, run's finished_at) each
        Map<String, Instant[]> times = readings.awaitSettled("HB-" + file.run() + "-%", settlementOf, wait);
        double allSeconds = RunningApp.seconds(t1);
        Map<String, Instant> allocated = new LinkedHashMap<>();
        Map<String, Instant> closed = new LinkedHashMap<>();
        Map<String, Instant> committed = new LinkedHashMap<>();
        for (var e : times.entrySet()) {
            if (e.getValue()[0] != null) {
                allocated.put(e.getKey(), e.getValue()[0]);
                committed.put(e.getKey(), e.getValue()[2]);
            }
            if (e.getValue()[1] != null) {
                closed.put(e.getKey(), e.getValue()[1]);
            }
        }
        Row row = Row.of("3 allocation created → settlement SETTLED (closed_at)", allocated, closed);
        table.add(row.note(closed.size() + " of " + settlementOf.size() + " paid settlements SETTLED ("
                + allocated.size() + " with allocations) within " + wait.toSeconds() + " s; upload → last "
                + String.format("%.1f s", allSeconds)));
        table.add(Row.of("    (allocation created → its matching run finished, matching_run.finished_at)",
                allocated, committed));
        table.add(Row.of("    (matching run finished → settlement SETTLED)", committed, closed));
        table.addAll(readings.jobs("closeSettled", uploaded));
        readings.correlations(uploaded, allocated, committed).ifPresent(table::add);
        if (closed.size() < settlementOf.size()) {
            readings.notSettled(settlementOf, closed.keySet());
        }
        if (PAY.equals("mail-down")) {
            mailServerBack(settlementOf);
        }
    }

    /**
     * pay=mail-down: the mail server comes back and the failed deliveries are retried at once (engine-rest's job
     * execute, as an operator's retry in Cockpit does); then, are the paid settlements closed, and were their
     * customers asked to pay what they had paid?
     */
    private void mailServerBack(Map<String, String> settlementOf) throws Exception {
        GreenMail back = new GreenMail(smtpSetup);
        back.start();
        try {
            int executed = steps.retryFailedDeliveries();
            Thread.sleep(5_000);
            readings.awaitIdle("after the retried deliveries");
            int[] after = readings.paidSettlements(settlementOf.values());
            long requests = HandoverSteps.paymentRequests(back.getReceivedMessages());
            System.out.printf("the mail server back, %d failed deliveries retried: of %d paid settlements %d SETTLED, "
                    + "%d OPEN waiting at awaitPayment for a payment matched before they waited; %d payment "
                    + "requests mailed to customers who had paid%n", executed, after[2], after[0], after[1],
                    requests);
        } finally {
            back.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** When the poller stops waiting: {@code wait} after the last hand-over began. */
    private long deadline(Map<String, Instant> answered) {
        Instant last = answered.values().stream().max(Instant::compareTo).orElse(Instant.now());
        return System.nanoTime() + Duration.between(Instant.now(), last.plus(wait)).toNanos();
    }

    private static ExecutorService daemon() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "handover-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** The machine's load average (Linux), to judge how quiet it was. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void print(int customers, int lines, int disputes) {
        System.out.printf("%nload average (1, 5, 15 min) at the end: %s; %d processors%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%nhand-overs, %d customers × %d lines, %d disputes with %d ms between an answer and the "
                + "next request, pollers every %d ms, the bank file when settlements are %s (ms; n: measured / handed "
                + "over)%n", customers, lines, disputes, gapMs, pollMs, PAY);
        table.print();
    }
}
