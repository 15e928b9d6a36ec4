package io.crmrecon.ledger;

import java.math.BigDecimal;

/**
 * An allocation to record. {@code documentId} null: cash left on the customer's account. {@code amount} is signed
 * as the document moves the balance (negative when a credit note is used up).
 */
public record NewAllocation(Long transactionId, Long documentId, Long customerId, String currency, BigDecimal amount,
        BigDecimal writeOff, Method method, String rule, BigDecimal confidence, Long matchingRunId, String note,
        String createdBy) {

    public enum Method { AUTO, MANUAL }
}
