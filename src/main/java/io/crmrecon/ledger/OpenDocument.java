package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A receivable document with something left to settle; {@code open} is signed like the type (credit notes < 0). */
public record OpenDocument(long documentId, String documentNo, String taxInvoiceNo, long customerId,
        DocumentType type, String currency, BigDecimal amount, BigDecimal open, LocalDate issueDate,
        LocalDate dueDate) {
}
