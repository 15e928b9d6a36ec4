package io.crmrecon.statement;

import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the ledger knows of one customer in one currency, as the statement reads it: its documents and the
 * allocations of payments to it (reversals included, as the negative rows the ledger keeps). Every fact carries
 * the instant it was recorded, because the ledger is append-only: what was known at a moment is what was recorded
 * by then, and a statement is the ledger as known when it was generated.
 */
record LedgerFacts(List<Document> documents, List<Allocation> allocations, Set<String> disputedDocumentNos) {

    LedgerFacts {
        documents = List.copyOf(documents);
        allocations = List.copyOf(allocations);
        disputedDocumentNos = Set.copyOf(disputedDocumentNos);
    }

    /** The ledger's history of a customer, with the documents a dispute holds marked. */
    static LedgerFacts from(LedgerHistory.Facts history, Set<String> disputedDocumentNos) {
        return new LedgerFacts(history.documents().stream()
                .map(d -> new Document(d.documentNo(), d.type(), d.issueDate(), d.dueDate(), d.amount(),
                        d.reference(), d.description(), d.postedAt())).toList(),
                history.allocations().stream()
                        .map(a -> new Allocation(a.transactionId(), a.bankReference(), a.bookingDate(),
                                a.documentNo(), a.amount(), a.writeOff(), a.reversal(), a.recordedAt())).toList(),
                disputedDocumentNos);
    }

    /** A posted document; amounts are positive, the type gives the sign. */
    record Document(String documentNo, DocumentType type, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            String reference, String description, Instant recordedAt) {
    }

    /**
     * Cash of one bank transaction applied to this customer: to a document, or on account when {@code documentNo}
     * is null; {@code amount} is the cash, {@code writeOff} what was written off with it. A reversal is a row of
     * its own with both negated and {@code reversal} set. Dated by the payment's booking date.
     */
    record Allocation(long transactionId, String bankReference, LocalDate bookingDate, String documentNo,
            BigDecimal amount, BigDecimal writeOff, boolean reversal, Instant recordedAt) {
    }
}
