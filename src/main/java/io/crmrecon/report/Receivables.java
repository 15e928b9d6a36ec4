package io.crmrecon.report;

/**
 * The one rule every report uses for what was owed on a day, as SQL (PostgreSQL and H2 alike), the statements' rule:
 * a receivable (invoice, debit note; a credit note counts negative) is on the books from the day that places it on a
 * statement (its issue date, or the period it corrects), and cash counts from the payment's booking date (a
 * netting from the day it was netted). Bills (what the company owes) are no receivables.
 */
final class Receivables {

    /** A receivable on the books on {@code :asOf}; {@code d} is the document. */
    private static final String ON_BOOKS = "d.type <> 'BILL' AND (d.issue_date <= :asOf OR d.adjusts_period <= :asOf)";

    /** Per document, what was applied to it up to {@code :asOf} (cash and what was written off with it). */
    private static final String APPLIED = "SELECT a.document_id, SUM(a.amount + a.writeoff) AS applied "
            + "FROM allocation a LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
            + "WHERE a.document_id IS NOT NULL AND COALESCE(t.booking_date, a.value_date) <= :asOf "
            + "GROUP BY a.document_id";

    /**
     * Rows {@code id, document_no, customer_id, type, currency, issue_date, due_date, amount, open_amount}: every
     * receivable on the books on {@code :asOf}, with what was open of it that day (signed; zero when settled).
     */
    static final String OPEN_AS_OF = "SELECT d.id, d.document_no, d.customer_id, d.type, d.currency, d.issue_date, "
            + "d.due_date, d.amount, CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount ELSE d.amount END "
            + "- COALESCE(p.applied, 0) AS open_amount FROM document d LEFT JOIN (" + APPLIED + ") p "
            + "ON p.document_id = d.id WHERE " + ON_BOOKS;

    /**
     * Rows {@code customer_id, currency, due_date, issued, units}: each receivable on the books on {@code :asOf}
     * (signed; {@code issued} its issue date), and each application to it up to that day (negative; {@code issued}
     * null). Their sum is what was owed. Read from {@code receivable_movement}, which the ledger keeps with the same
     * rule: one narrow table summed instead of every document joined with its allocations.
     */
    static final String MOVEMENTS_AS_OF = "SELECT m.customer_id, m.currency, m.due_date, m.issued, m.units "
            + "FROM receivable_movement m WHERE m.booked_on <= :asOf";

    /** An amount of {@code receivable_movement} or {@code receivable_day}: ten-thousandths of the currency's unit. */
    static java.math.BigDecimal amount(long units) {
        return java.math.BigDecimal.valueOf(units, 4);
    }

    /** A sum of units that may be SQL NULL (nothing summed), as an amount; null stays null. */
    static java.math.BigDecimal amount(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long units = rs.getLong(column);
        return rs.wasNull() ? null : amount(units);
    }

    private Receivables() {
    }
}
