package io.crmrecon.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * 客户业绩与付款习惯: per customer and currency, what was invoiced, credited and paid in a period, what is open at its
 * end, and how the customer pays — over the invoices and debit notes settled in the period: average days from issue
 * to payment, average days late, the share paid by the due date — compared with the period of the same length
 * before. A customer is at risk when it owes more than its credit limit, or when it pays later than before by more
 * than {@code recon.report.risk-days-late-growth} days.
 */
@Component
@Transactional(readOnly = true)
class CustomerBehaviourReport {

    private static final String CASH_DAY = "COALESCE(t.booking_date, a.value_date)";

    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final Clock clock;
    private final ReportSession session;

    CustomerBehaviourReport(JdbcClient jdbc, ReportSettings settings, Clock clock, ReportSession session) {
        this.session = session;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    Report of(LocalDate from, LocalDate to) {
        session.prepare();
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate before = from.minusDays(length);
        Map<String, Account> accounts = new TreeMap<>();
        jdbc.sql("SELECT c.customer_code, c.name, c.credit_limit, d.currency, "
                        + "SUM(CASE WHEN d.type <> 'CREDIT_NOTE' THEN d.amount ELSE 0 END) AS invoiced, "
                        + "SUM(CASE WHEN d.type = 'CREDIT_NOTE' THEN d.amount ELSE 0 END) AS credited "
                        + "FROM document d JOIN customer c ON c.id = d.customer_id WHERE d.type <> 'BILL' "
                        + "AND d.issue_date BETWEEN :from AND :to GROUP BY c.customer_code, c.name, c.credit_limit, "
                        + "d.currency").param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> account(accounts, rs).issued(rs.getBigDecimal("invoiced"),
                        rs.getBigDecimal("credited")));
        jdbc.sql("SELECT c.customer_code, c.name, c.credit_limit, d.currency, SUM(a.amount) AS paid "
                        + "FROM allocation a JOIN document d ON d.id = a.document_id AND d.type <> 'BILL' "
                        + "JOIN customer c ON c.id = d.customer_id LEFT JOIN bank_transaction t "
                        + "ON t.id = a.transaction_id WHERE " + CASH_DAY + " BETWEEN :from AND :to "
                        + "GROUP BY c.customer_code, c.name, c.credit_limit, d.currency")
                .param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> account(accounts, rs).paid = rs.getBigDecimal("paid"));
        jdbc.sql("SELECT c.customer_code, c.name, c.credit_limit, x.currency, x.open_units FROM (SELECT "
                        + "m.customer_id, m.currency, SUM(m.units) AS open_units FROM (" + Receivables.MOVEMENTS_AS_OF
                        + ") m GROUP BY m.customer_id, m.currency) x JOIN customer c ON c.id = x.customer_id "
                        + "WHERE x.open_units <> 0")
                .param("asOf", to)
                .query((RowCallbackHandler) rs -> account(accounts, rs).open =
                        Receivables.amount(rs.getLong("open_units")));
        // each receivable settled in full, on the day its last money came; those settled in the two periods
        jdbc.sql("SELECT c.customer_code, c.name, c.credit_limit, d.currency, d.issue_date, d.due_date, p.paid_on "
                        + "FROM document d JOIN customer c ON c.id = d.customer_id JOIN (SELECT a.document_id, "
                        + "SUM(a.amount + a.writeoff) AS applied, MAX(" + CASH_DAY + ") AS paid_on FROM allocation a "
                        + "LEFT JOIN bank_transaction t ON t.id = a.transaction_id WHERE a.document_id IS NOT NULL "
                        + "GROUP BY a.document_id) p ON p.document_id = d.id WHERE d.type IN ('INVOICE', 'DEBIT_NOTE') "
                        + "AND p.applied >= d.amount AND p.paid_on BETWEEN :before AND :to")
                .param("before", before).param("to", to).query((RowCallbackHandler) rs -> {
                    LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
                    Account account = account(accounts, rs);
                    account.settled(!paidOn.isBefore(from), rs.getObject("issue_date", LocalDate.class),
                            rs.getObject("due_date", LocalDate.class), paidOn);
                });
        jdbc.sql("SELECT c.customer_code, c.name, c.credit_limit, d.currency, COUNT(*) AS n FROM dispute d "
                        + "JOIN customer c ON c.id = d.customer_id WHERE d.opened_at >= :start AND d.opened_at < :end "
                        + "GROUP BY c.customer_code, c.name, c.credit_limit, d.currency")
                .param("start", Timestamp.from(Figures.startOf(from, clock.getZone())))
                .param("end", Timestamp.from(Figures.startOf(to.plusDays(1), clock.getZone())))
                .query((RowCallbackHandler) rs -> account(accounts, rs).disputes = rs.getLong("n"));

