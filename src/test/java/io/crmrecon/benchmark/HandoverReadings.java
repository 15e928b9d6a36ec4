package io.crmrecon.benchmark;

import io.crmrecon.benchmark.HandoverBenchmark.Customer;
import io.crmrecon.benchmark.HandoverTable.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link HandoverBenchmark} reads in the database: the app's tables (statements, mail_outbox, settlements,
 * allocations) and the engine's runtime and history (act_ru_*, act_hi_*), for the times the hand-overs end at and
 * the jobs in between.
 */
final class HandoverReadings {

    private final Connection db;
    /** The pollers' own connection (a JDBC connection is not shared between threads). */
    private final Connection watch;

    HandoverReadings(Connection db, Connection watch) {
        this.db = db;
        this.watch = watch;
    }

    /** A settlement as the bank file sees it; {@code invoices}: those still open, space-separated. */
    record Settlement(String settlementNo, String statementNo, long customerId, BigDecimal netAmount, String status,
            String invoices) {
    }

    // ------------------------------------------------------------------------------------------------ the ledger

    /** The statements of {@code period} sent (version 1) with the customer's link; those without one left out. */
    List<Customer> sentStatements(YearMonth period, Map<String, String> tokens) throws SQLException {
        List<Customer> ledger = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT c.id, c.customer_code, c.name, c.email, "
                + "(SELECT b.account_no FROM customer_bank_account b WHERE b.customer_id = c.id ORDER BY b.seq_no "
                + "LIMIT 1), s.id, s.statement_no FROM statement s JOIN customer c ON c.id = s.customer_id "
                + "WHERE s.period = ? AND s.version = 1 AND s.status = 'SENT' ORDER BY s.statement_no")) {
            q.setString(1, period.toString());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String token = tokens.get(rs.getString(4).toLowerCase());
                    if (token != null) {
                        ledger.add(new Customer(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getLong(6), rs.getString(7), token));
                    }
                }
            }
        }
        return ledger;
    }

    /** A line the customer disputes: the statement's first invoice, and its amount. */
    String[] firstInvoice(long statementId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT d.document_no, d.amount FROM document d "
                + "JOIN statement s ON s.customer_id = d.customer_id WHERE s.id = ? AND d.type = 'INVOICE' "
                + "AND to_char(d.issue_date, 'YYYY-MM') = s.period ORDER BY d.document_no LIMIT 1")) {
            q.setLong(1, statementId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("statement " + statementId + " has no invoice to dispute");
                }
                return new String[] {rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP)
                        .toPlainString()};
            }
        }
    }

    // ------------------------------------------------------------------------------------- 1: dispute → Tasklist

    /** For the dispute poller (its connection): the process instance's business key, the dispute number. */
    String businessKey(String processInstanceId) {
        try (PreparedStatement q = watch.prepareStatement("SELECT business_key_ FROM act_hi_procinst WHERE id_ = ?")) {
            q.setString(1, processInstanceId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the engine created each investigateDispute task (by dispute number). */
    Map<String, Instant> disputeTasksCreated() throws SQLException {
        return engineTimes("SELECT p.business_key_, t.start_time_ FROM act_hi_taskinst t JOIN act_hi_procinst p "
                + "ON p.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'investigateDispute'");
    }

    /** Engine timestamps (business key → time) from a query of (business key, timestamp) rows. */
    private Map<String, Instant> engineTimes(String sql) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                times.putIfAbsent(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        return times;
    }

    // -------------------------------------------------------------------------- 2: clerk's decision → mail queued

    /** The customers' RESEND mails in mail_outbox, for the mail poller: prepared once on its connection. */
    PreparedStatement resends() throws SQLException {
        return watch.prepareStatement("SELECT mail_key, queued_at, message_id FROM mail_outbox "
                + "WHERE mail_key LIKE 'statement/%/RESEND/%'");
    }

    /**
     * One look at those rows: for each statement not seen before, now (the row is committed), its queued_at, and
     * its Message-ID (→ statement number, to find the mail at the SMTP server).
     */
    static void lookAtResends(PreparedStatement resends, Map<String, Instant> visible, Map<String, Instant> queued,
            Map<String, String> messageIds) throws SQLException {
        try (ResultSet rs = resends.executeQuery()) {
            Instant now = Instant.now();
            while (rs.next()) {
                String statementNo = rs.getString(1).split("/")[1];
                if (!visible.containsKey(statementNo)) {
                    visible.put(statementNo, now);
                    queued.put(statementNo, rs.getTimestamp(2).toInstant());
                    messageIds.put(rs.getString(3), statementNo);
                }
            }
        }
    }

    // ------------------------------------------------------------------------ 3: payment matched → settlement closed

    /**
     * Waits until every customer's settlement is open and, if {@code forPayment}, each one owed money waits for it
     * (a settlementPaid subscription); at most 10 minutes. Returns (settlements, open ones not waiting yet).
     */
    int[] awaitSettlementsOpen(int expected, boolean forPayment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int[] state;
        while (true) {
            state = counts("SELECT (SELECT COUNT(*) FROM settlement), (SELECT COUNT(*) FROM settlement s "
                    + "WHERE s.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM act_ru_event_subscr e WHERE "
                    + "e.proc_inst_id_ = s.process_instance_id AND e.event_name_ = 'settlementPaid'))");
            boolean ready = state[0] >= expected && (state[1] == 0 || !forPayment);
            if (ready || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(forPayment ? 200 : 20);
        }
        return state;
    }

    /** Every settlement, by number. */
    List<Settlement> settlements() throws SQLException {
        List<Settlement> all = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT s.settlement_no, s.statement_no, s.customer_id, "
                + "s.net_amount, s.status, (SELECT string_agg(i.document_no, ' ' ORDER BY i.document_no) FROM "
                + "settlement_item i WHERE i.settlement_id = s.id AND i.open_amount > 0) FROM settlement s "
                + "ORDER BY s.settlement_no"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                all.add(new Settlement(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return all;
    }

    /**
     * Waits until every settlement the bank file pays is SETTLED, or {@code wait} passed; then per settlement (see
     * {@link #settled}) its times.
     */
    Map<String, Instant[]> awaitSettled(String references, Map<String, String> settlementOf, Duration wait)
            throws Exception {
        long until = System.nanoTime() + wait.toNanos();
        Map<String, Instant[]> times;
        while (true) {
            times = settled(references, settlementOf);
            long closed = times.values().stream().filter(t -> t[1] != null).count();
            if (closed == settlementOf.size() || System.nanoTime() > until) {
                return times;
            }
            Thread.sleep(100);
        }
    }

    /** Per settlement: its allocations' created_at (latest), closed_at if SETTLED, and its run's finished_at. */
    private Map<String, Instant[]> settled(String references, Map<String, String> settlementOf)
            throws SQLException {
        Map<String, Instant[]> times = new LinkedHashMap<>();
        settlementOf.values().forEach(s -> times.put(s, new Instant[3]));
        try (PreparedStatement q = db.prepareStatement("SELECT t.bank_reference, MAX(a.created_at), "
                + "MAX(r.finished_at) FROM bank_transaction t JOIN allocation a ON a.transaction_id = t.id LEFT JOIN "
                + "matching_run r ON r.id = a.matching_run_id WHERE t.bank_reference LIKE ? GROUP BY t.bank_reference")) {
            q.setString(1, references);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant[] t = times.get(settlementOf.get(rs.getString(1)));
                    if (t != null) {
                        t[0] = rs.getTimestamp(2).toInstant();
                        t[2] = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                    }
                }
            }
        }
        try (PreparedStatement q = db.prepareStatement("SELECT settlement_no, closed_at FROM settlement WHERE "
                + "status = 'SETTLED'"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Instant[] t = times.get(rs.getString(1));
                if (t != null) {
                    t[1] = rs.getTimestamp(2).toInstant();
                }
            }
        }
        return times;
    }

    /**
     * When the matching run's transaction told the settlements: the closeSettled jobs' creation times (job log),
     * relative to the allocations' created_at and the run's finished_at (both written in that transaction).
     */
    Optional<Row> correlations(Instant since, Map<String, Instant> allocated, Map<String, Instant> finished)
            throws SQLException {
        Instant allocations = allocated.values().stream().min(Instant::compareTo).orElse(null);
        Instant runFinished = finished.values().stream().filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        try (PreparedStatement q = db.prepareStatement("SELECT MIN(timestamp_), MAX(timestamp_), COUNT(*) FROM "
                + "act_hi_job_log WHERE job_state_ = 0 AND act_id_ = 'closeSettled' AND timestamp_ >= ?")) {
            q.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && rs.getInt(3) > 0 && allocations != null) {
                    return Optional.of(Row.remark(String.format("the %d closeSettled jobs were created "
                                    + "%d to %d ms after the allocations' created_at, one correlation after another "
                                    + "in the matching run's transaction (its finished_at: %s ms)", rs.getInt(3),
                            Duration.between(allocations, rs.getTimestamp(1).toInstant()).toMillis(),
                            Duration.between(allocations, rs.getTimestamp(2).toInstant()).toMillis(),
                            runFinished == null ? "-" : Duration.between(allocations, runFinished).toMillis())));
                }
            }
        }
        return Optional.empty();
    }

    /** Why paid settlements were not closed: what matching did with their payment, and where they wait. */
    void notSettled(Map<String, String> settlementOf, Set<String> closed) throws SQLException {
        Map<String, Integer> why = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT s.status, (SELECT COUNT(*) FROM allocation a WHERE "
                + "a.transaction_id = t.id), (SELECT string_agg(DISTINCT a.method || '/' || COALESCE(a.rule, '-'), "
                + "',') FROM allocation a WHERE a.transaction_id = t.id), (SELECT string_agg(e.act_id_, ',') FROM "
                + "act_ru_execution e WHERE e.proc_inst_id_ = s.process_instance_id AND e.act_id_ IS NOT NULL), "
                + "(SELECT COUNT(*) FROM act_ru_job j WHERE j.process_instance_id_ = s.process_instance_id AND "
                + "j.exception_msg_ IS NOT NULL) FROM settlement s JOIN bank_transaction t ON t.bank_reference = ? "
                + "WHERE s.settlement_no = ?")) {
            for (var e : settlementOf.entrySet()) {
                if (closed.contains(e.getValue())) {
                    continue;
                }
                q.setString(1, e.getKey());
                q.setString(2, e.getValue());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        String reason = rs.getString(1) + ", " + rs.getInt(2) + " allocations " + rs.getString(3)
                                + ", process at " + rs.getString(4) + ", failed jobs " + rs.getInt(5);
                        why.merge(reason.replaceAll("\\d+ allocations", rs.getInt(2) > 0 ? "allocated"
                                : "no allocation"), 1, Integer::sum);
                        if (examples.size() < 5) {
                            examples.add(e.getValue() + ": " + reason);
                        }
                    }
                }
            }
        }
        System.out.println("paid settlements not SETTLED: " + why);
        examples.forEach(x -> System.out.println("  e.g. " + x));
    }

    /** pay=mail-down, afterwards: of these settlements (SETTLED, OPEN waiting for a payment, all). */
    int[] paidSettlements(Collection<String> settlementNos) throws SQLException {
        String paid = settlementNos.stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        return counts("SELECT COUNT(*) FILTER (WHERE s.status = 'SETTLED'), COUNT(*) FILTER (WHERE "
                + "s.status = 'OPEN' AND EXISTS (SELECT 1 FROM act_ru_event_subscr e WHERE e.proc_inst_id_ = "
                + "s.process_instance_id AND e.event_name_ = 'settlementPaid')), COUNT(*) FROM settlement s "
                + "WHERE s.settlement_no IN (" + paid + ")");
    }

    // ------------------------------------------------------------------------------------------ the job executor

    /**
     * The jobs of one (asyncBefore) activity created since {@code since}, from the engine's history: created (job
     * log) → picked up (the activity instance starts in the job) → done (job log, successful). Picked up late means
     * the job waited for the job executor (acquisition or its threads); done late means the step itself was slow.
     */
    List<Row> jobs(String activity, Instant since) throws SQLException {
        Map<String, Instant> created = new HashMap<>();
        Map<String, Instant> started = new HashMap<>();
        Map<String, Instant> done = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT c.job_id_, c.timestamp_, (SELECT MIN(a.start_time_) "
                + "FROM act_hi_actinst a WHERE a.proc_inst_id_ = c.process_instance_id_ AND a.act_id_ = c.act_id_ "
                + "AND a.start_time_ >= c.timestamp_), (SELECT MIN(d.timestamp_) FROM act_hi_job_log d WHERE "
                + "d.job_id_ = c.job_id_ AND d.job_state_ = 2) FROM act_hi_job_log c WHERE c.job_state_ = 0 AND "
                + "c.act_id_ = ? AND c.timestamp_ >= ?")) {
            q.setString(1, activity);
            q.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String job = rs.getString(1);
                    created.put(job, rs.getTimestamp(2).toInstant());
                    if (rs.getTimestamp(3) != null) {
                        started.put(job, rs.getTimestamp(3).toInstant());
                    }
                    if (rs.getTimestamp(4) != null) {
                        done.put(job, rs.getTimestamp(4).toInstant());
                    }
                }
            }
        }
        int failures = counts("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1 AND act_id_ = '" + activity
                + "' AND timestamp_ >= '" + Timestamp.from(since) + "'")[0];
        Row pickedUp = Row.of("    (job " + activity + ": created → picked up by the job executor)", created,
                started);
        Row ran = Row.of("    (job " + activity + ": picked up → done)", started, done);
        return List.of(pickedUp, failures == 0 ? ran : ran.note(failures + " failed attempts (retried by the "
                + "job's retry cycle)"));
    }

    /** Waits until no job is due (all done), at most a minute; says how long it waited. */
    void awaitIdle(String when) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(1).toNanos();
        int due = 0;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 "
                    + "AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= ?)")) {
                q.setTimestamp(1, Timestamp.from(Instant.now()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    due = rs.getInt(1);
                }
            }
            if (due == 0) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.printf("(%s: %s after %.1f s)%n", when, due == 0 ? "no job due" : due + " jobs still due",
                RunningApp.seconds(t0));
    }

    private int[] counts(String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            int[] out = new int[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getInt(i + 1);
            }
            return out;
        }
    }
}
