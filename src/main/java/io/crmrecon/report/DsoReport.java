package io.crmrecon.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DSO by the {@link Countback} method: per customer on the period's last day, and per currency at the end of each
 * month of the period (its trend). The per-customer figures are worked out by the database in one pass (a year of
 * a million documents never travels to the application); the monthly figures from monthly sums.
 */
@Component
@Transactional(readOnly = true)
class DsoReport {

    private static final String SIGNED = "CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount ELSE d.amount END";
    /** The month that places a document on a statement (see {@link Receivables}). */
    private static final String STATEMENT_DAY = "CASE WHEN d.adjusts_period IS NOT NULL "
            + "AND d.adjusts_period < d.issue_date THEN d.adjusts_period ELSE d.issue_date END";

    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final ReportSession session;

    DsoReport(JdbcClient jdbc, ReportSettings settings, ReportSession session) {
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
        List<List<Object>> byMonth = byMonth(from, to, lookback);
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
                        Report.Column.text("beyondLookback")), customers(to, lookback)),
                new Report.Table("overall", List.of(Report.Column.text("currency"), Report.Column.money("balance"),
                        Report.Column.decimal("dso")), overall),
                new Report.Table("byMonth", List.of(Report.Column.text("month"), Report.Column.text("currency"),
                        Report.Column.money("balance"), Report.Column.money("sales"), Report.Column.decimal("dso")),
                        byMonth)));
    }

    /** Per customer with something owed on {@code to}: the countback of its own sales, in the database. */
    private List<List<Object>> customers(LocalDate to, int lookback) {
        List<Countback.Window> windows = Countback.windows(to, lookback);
        StringBuilder months = new StringBuilder();
        for (Countback.Window w : windows) {
            months.append(months.isEmpty() ? "" : ", ").append("(").append(w.index()).append(", ")
                    .append(w.daysAfter(to)).append(", ").append(w.days()).append(")");
        }
        LocalDate since = windows.get(lookback - 1).firstDay();
        long lookbackDays = java.time.temporal.ChronoUnit.DAYS.between(since, to) + 1;
        // a month's index counted back from the month of to (0); a literal, so that grouping by it needs no parameter
        int endMonth = to.getYear() * 12 + to.getMonthValue();
        String sql = "WITH m (idx, days_after, days) AS (VALUES " + months + "), "
                + "bal AS (SELECT b.customer_id, b.currency, SUM(b.amount) AS balance FROM ("
                + Receivables.MOVEMENTS_AS_OF + ") b GROUP BY b.customer_id, b.currency HAVING SUM(b.amount) > 0), "
                + "sales AS (SELECT x.customer_id, x.currency, x.idx, SUM(x.amount) AS s FROM (SELECT d.customer_id, "
                + "d.currency, " + endMonth + " - (CAST(EXTRACT(YEAR FROM d.issue_date) AS INTEGER) * 12 "
                + "+ CAST(EXTRACT(MONTH FROM d.issue_date) AS INTEGER)) AS idx, " + SIGNED + " AS amount "
                + "FROM document d WHERE d.type <> 'BILL' AND d.issue_date BETWEEN :since AND :asOf) x "
                + "GROUP BY x.customer_id, x.currency, x.idx HAVING SUM(x.amount) > 0), "
                + "run AS (SELECT s.customer_id, s.currency, m.days_after, m.days, s.s, SUM(s.s) OVER (PARTITION BY "
                + "s.customer_id, s.currency ORDER BY s.idx) AS upto FROM sales s JOIN m ON m.idx = s.idx) "
                // the first month that uses the balance up has the smallest figure: every later one adds whole months
                + "SELECT c.customer_code, c.name, b.currency, b.balance, MIN(CASE WHEN r.upto >= b.balance THEN "
                + "r.days_after + r.days * (b.balance - (r.upto - r.s)) / r.s END) AS dso FROM bal b "
                + "JOIN customer c ON c.id = b.customer_id LEFT JOIN run r ON r.customer_id = b.customer_id "
                + "AND r.currency = b.currency GROUP BY c.customer_code, c.name, b.currency, b.balance "
                + "ORDER BY c.customer_code, b.currency";
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql(sql).param("asOf", to).param("since", since).query((RowCallbackHandler) rs -> {
            String currency = rs.getString("currency");
            BigDecimal dso = rs.getBigDecimal("dso");
            boolean beyond = dso == null;
            rows.add(List.of(rs.getString("customer_code"), rs.getString("name"), currency,
                    Figures.money(rs.getBigDecimal("balance"), currency),
                    beyond ? BigDecimal.valueOf(lookbackDays).setScale(1) : dso.setScale(1, RoundingMode.HALF_UP),
                    Boolean.toString(beyond)));
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
        jdbc.sql("SELECT d.currency, EXTRACT(YEAR FROM " + STATEMENT_DAY + ") AS y, EXTRACT(MONTH FROM "
                        + STATEMENT_DAY + ") AS m, SUM(" + SIGNED + ") AS amount FROM document d "
                        + "WHERE d.type <> 'BILL' AND " + STATEMENT_DAY + " <= :to GROUP BY d.currency, EXTRACT(YEAR FROM "
                        + STATEMENT_DAY + "), EXTRACT(MONTH FROM " + STATEMENT_DAY + ")")
                .param("to", to).query((RowCallbackHandler) rs -> add(movement, rs.getString("currency"),
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getBigDecimal("amount")));
        jdbc.sql("SELECT d.currency, EXTRACT(YEAR FROM COALESCE(t.booking_date, a.value_date)) AS y, "
                        + "EXTRACT(MONTH FROM COALESCE(t.booking_date, a.value_date)) AS m, "
                        + "SUM(a.amount + a.writeoff) AS amount FROM allocation a "
                        + "JOIN document d ON d.id = a.document_id AND d.type <> 'BILL' "
                        + "LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
                        + "WHERE COALESCE(t.booking_date, a.value_date) <= :to GROUP BY d.currency, "
                        + "EXTRACT(YEAR FROM COALESCE(t.booking_date, a.value_date)), "
                        + "EXTRACT(MONTH FROM COALESCE(t.booking_date, a.value_date))")
                .param("to", to).query((RowCallbackHandler) rs -> add(movement, rs.getString("currency"),
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getBigDecimal("amount").negate()));
        LocalDate since = YearMonth.from(from).minusMonths(lookback).atDay(1);
        jdbc.sql("SELECT d.currency, EXTRACT(YEAR FROM d.issue_date) AS y, EXTRACT(MONTH FROM d.issue_date) AS m, "
                        + "SUM(" + SIGNED + ") AS amount FROM document d WHERE d.type <> 'BILL' "
                        + "AND d.issue_date BETWEEN :since AND :to GROUP BY d.currency, EXTRACT(YEAR FROM d.issue_date), "
                        + "EXTRACT(MONTH FROM d.issue_date)")
                .param("since", since).param("to", to).query((RowCallbackHandler) rs -> add(sales, rs.getString("currency"),
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getBigDecimal("amount")));
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
