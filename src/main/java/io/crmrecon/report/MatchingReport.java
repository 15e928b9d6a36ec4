package io.crmrecon.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the money of a period (incoming transactions by booking month) was matched: automatically (and by which
 * rule), by a clerk, or not yet; and the exceptions waiting for a clerk now, by how long they have waited. Reversed
 * allocations do not count: a payment whose automatic match a clerk undid is no automatic match.
 */
@Component
@Transactional(readOnly = true)
class MatchingReport {

    private static final String LIVE_ALLOCATIONS = "SELECT a.transaction_id, MIN(a.method) AS method, "
            + "MIN(a.rule) AS rule FROM allocation a WHERE a.transaction_id IS NOT NULL AND a.reverses_id IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM allocation r WHERE r.reverses_id = a.id) GROUP BY a.transaction_id";
    private static final long[] WAITING_DAYS = {1, 7, 30};

    private final JdbcClient jdbc;
    private final Clock clock;

    MatchingReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Report of(LocalDate from, LocalDate to) {
        Map<YearMonth, long[]> months = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        jdbc.sql("SELECT EXTRACT(YEAR FROM t.booking_date) AS y, EXTRACT(MONTH FROM t.booking_date) AS m, x.method, "
                        + "x.rule, COUNT(*) AS n FROM bank_transaction t LEFT JOIN (" + LIVE_ALLOCATIONS + ") x "
                        + "ON x.transaction_id = t.id WHERE t.amount > 0 AND t.booking_date BETWEEN :from AND :to "
                        + "GROUP BY EXTRACT(YEAR FROM t.booking_date), EXTRACT(MONTH FROM t.booking_date), x.method, "
                        + "x.rule").param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> {
                    YearMonth month = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    long n = rs.getLong("n");
                    String method = rs.getString("method");
                    long[] counts = months.computeIfAbsent(month, k -> new long[4]);
                    counts[0] += n;
                    if ("AUTO".equals(method)) {
                        counts[1] += n;
                        byRule.merge(month + "\u0000" + rs.getString("rule"), n, Long::sum);
                    } else if (method != null) {
                        counts[2] += n;
                    } else {
                        counts[3] += n;
                    }
                });
        List<List<Object>> monthRows = new ArrayList<>();
        months.forEach((month, c) -> monthRows.add(Arrays.asList(month.toString(), c[0], c[1], c[2], c[3],
                Figures.rate(c[1], c[0]))));
        List<List<Object>> ruleRows = new ArrayList<>();
        byRule.forEach((key, n) -> {
            YearMonth month = YearMonth.parse(key.substring(0, key.indexOf('\u0000')));
            ruleRows.add(Arrays.asList(month.toString(), key.substring(key.indexOf('\u0000') + 1), n,
                    Figures.rate(n, months.get(month)[0])));
        });
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        return new Report("matching", parameters, List.of(
                new Report.Table("byMonth", List.of(Report.Column.text("month"), Report.Column.integer("transactions"),
                        Report.Column.integer("autoMatched"), Report.Column.integer("matchedByClerk"),
                        Report.Column.integer("unmatched"), Report.Column.decimal("autoMatchRate")), monthRows),
                new Report.Table("byRule", List.of(Report.Column.text("month"), Report.Column.text("rule"),
                        Report.Column.integer("transactions"), Report.Column.decimal("shareOfMonth")), ruleRows),
                new Report.Table("exceptionsWaiting", List.of(Report.Column.integer("waiting"),
                        Report.Column.integer("underOneDay"), Report.Column.integer("oneToSevenDays"),
                        Report.Column.integer("sevenToThirtyDays"), Report.Column.integer("overThirtyDays"),
                        Report.Column.decimal("oldestDays")), List.of(waiting().row()))));
    }

    /** The manualMatch tasks open now, by how long they have waited; {@code oldestDays} null when none is open. */
    record Waiting(long waiting, long underOneDay, long oneToSevenDays, long sevenToThirtyDays, long overThirtyDays,
            BigDecimal oldestDays) {

        List<Object> row() {
            return Arrays.asList(waiting, underOneDay, oneToSevenDays, sevenToThirtyDays, overThirtyDays, oldestDays);
        }
    }

    /** Counted by the database: the dashboard asks every minute, however many tasks are open. */
    Waiting waiting() {
        Instant now = clock.instant();
        return jdbc.sql("SELECT COUNT(*) AS waiting, COUNT(*) FILTER (WHERE created_at > :day) AS d0, "
                        + "COUNT(*) FILTER (WHERE created_at <= :day AND created_at > :week) AS d1, "
                        + "COUNT(*) FILTER (WHERE created_at <= :week AND created_at > :month) AS d2, "
                        + "COUNT(*) FILTER (WHERE created_at <= :month) AS d3, MIN(created_at) AS oldest "
                        + "FROM manual_match_task")
                .param("day", Timestamp.from(now.minus(Duration.ofDays(WAITING_DAYS[0]))))
                .param("week", Timestamp.from(now.minus(Duration.ofDays(WAITING_DAYS[1]))))
                .param("month", Timestamp.from(now.minus(Duration.ofDays(WAITING_DAYS[2]))))
                .query((rs, i) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Waiting(rs.getLong("waiting"), rs.getLong("d0"), rs.getLong("d1"), rs.getLong("d2"),
                            rs.getLong("d3"), Medians.daysBetween(oldest == null ? null : oldest.toInstant(), now));
                }).single();
    }
}
