package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money in that is not yet fully applied.
 *
 * @param amount what is left to apply (> 0)
 */
public record IncomingPayment(long transactionId, BigDecimal amount, String currency, LocalDate bookingDate,
        String counterpartyName, String counterpartyAccount, String remittanceInfo, String structuredReference) {
}
