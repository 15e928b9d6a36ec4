package io.crmrecon.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, worked out in the background every {@code recon.report.dashboard-refresh} (a minute) and
 * kept: a page view reads the last ones and never queries the ledger itself. The figures that sum the whole ledger
 * are worked out again only when it changed (or the day did): a quiet ledger costs a few small queries a minute.
 */
@Component
class DashboardFigures {

    private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);
    private static final int TOP = 10;

    /** One currency's receivables today, by the default buckets. */
    record CurrencyAgeing(String currency, List<BigDecimal> buckets, BigDecimal total, BigDecimal overdue) {
    }

    record DsoPoint(String month, String currency, BigDecimal dso, BigDecimal balance) {
    }

    /**
     * Last month's statements: made, sent, answered (confirmed, deemed or disputed), agreed (confirmed or deemed).
     * Public: the page reads it.
     */
    public record Funnel(String period, long generated, long sent, long answered, long agreed, long disputed,
            BigDecimal confirmationRate, BigDecimal medianDaysToConfirm) {
    }

    record MatchingMonth(String month, long transactions, long autoMatched, BigDecimal autoMatchRate) {
    }

    record OpenDispute(String disputeNo, String customerCode, String customerName, Instant openedAt,
            String processInstanceId) {
    }

    /** Everything the page shows, and when it was worked out. */
    record Snapshot(Instant at, LocalDate today, List<String> buckets, List<CurrencyAgeing> receivables,
            List<DsoPoint> dso, Funnel funnel, List<MatchingMonth> matching, long exceptionsWaiting,
            BigDecimal oldestExceptionDays, long openDisputes, List<OpenDispute> oldestDisputes,
            List<List<Object>> mostOverdue, LedgerState ledger) {
    }

    private final AgingReport aging;
    private final DsoReport dso;
    private final ReconciliationReport reconciliation;
    private final MatchingReport matching;
    private final ReportSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicBoolean working = new AtomicBoolean();
    private volatile Snapshot latest;

    DashboardFigures(AgingReport aging, DsoReport dso, ReconciliationReport reconciliation, MatchingReport matching,
            ReportSettings settings, JdbcClient jdbc, Clock clock) {
        this.aging = aging;
        this.dso = dso;
        this.reconciliation = reconciliation;
        this.matching = matching;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures last worked out; the first view after start-up waits for them. */
    Snapshot current() {
        Snapshot figures = latest;
        if (figures == null) {
            synchronized (this) {
                if (latest == null) {
                    latest = workOut();
                }
                figures = latest;
            }
        }
        return figures;
    }

    @Scheduled(initialDelayString = "${recon.report.dashboard-refresh:PT1M}",
            fixedDelayString = "${recon.report.dashboard-refresh:PT1M}")
    void refresh() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            latest = workOut();
        } catch (RuntimeException e) {
            // the page keeps showing the figures it has, with their time
            log.warn("The dashboard's figures could not be worked out; the page shows those of {}",
                    latest == null ? "never" : latest.at(), e);
        } finally {
            working.set(false);
        }
    }

    /**
     * What the ledger's figures depend on: the day, and the newest document, allocation and bank transaction (the
     * ledger only grows) and customer change. While it stays the same, the ageing, DSO and matching figures do too,
     * and a refresh works out only the statements', tasks' and disputes' figures.
     */
    record LedgerState(LocalDate today, long document, long allocation, long transaction, Instant customers) {
    }

    /** The figures that sum the whole ledger. */
    private record LedgerFigures(LedgerState state, List<CurrencyAgeing> receivables, List<List<Object>> mostOverdue,
            List<DsoPoint> trend, List<MatchingMonth> matching) {
    }

    private volatile LedgerFigures ledgerFigures;

    Snapshot workOut() {
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LedgerState state = ledgerState(today);
        LedgerFigures ledger = ledgerFigures;
        if (ledger == null || !ledger.state().equals(state)) {
            ledger = ledgerFigures(state);
            ledgerFigures = ledger;
        }
        Report.Table summary = reconciliation.of(YearMonth.from(today).minusMonths(1)).table("summary");
        List<Object> s = summary.rows().get(0);
        long confirmed = (Long) summary.value(s, "confirmed");
        long deemed = (Long) summary.value(s, "deemedConfirmed");
        long disputed = (Long) summary.value(s, "disputed");
        Funnel funnel = new Funnel((String) summary.value(s, "period"), (Long) summary.value(s, "generated"),
                (Long) summary.value(s, "sent"), confirmed + deemed + disputed, confirmed + deemed, disputed,
                (BigDecimal) summary.value(s, "confirmationRate"), (BigDecimal) summary.value(s, "medianDaysToConfirm"));
        MatchingReport.Waiting waiting = matching.waiting();
        List<OpenDispute> disputes = new ArrayList<>();
        jdbc.sql("SELECT d.dispute_no, c.customer_code, c.name, d.opened_at, d.process_instance_id FROM dispute d "
                        + "JOIN customer c ON c.id = d.customer_id WHERE d.status = 'OPEN' ORDER BY d.opened_at, "
                        + "d.dispute_no FETCH FIRST " + TOP + " ROWS ONLY")
                .query((RowCallbackHandler) rs -> disputes.add(new OpenDispute(rs.getString("dispute_no"),
                        rs.getString("customer_code"), rs.getString("name"),
                        rs.getObject("opened_at", Timestamp.class).toInstant(),
                        rs.getString("process_instance_id"))));
        long openDisputes = jdbc.sql("SELECT COUNT(*) FROM dispute WHERE status = 'OPEN'").query(Long.class).single();
        return new Snapshot(at, today, AgeBands.DEFAULT.names(), ledger.receivables(), ledger.trend(), funnel,
                ledger.matching(), waiting.waiting(), waiting.oldestDays(), openDisputes, disputes,
                ledger.mostOverdue(), ledger.state());
    }

    private LedgerState ledgerState(LocalDate today) {
        return jdbc.sql("SELECT (SELECT MAX(id) FROM document) AS document, (SELECT MAX(id) FROM allocation) AS "
                        + "allocation, (SELECT MAX(id) FROM bank_transaction) AS transaction, "
                        + "(SELECT MAX(updated_at) FROM customer) AS customers")
                .query((rs, i) -> {
                    Timestamp customers = rs.getTimestamp("customers");
                    return new LedgerState(today, rs.getLong("document"), rs.getLong("allocation"),
                            rs.getLong("transaction"), customers == null ? null : customers.toInstant());
                }).single();
    }

    private LedgerFigures ledgerFigures(LedgerState state) {
        LocalDate today = state.today();
        AgeBands bands = AgeBands.DEFAULT;
        // one pass over the ledger: the totals and the most overdue customers both come from the ageing's lines
        Report.Table ageing = aging.of(today, bands, null).tables().get(0);
        int first = ageing.keys().indexOf(bands.names().get(0));
        int size = bands.size();
        List<CurrencyAgeing> receivables = new ArrayList<>();
        for (List<Object> total : ageing.totals()) {
            List<BigDecimal> buckets = new ArrayList<>();
            for (int b = 0; b < size; b++) {
                buckets.add((BigDecimal) total.get(first + b));
            }
            BigDecimal sum = (BigDecimal) ageing.value(total, "total");
            receivables.add(new CurrencyAgeing((String) ageing.value(total, "currency"), buckets, sum,
                    sum.subtract(buckets.get(0))));
        }
        List<List<Object>> mostOverdue = ageing.rows().stream()
                .map(row -> List.<Object>of(row.get(0), row.get(1), row.get(2),
                        ((BigDecimal) ageing.value(row, "total")).subtract((BigDecimal) row.get(first)),
                        ageing.value(row, "total")))
                .filter(row -> ((BigDecimal) row.get(3)).signum() > 0)
                .sorted(java.util.Comparator.comparing((List<Object> row) -> (BigDecimal) row.get(3)).reversed()
                        .thenComparing(row -> (String) row.get(0)))
                .limit(TOP).toList();
        LocalDate from = YearMonth.from(today).minusMonths(11).atDay(1);
        List<DsoPoint> trend = new ArrayList<>();
        for (List<Object> row : dso.byMonth(from, today, settings.dsoLookbackMonths())) {
            trend.add(new DsoPoint((String) row.get(0), (String) row.get(1), (BigDecimal) row.get(4),
                    (BigDecimal) row.get(2)));
        }
        Report.Table months = matching.of(from, today).table("byMonth");
        List<MatchingMonth> matchingMonths = new ArrayList<>();
        for (List<Object> row : months.rows()) {
            matchingMonths.add(new MatchingMonth((String) months.value(row, "month"),
                    (Long) months.value(row, "transactions"), (Long) months.value(row, "autoMatched"),
                    (BigDecimal) months.value(row, "autoMatchRate")));
        }
        return new LedgerFigures(state, receivables, mostOverdue, trend, matchingMonths);
    }
}
