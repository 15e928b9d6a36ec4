package io.crmrecon.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code receivable_movement} and its sums by day, {@code receivable_day} (see their migrations), in step
 * with the ledger: every writer of documents or allocations calls it in its own transaction, so the reports never
 * see one without the other. The rows are read back from the ledger's own tables, so they say exactly what the
 * documents and allocations say. Amounts are in units of 1/10,000 ({@code report.Receivables#amount} reads them).
 */
@Component
class ReceivableMovements {

    /** The day that places a document on a statement. */
    private static final String DOCUMENT_DAY = "CASE WHEN d.adjusts_period IS NOT NULL "
            + "AND d.adjusts_period < d.issue_date THEN d.adjusts_period ELSE d.issue_date END";
    private static final String BOOKED = "COALESCE(t.booking_date, a.value_date)";

    /** The movements of the documents after {@code :after} that have none yet. */
    private static final String DOCUMENT_ROWS = "SELECT d.customer_id, d.currency, d.due_date, " + DOCUMENT_DAY
            + " AS booked_on, d.issue_date AS issued, CAST(CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount "
            + "ELSE d.amount END * 10000 AS BIGINT) AS units, d.id AS document_id FROM document d "
            + "WHERE d.type <> 'BILL' AND d.id > :after AND NOT EXISTS (SELECT 1 FROM receivable_movement m "
            + "WHERE m.document_id = d.id AND m.allocation_id IS NULL)";

    private static final String DOCUMENTS = "INSERT INTO receivable_movement (customer_id, currency, due_date, "
            + "booked_on, issued, units, document_id) " + DOCUMENT_ROWS;

    private static final String ALLOCATIONS = "INSERT INTO receivable_movement (customer_id, currency, due_date, "
            + "booked_on, units, document_id, allocation_id) SELECT d.customer_id, d.currency, d.due_date, "
            + "CASE WHEN " + BOOKED + " > " + DOCUMENT_DAY + " THEN " + BOOKED + " ELSE " + DOCUMENT_DAY + " END, "
            + "CAST(-(a.amount + a.writeoff) * 10000 AS BIGINT), d.id, a.id FROM allocation a "
            + "JOIN document d ON d.id = a.document_id LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
            + "WHERE d.type <> 'BILL' AND " + BOOKED + " IS NOT NULL AND a.id > :after";

    /** receivable_day (see its migration): these movements' sums by currency, day and issue day. */
    private static final String DAYS = "INSERT INTO receivable_day (currency, booked_on, issued, units) "
            + "SELECT n.currency, n.booked_on, n.issued, SUM(n.units) FROM (%s) n "
            + "GROUP BY n.currency, n.booked_on, n.issued";

    private static final String DOCUMENT_DAYS = DAYS.formatted(DOCUMENT_ROWS);

    /** The applications' movements are read back: the allocations after :after are all this writer's. */
    private static final String ALLOCATION_DAYS = DAYS.formatted("SELECT m.currency, m.booked_on, m.issued, m.units "
            + "FROM receivable_movement m WHERE m.allocation_id > :after");

    private final JdbcClient jdbc;

    ReceivableMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last document id now: what {@link #documentsPosted} continues from. */
    long lastDocument() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM document").query(Long.class).single();
    }

    /**
     * The documents posted after {@code after} ({@link #lastDocument()} read before posting them) that have no
     * movement yet: this transaction's, as another writer's are either not visible to it or came with their own
     * movements. Bills have none.
     */
    void documentsPosted(long after) {
        // the sums first: afterwards these documents have their movements and the same rows select nothing
        jdbc.sql(DOCUMENT_DAYS).param("after", after).update();
        jdbc.sql(DOCUMENTS).param("after", after).update();
    }

    /** The last allocation id now: what {@link #allocationsRecorded} continues from. */
    long lastAllocation() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM allocation").query(Long.class).single();
    }

    /**
     * The allocations recorded after {@code after} ({@link #lastAllocation()} read before writing them). The
     * writer holds the lock of whoever applies money, so the allocations after it are all its own.
     */
    void allocationsRecorded(long after) {
        jdbc.sql(ALLOCATIONS).param("after", after).update();
        jdbc.sql(ALLOCATION_DAYS).param("after", after).update();
    }
}
