package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * What matching decided for one payment.
 *
 * @param status       AUTO: applied without a person; SUGGESTED: candidates for a clerk; UNMATCHED: nothing found
 * @param customerId   the customer the payment is taken to come from (null when unknown)
 * @param applications for AUTO: what each document receives (cash and any write-off)
 * @param onAccount    for AUTO: cash left on the customer's account (overpayment), else zero
 * @param rule         for AUTO: the rule that decided, e.g. REFERENCE, AMOUNT_COMBINATION (see {@link MatchRule})
 * @param confidence   for AUTO: 0–1
 * @param suggestions  for SUGGESTED (and UNMATCHED with weak candidates): ranked best first, at most 20
 */
public record MatchOutcome(long transactionId, Status status, Long customerId, List<Application> applications,
        BigDecimal onAccount, MatchRule rule, BigDecimal confidence, List<Suggestion> suggestions) {

    public enum Status { AUTO, SUGGESTED, UNMATCHED }

    /** Cash applied to one document, plus what was written off on it with this payment. */
    public record Application(long documentId, BigDecimal amount, BigDecimal writeOff) {
    }

    /** A candidate set of documents for a clerk, with why it was proposed. */
    public record Suggestion(long customerId, List<Long> documentIds, MatchRule rule, BigDecimal score,
            String reason) {
    }
}
