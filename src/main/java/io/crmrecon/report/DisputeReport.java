package io.crmrecon.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes opened in a period: by the customer's reason and by outcome, how long they took to resolve, and the
 * adjustments (credit and debit notes) granted on them — from the dispute table, never from the engine's history.
 */
@Component
@Transactional(readOnly = true)
class DisputeReport {

    private final JdbcClient jdbc;
    private final Clock clock;

    DisputeReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Report of(LocalDate from, LocalDate to) {
        Map<String, Tally> byReason = new TreeMap<>();
        Map<String, Tally> byOutcome = new TreeMap<>();
        Map<String, BigDecimal[]> adjustments = new TreeMap<>();
        Map<String, Long> adjustmentCounts = new TreeMap<>();
        Tally all = new Tally();
        jdbc.sql("SELECT reason, status, currency, opened_at, resolved_at, adjustment_type, adjustment_amount "
                        + "FROM dispute WHERE opened_at >= :start AND opened_at < :end")
                .param("start", Timestamp.from(Figures.startOf(from, clock.getZone())))
                .param("end", Timestamp.from(Figures.startOf(to.plusDays(1), clock.getZone())))
                .query((RowCallbackHandler) rs -> {
                    Timestamp opened = rs.getTimestamp("opened_at");
                    Timestamp resolved = rs.getTimestamp("resolved_at");
                    String status = rs.getString("status");
                    for (Tally t : List.of(all, byReason.computeIfAbsent(rs.getString("reason"), r -> new Tally()),
                            byOutcome.computeIfAbsent(status, s -> new Tally()))) {
                        t.add(opened, resolved);
                    }
                    String type = rs.getString("adjustment_type");
                    BigDecimal amount = rs.getBigDecimal("adjustment_amount");
                    if (type != null && amount != null && "ACCEPTED".equals(status)) {
                        String key = rs.getString("currency") + '\u0000' + type;
                        adjustments.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO})[0] =
                                adjustments.get(key)[0].add(amount);
                        adjustmentCounts.merge(key, 1L, Long::sum);
                    }
                });
        List<Report.Column> tallyColumns = List.of(Report.Column.integer("disputes"), Report.Column.integer("resolved"),
                Report.Column.integer("open"), Report.Column.decimal("medianDaysToResolve"),
                Report.Column.decimal("averageDaysToResolve"));
        List<List<Object>> adjustmentRows = new ArrayList<>();
        adjustments.forEach((key, sum) -> {
            String currency = key.substring(0, key.indexOf('\u0000'));
            adjustmentRows.add(List.of(currency, key.substring(key.indexOf('\u0000') + 1),
                    adjustmentCounts.get(key), Figures.money(sum[0], currency)));
        });
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        return new Report("disputes", parameters, List.of(
                new Report.Table("summary", tallyColumns, List.of(all.row())),
                new Report.Table("byReason", prefixed("reason", tallyColumns), rows(byReason)),
                new Report.Table("byOutcome", prefixed("outcome", tallyColumns), rows(byOutcome)),
                new Report.Table("adjustments", List.of(Report.Column.text("currency"), Report.Column.text("type"),
                        Report.Column.integer("granted"), Report.Column.money("amount")), adjustmentRows)));
    }

    private static List<Report.Column> prefixed(String key, List<Report.Column> columns) {
        List<Report.Column> out = new ArrayList<>();
        out.add(Report.Column.text(key));
        out.addAll(columns);
        return out;
    }

    private static List<List<Object>> rows(Map<String, Tally> tallies) {
        List<List<Object>> rows = new ArrayList<>();
        tallies.forEach((name, t) -> {
            List<Object> row = new ArrayList<>();
            row.add(name);
            row.addAll(t.row());
            rows.add(row);
        });
        return rows;
    }

    private static final class Tally {
        long disputes;
        long resolved;
        final Medians toResolve = new Medians();

        void add(Timestamp opened, Timestamp resolvedAt) {
            disputes++;
            if (resolvedAt != null) {
                resolved++;
                toResolve.add(opened.toInstant(), resolvedAt.toInstant());
            }
        }

        List<Object> row() {
            return java.util.Arrays.asList(disputes, resolved, disputes - resolved, toResolve.medianDays(),
                    toResolve.meanDays());
        }
    }
}
