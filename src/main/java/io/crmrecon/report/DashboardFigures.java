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
 * kept: a page view reads the last ones and never queries the ledger itself.
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
            List<List<Object>> mostOverdue) {
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

    Snapshot workOut() {
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock);
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
        Report.Table summary = reconciliation.of(YearMonth.from(today).minusMonths(1)).table("summary");
        List<Object> s = summary.rows().get(0);
        long confirmed = (Long) summary.value(s, "confirmed");
        long deemed = (Long) summary.value(s, "deemedConfirmed");
        long disputed = (Long) summary.value(s, "disputed");
        Funnel funnel = new Funnel((String) summary.value(s, "period"), (Long) summary.value(s, "generated"),
                (Long) summary.value(s, "sent"), confirmed + deemed + disputed, confirmed + deemed, disputed,
                (BigDecimal) summary.value(s, "confirmationRate"), (BigDecimal) summary.value(s, "medianDaysToConfirm"));
        Report matched = matching.of(from, today);
        Report.Table months = matched.table("byMonth");
        List<MatchingMonth> matchingMonths = new ArrayList<>();
        for (List<Object> row : months.rows()) {
            matchingMonths.add(new MatchingMonth((String) months.value(row, "month"),
                    (Long) months.value(row, "transactions"), (Long) months.value(row, "autoMatched"),
                    (BigDecimal) months.value(row, "autoMatchRate")));
        }
        Report.Table waiting = matched.table("exceptionsWaiting");
        List<Object> w = waiting.rows().get(0);
        List<OpenDispute> disputes = new ArrayList<>();
        jdbc.sql("SELECT d.dispute_no, c.customer_code, c.name, d.opened_at, d.process_instance_id FROM dispute d "
                        + "JOIN customer c ON c.id = d.customer_id WHERE d.status = 'OPEN' ORDER BY d.opened_at, "
                        + "d.dispute_no FETCH FIRST " + TOP + " ROWS ONLY")
                .query((RowCallbackHandler) rs -> disputes.add(new OpenDispute(rs.getString("dispute_no"),
                        rs.getString("customer_code"), rs.getString("name"),
                        rs.getObject("opened_at", Timestamp.class).toInstant(),
                        rs.getString("process_instance_id"))));
        long openDisputes = jdbc.sql("SELECT COUNT(*) FROM dispute WHERE status = 'OPEN'").query(Long.class).single();
        return new Snapshot(at, today, bands.names(), receivables, trend, funnel, matchingMonths,
                (Long) waiting.value(w, "waiting"), (BigDecimal) waiting.value(w, "oldestDays"), openDisputes,
                disputes, mostOverdue);
    }
}
