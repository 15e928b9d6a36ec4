package io.crmrecon.ledger;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit and debit notes the company grants itself — on an accepted dispute — posted to the ledger like any other
 * document: never edited, never deleted. A note dated the day it is granted belongs to the statement of the period
 * it corrects ({@link LedgerHistory.PostedDocument#statementDate()}).
 */
@Service
public class Adjustments {

    /** A note to post; {@code documentNo} is its key, so posting the same note again changes nothing. */
    public record Note(String documentNo, long customerId, String currency, DocumentType type, BigDecimal amount,
            LocalDate issueDate, YearMonth adjustsPeriod, String reference, String description) {

        public Note {
            if (type != DocumentType.CREDIT_NOTE && type != DocumentType.DEBIT_NOTE) {
                throw new IllegalArgumentException("an adjustment is a credit or a debit note, not " + type);
            }
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("an adjustment's amount is positive: " + amount);
            }
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReceivableMovements movements;

    Adjustments(JdbcClient jdbc, Clock clock, ReceivableMovements movements) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.movements = movements;
    }

    /** Posts the note unless a document with its number exists (a retried step); true when it was posted now. */
    @Transactional
    public boolean post(Note note) {
        Optional<Long> existing = jdbc.sql("SELECT customer_id FROM document WHERE document_no = :no")
                .param("no", note.documentNo()).query(Long.class).optional();
        if (existing.isPresent()) {
            if (existing.get() != note.customerId()) {
                throw new IllegalStateException("document " + note.documentNo() + " belongs to another customer");
            }
            return false;
        }
        long after = movements.lastDocument();
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO document (document_no, customer_id, type, issue_date, due_date, currency, amount, "
                        + "reference, description, posted_at, adjusts_period) VALUES (:no, :customer, :type, :issued, "
                        + ":issued, :currency, :amount, :reference, :description, :at, :period)")
                .param("no", note.documentNo())
                .param("customer", note.customerId())
                .param("type", note.type().name())
                .param("issued", note.issueDate())
                .param("currency", note.currency())
                .param("amount", note.amount().setScale(Money.minorDigits(note.currency())))
                .param("reference", note.reference())
                .param("description", note.description())
                .param("at", at)
                .param("period", note.adjustsPeriod() == null ? null : note.adjustsPeriod().atDay(1))
                .update();
        movements.documentsPosted(after);
        return true;
    }
}
