package io.crmrecon.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked line of a bank file, the same shape whatever the format.
 *
 * @param account             our account the line is booked on (IBAN or the bank's account number, as the file gives it)
 * @param bankReference       the bank's own reference for the line (camt {@code AcctSvcrRef}, MT940 bank reference,
 *                            CSV {@code transaction_id}); null when the bank gives none ({@code NONREF})
 * @param bookingDate         never null
 * @param valueDate           null when the file gives none
 * @param amount              signed: &gt; 0 money in, &lt; 0 money out; the scale the file wrote, at most the
 *                            currency's minor digits
 * @param structuredReference the best structured payment reference: camt {@code CdtrRefInf/Ref} (else the
 *                            end-to-end id), MT940 {@code /EREF/} or {@code EREF+}
 * @param endToEndId          the payer's end-to-end id; null for {@code NOTPROVIDED} / {@code NONREF}
 * @param bankTxCode          camt {@code Domn/Fmly/SubFmly} as {@code PMNT/RCDT/ESCT} or the proprietary code;
 *                            MT940 the {@code :61:} transaction type, e.g. {@code NTRF}
 */
public record ParsedTransaction(
        String account,
        String bankReference,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceInfo,
        String structuredReference,
        String endToEndId,
        String bankTxCode) {
}
