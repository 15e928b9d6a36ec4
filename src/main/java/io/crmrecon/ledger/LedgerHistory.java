package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's ledger history in one currency, every fact with the instant it was recorded: the documents posted
 * to it and each allocation of cash to it (reversals as their own negative rows). The ledger is append-only, so
 * this is enough to say what was known of the account at any moment — what statements are built from.
 */
@Service
@Transactional(readOnly = true)
public class LedgerHistory {

    private final JdbcClient jdbc;

    LedgerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A posted document; the amount positive, the type gives the sign. {@code adjustsPeriod} (first day of a month,
     * usually null) is the period whose statement a note granted on a dispute corrects.
     */
    public record PostedDocument(String documentNo, DocumentType type, LocalDate issueDate, LocalDate dueDate,
            BigDecimal amount, String reference, String description, Instant postedAt, LocalDate adjustsPeriod) {

        public PostedDocument(String documentNo, DocumentType type, LocalDate issueDate, LocalDate dueDate,
                BigDecimal amount, String reference, String description, Instant postedAt) {
            this(documentNo, type, issueDate, dueDate, amount, reference, description, postedAt, null);
        }

        /**
         * The day that places the document on a statement: its issue date, or the last day of the period it
         * corrects when that is earlier.
         */
        public LocalDate statementDate() {
            if (adjustsPeriod == null) {
                return issueDate;
            }
            LocalDate periodEnd = adjustsPeriod.withDayOfMonth(adjustsPeriod.lengthOfMonth());
            return periodEnd.isBefore(issueDate) ? periodEnd : issueDate;
        }
    }

    /**
     * Cash of a bank transaction applied to the customer — to a document, or on account ({@code documentNo}
     * null) — and what was written off with it; a reversal negates both and has {@code reversal} set. A netting
     * ({@code nettedBillNo} set) applies a payable instead of cash: no transaction ({@code transactionId} 0), and
     * {@code bookingDate} is the day it was netted.
     */
    public record AppliedCash(long allocationId, long transactionId, String bankReference, LocalDate bookingDate,
            String documentNo, BigDecimal amount, BigDecimal writeOff, boolean reversal, Instant recordedAt,
            String nettedBillNo) {

        public AppliedCash(long allocationId, long transactionId, String bankReference, LocalDate bookingDate,
                String documentNo, BigDecimal amount, BigDecimal writeOff, boolean reversal, Instant recordedAt) {
            this(allocationId, transactionId, bankReference, bookingDate, documentNo, amount, writeOff, reversal,
                    recordedAt, null);
        }

        public boolean netting() {
            return nettedBillNo != null;
        }
    }

    /** {@code billNettings}: what was netted of the customer's BILLs (amount positive), by the day it was netted. */
    public record Facts(List<PostedDocument> documents, List<AppliedCash> allocations,
            List<AppliedCash> billNettings) {
    }

    /**
     * Everything dated up to {@code upTo}: documents by {@link PostedDocument#statementDate()}, cash by the
     * payment's booking date.
     */
    public Facts of(long customerId, String currency, LocalDate upTo) {
        List<PostedDocument> documents = jdbc.sql("SELECT document_no, type, issue_date, due_date, amount, reference, "
                        + "description, posted_at, adjusts_period FROM document WHERE customer_id = :customer "
                        + "AND currency = :currency AND (issue_date <= :upTo OR adjusts_period <= :upTo) "
                        + "ORDER BY issue_date, id")
                .param("customer", customerId).param("currency", currency).param("upTo", upTo)
                .query((rs, i) -> new PostedDocument(rs.getString("document_no"),
                        DocumentType.valueOf(rs.getString("type")), rs.getObject("issue_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount"),
                        rs.getString("reference"), rs.getString("description"),
                        rs.getTimestamp("posted_at").toInstant(), rs.getObject("adjusts_period", LocalDate.class)))
                .list();
        List<AppliedCash> allocations = jdbc.sql("SELECT a.id, a.transaction_id, t.bank_reference, "
                        + "COALESCE(t.booking_date, a.value_date) AS booking_date, d.document_no, a.amount, a.writeoff, "
                        + "a.reverses_id, a.created_at, n.document_no AS netted_no FROM allocation a "
                        + "LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
                        + "LEFT JOIN document d ON d.id = a.document_id LEFT JOIN document n ON n.id = a.nets_document_id "
                        + "WHERE a.customer_id = :customer AND a.currency = :currency "
                        + "AND (a.transaction_id IS NOT NULL OR a.nets_document_id IS NOT NULL) "
                        + "AND COALESCE(t.booking_date, a.value_date) <= :upTo ORDER BY 4, a.id")
                .param("customer", customerId).param("currency", currency).param("upTo", upTo)
                .query((rs, i) -> new AppliedCash(rs.getLong("id"), rs.getLong("transaction_id"),
                        rs.getString("bank_reference"), rs.getObject("booking_date", LocalDate.class),
                        rs.getString("document_no"), rs.getBigDecimal("amount"), rs.getBigDecimal("writeoff"),
                        rs.getObject("reverses_id") != null, rs.getTimestamp("created_at").toInstant(),
                        rs.getString("netted_no")))
                .list();
        List<AppliedCash> billNettings = jdbc.sql("SELECT a.id, a.value_date, b.document_no, a.amount, a.reverses_id, "
                        + "a.created_at, r.document_no AS receivable_no FROM allocation a "
                        + "JOIN document b ON b.id = a.document_id AND b.type = 'BILL' "
                        + "JOIN document r ON r.id = a.nets_document_id "
                        + "WHERE b.customer_id = :customer AND a.currency = :currency AND a.value_date <= :upTo "
                        + "ORDER BY a.value_date, a.id")
                .param("customer", customerId).param("currency", currency).param("upTo", upTo)
                .query((rs, i) -> new AppliedCash(rs.getLong("id"), 0, null, rs.getObject("value_date", LocalDate.class),
                        rs.getString("receivable_no"), rs.getBigDecimal("amount"), BigDecimal.ZERO,
                        rs.getObject("reverses_id") != null, rs.getTimestamp("created_at").toInstant(),
                        rs.getString("document_no")))
                .list();
        return new Facts(documents, allocations, billNettings);
    }
}
