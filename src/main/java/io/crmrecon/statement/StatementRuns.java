package io.crmrecon.statement;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportError;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerActivity;
import io.crmrecon.ledger.LedgerActivity.CustomerCurrency;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statement runs (CONTRACT.md §3): a run is recorded when it is asked for, selects its customers once (numbers
 * allocated, batches cut), and starts them batch by batch; what it reports is read from the statements it
 * started, so the run itself never waits for them.
 */
@Service
class StatementRuns {

    /** Customers whose answer is in; anything else still open blocks a new statement for the same period. */
    private static final String FINISHED = "('CONFIRMED', 'DEEMED_CONFIRMED', 'SETTLED', 'CLOSED')";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Customers customers;
    private final LedgerActivity activity;
    private final StatementSettings settings;
    private final Clock clock;

    StatementRuns(JdbcClient jdbc, JdbcTemplate batch, Customers customers, LedgerActivity activity,
            StatementSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.customers = customers;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    /** One customer and currency of a run, with the number its statement gets. */
    record RunCustomer(long customerId, String currency, String statementNo, String period) {
    }

    /** What {@code GET /api/statement-runs/{id}} reports. */
    record RunStatus(long id, String period, String status, int total, int skipped, int generated, int sent,
            int confirmed, int deemedConfirmed, int disputed, int failed) {
    }

    /**
     * Records a run as RUNNING in the caller's transaction. {@code periodText} yyyy-MM, not after the current month;
     * {@code codes} restrict the run to those customers (null or empty: everyone with activity or a balance).
     * Refused, with nothing stored, naming the field: 400 for a period that is not one, 422 for a future period or
     * an unknown customer code.
     */
    @Transactional
    long open(String periodText, List<String> codes, String requestedBy) {
        StatementPeriod period = period(periodText);
        List<String> wanted = codes(codes);
        List<ImportError> unknown = new ArrayList<>();
        for (String code : wanted) {
            if (customers.byCode(code).isEmpty()) {
                unknown.add(new ImportError(null, "customerCodes", null, "unknown customer code: " + code,
                        "statementRun.error.unknownCustomer", List.of(code)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadRequestException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "customerCodes: " + unknown.size() + " unknown customer code(s)", unknown);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO statement_run (period, customer_codes, status, requested_by, requested_at) "
                        + "VALUES (:period, :codes, 'RUNNING', :by, :at)")
                .param("period", period.toString())
                .param("codes", wanted.isEmpty() ? null : String.join(",", wanted))
                .param("by", requestedBy)
                .param("at", Timestamp.from(clock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The month before today's in {@code recon.zone}: what the monthly run states. */
    StatementPeriod lastMonth() {
        return new StatementPeriod(YearMonth.now(clock).minusMonths(1));
    }

    /** 400 naming {@code period} when it is not yyyy-MM; 422 when it has not begun yet. */
    StatementPeriod period(String text) {
        StatementPeriod period;
        try {
            period = StatementPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "period: not a month (yyyy-MM): " + text,
                    List.of(new ImportError(null, "period", null, "not a month (yyyy-MM): " + text,
                            "statementRun.error.period", List.of(String.valueOf(text)))));
        }
        if (period.month().isAfter(YearMonth.now(clock))) {
            throw new BadRequestException(HttpStatus.UNPROCESSABLE_ENTITY, "period: " + period + " has not begun",
                    List.of(new ImportError(null, "period", null, period + " has not begun",
                            "statementRun.error.futurePeriod", List.of(period.toString()))));
        }
        return period;
    }

    /** Codes as given in a list or one text (comma, semicolon, space or line separated), each once. */
    static List<String> codes(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String each : given) {
                if (each != null) {
                    Arrays.stream(each.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                            .forEach(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    /** False when the run does not exist or has its instance already: one instance per run. */
    boolean attachInstance(long runId, String processInstanceId) {
        return 0 < jdbc.sql("UPDATE statement_run SET process_instance_id = :pi WHERE id = :id AND process_instance_id IS NULL")
                .param("pi", processInstanceId).param("id", runId).update();
    }

    /**
     * Selects the run's customers once (a retried job finds them selected): those with activity in the period or
     * an open balance, restricted to the run's codes, less those whose statement for the period is still open or
     * still being made; numbers them from the period's counter and cuts them into batches. Returns the number of
     * batches.
     */
    @Transactional
    int select(long runId) {
        Run run = run(runId).orElseThrow(() -> new IllegalStateException("no statement run " + runId));
        if (run.selected()) {
            return batches(runId);
        }
        StatementPeriod period = StatementPeriod.parse(run.period());
        // one selection per period at a time: the second waits here and then sees the first one's customers
        lockCounter(period);
        Set<String> codes = run.codes() == null ? null : new HashSet<>(codes(List.of(run.codes())));
        List<CustomerCurrency> candidates = withPreviousBalance(activity.activeOrOpen(period.first(), period.last()),
                period).stream().filter(c -> codes == null || codes.contains(c.customerCode())).toList();
        Set<String> open = openOrPending(period);
        List<CustomerCurrency> selected = candidates.stream()
                .filter(c -> !open.contains(c.customerId() + "/" + c.currency())).toList();
        long first = allocate(period, selected.size());
        List<Object[]> rows = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            CustomerCurrency c = selected.get(i);
            rows.add(new Object[] {runId, c.customerId(), c.currency(),
                    StatementNumbers.of(period.month(), first + i), i / settings.batchSize() + 1});
        }
        batch.batchUpdate("INSERT INTO statement_run_customer (statement_run_id, customer_id, currency, statement_no, "
                + "batch_no) VALUES (?, ?, ?, ?, ?)", rows);
        jdbc.sql("UPDATE statement_run SET selected_at = :at, total = :total, skipped = :skipped WHERE id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("total", selected.size())
                .param("skipped", candidates.size() - selected.size())
                .param("id", runId)
                .update();
        return (selected.size() + settings.batchSize() - 1) / settings.batchSize();
    }

    /**
     * Adds those whose previous statement closed with a balance: paid since by money dated before the period (a late
     * allocation into a closed month), they have no activity and no balance, yet their statement has a prior-period
     * adjustment to show, and the next one would otherwise not continue from it.
     */
    private List<CustomerCurrency> withPreviousBalance(List<CustomerCurrency> active, StatementPeriod period) {
        List<CustomerCurrency> owed = jdbc.sql("SELECT s.customer_id, c.customer_code, s.currency FROM statement s "
                        + "JOIN customer c ON c.id = s.customer_id WHERE s.period < :period "
                        + "AND s.status <> 'SUPERSEDED' AND s.closing_balance <> 0 AND NOT EXISTS (SELECT 1 "
                        + "FROM statement l WHERE l.customer_id = s.customer_id AND l.currency = s.currency "
                        + "AND l.period < :period AND l.status <> 'SUPERSEDED' "
                        + "AND (l.period > s.period OR (l.period = s.period AND l.id > s.id)))")
                .param("period", period.month().toString())
                .query((rs, i) -> new CustomerCurrency(rs.getLong("customer_id"), rs.getString("customer_code"),
                        rs.getString("currency")))
                .list();
        if (owed.isEmpty()) {
            return active;
        }
        Set<CustomerCurrency> all = new LinkedHashSet<>(active);
        all.addAll(owed);
        return all.stream().sorted(java.util.Comparator.comparing(CustomerCurrency::customerCode)
                .thenComparing(CustomerCurrency::currency)).toList();
    }

    /** The customers of one batch not started yet (a retried job starts only what its failed attempt did not). */
    List<RunCustomer> batch(long runId, int batchNo) {
        return jdbc.sql("SELECT rc.customer_id, rc.currency, rc.statement_no, r.period FROM statement_run_customer rc "
                        + "JOIN statement_run r ON r.id = rc.statement_run_id WHERE rc.statement_run_id = :id "
                        + "AND rc.batch_no = :batch AND rc.started_at IS NULL ORDER BY rc.statement_no")
                .param("id", runId).param("batch", batchNo)
                .query((rs, i) -> new RunCustomer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void started(long runId, int batchNo) {
        jdbc.sql("UPDATE statement_run_customer SET started_at = :at WHERE statement_run_id = :id AND batch_no = :batch "
                        + "AND started_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", runId).param("batch", batchNo).update();
    }

    Optional<String> processInstanceId(long runId) {
        return run(runId).map(Run::processInstanceId);
    }

    /**
     * The run's status and counts, read from the latest version of each statement it started. {@code incident}:
     * the run's own job has spent its retries (FAILED until someone retries it in Cockpit).
     */
    @Transactional
    Optional<RunStatus> status(long runId, boolean incident) {
        Optional<Run> found = run(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Run run = found.get();
        Counts c = jdbc.sql("SELECT COUNT(*), COUNT(s.id), "
                        + "SUM(CASE WHEN s.status NOT IN ('GENERATED', 'FAILED') THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN s.status = 'CONFIRMED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN s.status = 'DEEMED_CONFIRMED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN s.status = 'DISPUTED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN s.status = 'FAILED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN rc.started_at IS NULL THEN 1 ELSE 0 END) "
                        + "FROM statement_run_customer rc LEFT JOIN statement s ON s.statement_no = rc.statement_no "
                        + "AND s.version = (SELECT MAX(v.version) FROM statement v WHERE v.statement_no = rc.statement_no) "
                        + "WHERE rc.statement_run_id = :id")
                .param("id", runId)
                .query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .single();
        String status;
        if (incident) {
            status = "FAILED";
        } else if (run.selected() && c.notStarted() == 0 && c.sent() + c.failed() == c.rows()) {
            status = "COMPLETED";
            jdbc.sql("UPDATE statement_run SET status = 'COMPLETED', completed_at = :at WHERE id = :id "
                            + "AND status <> 'COMPLETED'")
                    .param("at", Timestamp.from(clock.instant())).param("id", runId).update();
        } else {
            status = "RUNNING";
        }
        return Optional.of(new RunStatus(runId, run.period(), status, run.total(), run.skipped(), c.generated(),
                c.sent(), c.confirmed(), c.deemedConfirmed(), c.disputed(), c.failed()));
    }

    private record Counts(int rows, int generated, int sent, int confirmed, int deemedConfirmed, int disputed,
            int failed, int notStarted) {
    }

    private record Run(String period, String codes, boolean selected, int total, int skipped,
            String processInstanceId) {
    }

    private Optional<Run> run(long runId) {
        return jdbc.sql("SELECT period, customer_codes, selected_at, total, skipped, process_instance_id "
                        + "FROM statement_run WHERE id = :id")
                .param("id", runId)
                .query((rs, i) -> new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null,
                        rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .optional();
    }

    private int batches(long runId) {
        return jdbc.sql("SELECT COALESCE(MAX(batch_no), 0) FROM statement_run_customer WHERE statement_run_id = :id")
                .param("id", runId).query(Integer.class).single();
    }

    /**
     * "customerId/currency" of those whose latest statement for the period is not finished, and of those another
     * run selected for the period whose statement is not made yet.
     */
    private Set<String> openOrPending(StatementPeriod period) {
        Set<String> out = new HashSet<>();
        jdbc.sql("SELECT s.customer_id, s.currency FROM statement s WHERE s.period = :period "
                        + "AND s.status NOT IN " + FINISHED + " AND s.version = (SELECT MAX(v.version) FROM statement v "
                        + "WHERE v.statement_no = s.statement_no) "
                        + "UNION SELECT rc.customer_id, rc.currency FROM statement_run_customer rc "
                        + "JOIN statement_run r ON r.id = rc.statement_run_id WHERE r.period = :period "
                        + "AND NOT EXISTS (SELECT 1 FROM statement s2 WHERE s2.statement_no = rc.statement_no)")
                .param("period", period.toString())
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
                .list().forEach(out::add);
        return out;
    }

    private void lockCounter(StatementPeriod period) {
        int locked = jdbc.sql("UPDATE statement_counter SET last_seq = last_seq WHERE period = :period")
                .param("period", period.toString()).update();
        if (locked == 0) {
            // two first runs of a period at once: one insert fails, its job is retried and finds the row
            jdbc.sql("INSERT INTO statement_counter (period, last_seq) VALUES (:period, 0)")
                    .param("period", period.toString()).update();
        }
    }

    /** Reserves {@code count} numbers of the period (its counter row is locked): the first one's sequence. */
    private long allocate(StatementPeriod period, int count) {
        jdbc.sql("UPDATE statement_counter SET last_seq = last_seq + :n WHERE period = :period")
                .param("n", count).param("period", period.toString()).update();
        long last = jdbc.sql("SELECT last_seq FROM statement_counter WHERE period = :period")
                .param("period", period.toString()).query(Long.class).single();
        return last - count + 1;
    }
}
