package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money in with something left to apply ({@code remaining} > 0). */
public record UnappliedTransaction(long transactionId, long bankStatementId, String account, String bankReference,
        BigDecimal amount, BigDecimal remaining, String currency, LocalDate bookingDate, String counterpartyName,
        String counterpartyAccount, String remittanceInfo, String structuredReference) {
}
