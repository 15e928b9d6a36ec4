package io.crmrecon.ledger;

import java.math.BigDecimal;

/**
 * An allocation to record. {@code documentId} null: cash left on the customer's account. {@code amount} is signed
 * as the document moves the balance (negative when a credit note is used up). {@code category} set: money that is
 * not a customer's payment (no document, no customer), booked as what it is.
 */
public record NewAllocation(Long transactionId, Long documentId, Long customerId, String currency, BigDecimal amount,
        BigDecimal writeOff, Method method, String rule, BigDecimal confidence, Long matchingRunId, String note,
        String createdBy, NonCustomerCategory category) {

    public enum Method { AUTO, MANUAL }

    /** An allocation of a customer's payment (no category). */
    public NewAllocation(Long transactionId, Long documentId, Long customerId, String currency, BigDecimal amount,
            BigDecimal writeOff, Method method, String rule, BigDecimal confidence, Long matchingRunId, String note,
            String createdBy) {
        this(transactionId, documentId, customerId, currency, amount, writeOff, method, rule, confidence,
                matchingRunId, note, createdBy, null);
    }

    /** The whole of what is left of a transaction, booked as money that is not a customer's payment. */
    public static NewAllocation nonCustomer(long transactionId, String currency, BigDecimal amount,
            NonCustomerCategory category, String note, String createdBy) {
        return new NewAllocation(transactionId, null, null, currency, amount, BigDecimal.ZERO, Method.MANUAL, null,
                null, null, note, createdBy, category);
    }
}