        BigDecimal growth = BigDecimal.valueOf(settings.riskDaysLateGrowth());
        List<List<Object>> rows = new ArrayList<>();
        for (Account a : accounts.values()) {
            rows.add(a.row(growth));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("comparedWithFrom", before);
        return new Report("customers", parameters, List.of(new Report.Table("customers", List.of(
                Report.Column.text("customerCode"), Report.Column.text("customerName"), Report.Column.text("currency"),
                Report.Column.money("invoiced"), Report.Column.money("credited"), Report.Column.money("paid"),
                Report.Column.money("open"), Report.Column.money("creditLimit"), Report.Column.integer("invoicesPaid"),
                Report.Column.decimal("averageDaysToPay"), Report.Column.decimal("averageDaysLate"),
                Report.Column.decimal("shareOnTime"), Report.Column.decimal("averageDaysLateBefore"),
                Report.Column.integer("disputes"), Report.Column.text("atRisk"), Report.Column.text("riskReasons")),
                rows)));
    }

    private static Account account(Map<String, Account> accounts, java.sql.ResultSet rs) throws java.sql.SQLException {
        String code = rs.getString("customer_code");
        String currency = rs.getString("currency");
        Account account = accounts.get(code + '\u0000' + currency);
        if (account == null) {
            account = new Account(code, rs.getString("name"), currency, rs.getBigDecimal("credit_limit"));
            accounts.put(code + '\u0000' + currency, account);
        }
        return account;
    }

    /** One customer in one currency: the sums, and the payments of the period and of the one before. */
    private static final class Account {
        final String code;
        final String name;
        final String currency;
        final BigDecimal creditLimit;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        long disputes;
        long settled;
        long daysToPay;
        long daysLate;
        long onTime;
        long settledBefore;
        long daysLateBefore;

        Account(String code, String name, String currency, BigDecimal creditLimit) {
            this.code = code;
            this.name = name;
            this.currency = currency;
            this.creditLimit = creditLimit;
        }

        void issued(BigDecimal invoicedAmount, BigDecimal creditedAmount) {
            invoiced = invoicedAmount;
            credited = creditedAmount;
        }

        void settled(boolean inPeriod, LocalDate issued, LocalDate due, LocalDate paidOn) {
            long late = Math.max(0, ChronoUnit.DAYS.between(due, paidOn));
            if (inPeriod) {
                settled++;
                daysToPay += Math.max(0, ChronoUnit.DAYS.between(issued, paidOn));
                daysLate += late;
                onTime += late == 0 ? 1 : 0;
            } else {
                settledBefore++;
                daysLateBefore += late;
            }
        }

        List<Object> row(BigDecimal growth) {
            BigDecimal late = average(daysLate, settled);
            BigDecimal lateBefore = average(daysLateBefore, settledBefore);
            List<String> risks = new ArrayList<>();
            if (creditLimit != null && open.compareTo(creditLimit) > 0) {
                risks.add("OVER_CREDIT_LIMIT");
            }
            if (late != null && lateBefore != null && late.subtract(lateBefore).compareTo(growth) > 0) {
                risks.add("PAYING_LATER");
            }
            return Arrays.asList(code, name, currency, Figures.money(invoiced, currency),
                    Figures.money(credited, currency), Figures.money(paid, currency),
                    Figures.money(open, currency), Figures.money(creditLimit, currency), settled,
                    average(daysToPay, settled), late, Figures.rate(onTime, settled), lateBefore, disputes,
                    Boolean.toString(!risks.isEmpty()), String.join(";", risks));
        }

        private static BigDecimal average(long total, long count) {
            return count == 0 ? null
                    : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
        }
    }
}
