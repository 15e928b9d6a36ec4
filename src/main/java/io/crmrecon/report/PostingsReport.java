package io.crmrecon.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this system changed in the books, as journal lines for the accountant's system: every allocation of cash
 * (bank to receivable, or to the customer's advances when left on account, or to other payables when it was no
 * customer's money), what was written off with it, every netting (payable against receivable), and the credit and
 * debit notes granted on disputes. Invoices are not here: they come from the ERP, which posted them. Each entry is
 * two lines that balance; a reversal is the entry with its amounts negated, so it posts the other way round. An
 * entry is dated on the day its money moved (the payment's booking date, a netting's day), a note on its issue day
 * ({@code valueDate}); when that day's month was closed as the entry was recorded, it is posted on the first open
 * day instead ({@code date}).
 */
@Component
@Transactional(readOnly = true)
class PostingsReport {

    private static final String DAY = "COALESCE(t.booking_date, a.value_date)";

    /** Recorded after the first close: only then can an entry dated before {@code from} be posted in the range. */
    private static final String LATE = "%s >= (SELECT MIN(p.closed_at) FROM closed_period p)";

    /** The first open day when the entry was recorded at {@code at} (null: no month was closed then). */
    private static String openFrom(String at) {
        return "(SELECT MAX(p.open_from) FROM closed_period p WHERE p.closed_at <= " + at
                + " AND (p.reopened_at IS NULL OR p.reopened_at > " + at + "))";
    }

    /**
     * The rows of {@code select} (with money_day and open_from) posted in the range: on their money's day, or on
     * the first open day if that day's month was closed when they were recorded. So closing a month later moves
     * nothing already posted, and a closed month's postings never change.
     */
    private static String postedOn(String select) {
        return "SELECT * FROM (SELECT i.*, CASE WHEN i.open_from > i.money_day THEN i.open_from ELSE i.money_day "
                + "END AS posted_on FROM (" + select + ") i) x WHERE x.posted_on BETWEEN :from AND :to "
                + "ORDER BY x.posted_on, x.id";
    }

    private final JdbcClient jdbc;
    private final ReportSettings settings;

    PostingsReport(JdbcClient jdbc, ReportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Report of(LocalDate from, LocalDate to) {
        ReportSettings.Accounts accounts = settings.accounts();
        List<List<Object>> lines = new ArrayList<>();
        jdbc.sql(postedOn("SELECT a.id, " + DAY + " AS money_day, " + openFrom("a.created_at")
                        + " AS open_from, a.transaction_id, a.amount, a.writeoff, a.category, a.currency, "
                        + "a.reverses_id, a.nets_document_id, d.document_no, d.type, c.customer_code, "
                        + "t.bank_reference FROM allocation a LEFT JOIN document d ON d.id = a.document_id "
                        + "LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN bank_transaction t "
                        + "ON t.id = a.transaction_id WHERE " + DAY + " <= :to AND (" + DAY + " >= :from OR "
                        + LATE.formatted("a.created_at") + ") AND (d.type IS NULL OR d.type <> 'BILL')"))
                .param("from", from).param("to", to).query((RowCallbackHandler) rs -> {
                    String entry = "A" + rs.getLong("id");
                    LocalDate day = rs.getObject("posted_on", LocalDate.class);
                    LocalDate moneyDay = rs.getObject("money_day", LocalDate.class);
                    String currency = rs.getString("currency");
                    String customer = rs.getString("customer_code");
                    String document = rs.getString("document_no");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    BigDecimal writeOff = rs.getBigDecimal("writeoff");
                    boolean reversal = rs.getObject("reverses_id") != null;
                    String kind;
                    String debit;
                    String credit;
                    if (rs.getObject("nets_document_id") != null) {
                        kind = "NETTING";
                        debit = accounts.payable();
                        credit = accounts.receivable();
                    } else if (rs.getString("category") != null) {
                        kind = "OTHER_RECEIPT";
                        debit = accounts.bank();
                        credit = accounts.otherPayables();
                    } else if (document == null) {
                        kind = "ON_ACCOUNT";
                        debit = accounts.bank();
                        credit = accounts.advances();
                    } else {
                        kind = "PAYMENT";
                        debit = accounts.bank();
                        credit = accounts.receivable();
                    }
                    String what = (reversal ? "REVERSAL_OF_" : "") + kind;
                    entry(lines, day, moneyDay, entry, what, debit, credit, amount, currency, customer, document,
                            rs.getString("bank_reference"));
                    if (writeOff != null && writeOff.signum() != 0) {
                        entry(lines, day, moneyDay, entry + "W", (reversal ? "REVERSAL_OF_" : "") + "WRITE_OFF",
                                accounts.writeOff(), accounts.receivable(), writeOff, currency, customer, document,
                                rs.getString("bank_reference"));
                    }
                });
        jdbc.sql(postedOn("SELECT d.id, x.dispute_no, d.document_no, d.type, d.issue_date AS money_day, "
                        + openFrom("d.posted_at") + " AS open_from, d.amount, d.currency, c.customer_code "
                        + "FROM dispute x JOIN document d ON d.document_no = x.adjustment_document_no "
                        + "JOIN customer c ON c.id = d.customer_id WHERE d.issue_date <= :to AND (d.issue_date >= :from OR "
                        + LATE.formatted("d.posted_at") + ")"))
                .param("from", from).param("to", to).query((RowCallbackHandler) rs -> {
                    boolean credit = "CREDIT_NOTE".equals(rs.getString("type"));
                    entry(lines, rs.getObject("posted_on", LocalDate.class), rs.getObject("money_day", LocalDate.class),
                            "N" + rs.getString("document_no"),
                            credit ? "CREDIT_NOTE" : "DEBIT_NOTE", credit ? accounts.sales() : accounts.receivable(),
                            credit ? accounts.receivable() : accounts.sales(), rs.getBigDecimal("amount"),
                            rs.getString("currency"), rs.getString("customer_code"), rs.getString("document_no"),
                            rs.getString("dispute_no"));
                });
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        return new Report("postings", parameters, List.of(new Report.Table("lines", List.of(
                Report.Column.date("date"), Report.Column.text("entry"), Report.Column.text("kind"),
                Report.Column.text("account"), Report.Column.money("debit"), Report.Column.money("credit"),
                Report.Column.text("currency"), Report.Column.text("customerCode"), Report.Column.text("documentNo"),
                Report.Column.text("reference"), Report.Column.date("valueDate")), lines)));
    }

    /**
     * Two lines that balance: {@code amount} to the debit of one account and the credit of the other; a negative
     * amount (a reversal) posts the other way round, so that every line's figure is positive.
     */
    private static void entry(List<List<Object>> lines, LocalDate day, LocalDate moneyDay, String entry, String kind,
            String debit, String credit, BigDecimal amount, String currency, String customer, String document,
            String reference) {
        BigDecimal value = Figures.money(amount.abs(), currency);
        boolean forward = amount.signum() >= 0;
        lines.add(Arrays.asList(day, entry, kind, forward ? debit : credit, value, null, currency, customer, document,
                reference, moneyDay));
        lines.add(Arrays.asList(day, entry, kind, forward ? credit : debit, null, value, currency, customer, document,
                reference, moneyDay));
    }
}
