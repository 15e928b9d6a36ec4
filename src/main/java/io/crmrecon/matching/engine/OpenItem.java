package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A receivable document with something left to settle.
 *
 * @param open what is left, signed as it moves the balance: positive for invoices and debit notes, negative for
 *             credit notes; never zero
 */
public record OpenItem(long documentId, String documentNo, String taxInvoiceNo, long customerId, ItemKind kind,
        String currency, BigDecimal open, LocalDate issueDate, LocalDate dueDate) {

    public enum ItemKind { INVOICE, DEBIT_NOTE, CREDIT_NOTE }
}
