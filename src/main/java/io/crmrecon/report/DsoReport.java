package io.crmrecon.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * DSO by the {@link Countback} method: per customer on the period's last day, and per currency at the end of each
 * month of the period (its trend). The per-customer figures are worked out by the database (a year of a million
 * documents never travels to the application), in two halves of the customers beside each other ({@link
 * ReportParts}); the monthly figures from the ledger's sums by day ({@code receivable_day}), beside them.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class DsoReport {

    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final ReportSession session;
    private final ReportParts parts;

    DsoReport(JdbcClient jdbc, ReportSettings settings, ReportSession session, ReportParts parts) {
        this.parts = parts;
        this.jdbc = jdbc;
        this.settings = settings;
        this.session = session;
    }

    Report of(LocalDate from, LocalDate to) {
        session.prepare();
        int lookback = settings.dsoLookbackMonths();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("method", "countback");
        parameters.put("lookbackMonths", lookback);
        // the trend and each half of the customers side by side, in one snapshot
        int ways = parts.ways();
        List<Supplier<List<List<Object>>>> split = new ArrayList<>();
        split.add(() -> byMonth(from, to, lookback));
        for (int k = 0; k < ways; k++) {
            int part = k;
            split.add(() -> customers(to, lookback, part, ways));
        }
        List<List<List<Object>>> results = parts.run(split);
        List<List<Object>> byMonth = results.get(0);
        List<List<Object>> customers = new ArrayList<>();
        results.subList(1, results.size()).forEach(customers::addAll);
        customers.sort(Comparator.comparing((List<Object> row) -> (String) row.get(0))
                .thenComparing(row -> (String) row.get(2)));
        List<List<Object>> overall = new ArrayList<>();
        String lastMonth = YearMonth.from(to).toString();
        for (List<Object> row : byMonth) {
            if (row.get(0).equals(lastMonth)) {
                overall.add(List.of(row.get(1), row.get(2), row.get(4)));
            }
        }
        return new Report("dso", parameters, List.of(
                new Report.Table("customers", List.of(Report.Column.text("customerCode"),
                        Report.Column.text("customerName"), Report.Column.text("currency"),
                        Report.Column.money("balance"), Report.Column.decimal("dso"),
                        Report.Column.text("beyondLookback")), customers),
                new Report.Table("overall", List.of(Report.Column.text("currency"), Report.Column.money("balance"),
                        Report.Column.decimal("dso")), overall),
                new Report.Table("byMonth", List.of(Report.Column.text("month"), Report.Column.text("currency"),
                        Report.Column.money("balance"), Report.Column.money("sales"), Report.Column.decimal("dso")),
                        byMonth)));
    }

    /**
     * Per customer with something owed on {@code to}: the countback of its own sales. One pass of the database gives
     * each customer's balance and its sales of each month of the lookback (one row per customer, whatever its
     * number of documents); the countback itself is {@link Countback}'s.
     */
    private List<List<Object>> customers(LocalDate to, int lookback, int part, int ways) {
        List<Countback.Window> windows = Countback.windows(to, lookback);
        // each month's sales as a range of issue dates: comparing dates costs a fifth of EXTRACT(MONTH …) per row
        StringBuilder sums = new StringBuilder();
        for (int k = 0; k < lookback; k++) {
            sums.append(", SUM(m.units) FILTER (WHERE m.issued >= :from").append(k).append(" AND m.issued <= :to")
                    .append(k).append(") AS s").append(k);
        }
        String sql = "SELECT c.customer_code, c.name, x.* FROM (SELECT m.customer_id, m.currency, "
                + "SUM(m.units) AS balance" + sums + " FROM ("
                + Receivables.MOVEMENTS_AS_OF + (ways == 1 ? "" : " AND MOD(m.customer_id, " + ways + ") = " + part)
                + ") m GROUP BY m.customer_id, m.currency HAVING SUM(m.units) > 0) x "
                + "JOIN customer c ON c.id = x.customer_id";
        List<List<Object>> rows = new ArrayList<>();
        var query = jdbc.sql(sql).param("asOf", to);
        for (Countback.Window w : windows) {
            query = query.param("from" + w.index(), w.firstDay()).param("to" + w.index(), w.lastDay());
        }
        query.query((RowCallbackHandler) rs -> {
            String currency = rs.getString("currency");
            BigDecimal balance = Receivables.amount(rs.getLong("balance"));
            // s0 … s11 follow each other: read by position, not looked up by name a million times
            int firstSales = rs.findColumn("s0");
            BigDecimal[] sales = new BigDecimal[lookback];
            for (int k = 0; k < lookback; k++) {
                sales[k] = Receivables.amount(rs, firstSales + k);
            }
            Countback.Dso dso = Countback.dso(balance, to, sales, windows);
            rows.add(List.of(rs.getString("customer_code"), rs.getString("name"), currency,
                    Figures.money(balance, currency), dso.days(), Boolean.toString(dso.beyondLookback())));
        });
        return rows;
    }

    /**
     * Per currency at each month's end in the period (the period's last day for its last month): month, currency,
     * balance, the month's sales, DSO.
     */
    List<List<Object>> byMonth(LocalDate from, LocalDate to, int lookback) {
        session.prepare();
        Map<String, TreeMap<YearMonth, BigDecimal>> movement = new HashMap<>();
        Map<String, TreeMap<YearMonth, BigDecimal>> sales = new HashMap<>();
        LocalDate since = YearMonth.from(from).minusMonths(lookback).atDay(1);
        // by day, folded into months here: a few thousand rows a year, whatever the number of documents
        jdbc.sql("SELECT m.currency, m.booked_on, m.issued, SUM(m.units) AS units FROM receivable_day m "
                        + "WHERE m.booked_on <= :to GROUP BY m.currency, m.booked_on, m.issued")
                .param("to", to).query((RowCallbackHandler) rs -> {
                    String currency = rs.getString("currency");
                    BigDecimal amount = Receivables.amount(rs.getLong("units"));
                    add(movement, currency, YearMonth.from(rs.getObject("booked_on", LocalDate.class)), amount);
                    LocalDate issued = rs.getObject("issued", LocalDate.class);
                    if (issued != null && !issued.isBefore(since) && !issued.isAfter(to)) {
                        add(sales, currency, YearMonth.from(issued), amount);
                    }
                });
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate end = month.equals(YearMonth.from(to)) ? to : month.atEndOfMonth();
            for (String currency : new TreeSet<>(movement.keySet())) {
                BigDecimal balance = movement.get(currency).headMap(month, true).values().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                Map<YearMonth, BigDecimal> own = sales.getOrDefault(currency, new TreeMap<>());
                rows.add(List.of(month.toString(), currency, Figures.money(balance, currency),
                        Figures.money(own.getOrDefault(month, BigDecimal.ZERO), currency),
                        Countback.dso(balance, end, own, lookback).days()));
            }
        }
        return rows;
    }

    private static void add(Map<String, TreeMap<YearMonth, BigDecimal>> into, String currency, YearMonth month,
            BigDecimal amount) {
        into.computeIfAbsent(currency, c -> new TreeMap<>()).merge(month, amount, BigDecimal::add);
    }
}
