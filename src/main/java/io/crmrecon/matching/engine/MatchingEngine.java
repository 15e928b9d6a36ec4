package io.crmrecon.matching.engine;

import java.util.Collection;
import java.util.List;

/**
 * Matches payments to open items. Plain Java: build it over a snapshot of open items, payers and statement
 * references, then match a batch of payments.
 *
 * <p>Guarantees: never applies more than a payment's amount or an item's open amount; never applies across
 * customers unless the reference is unambiguous; the result does not depend on the order of the input; matching
 * the remaining payments again over the remaining open items changes nothing.
 */
public interface MatchingEngine {

    static MatchingEngine create(Collection<OpenItem> openItems, Collection<Payer> payers,
            Collection<StatementRef> statements, MatchingPolicy policy) {
        return create(openItems, payers, statements, policy, List.of());
    }

    /**
     * As {@link #create(Collection, Collection, Collection, MatchingPolicy)}, also knowing documents that are
     * already settled: a payment naming one of them is a possible duplicate and goes to a clerk.
     */
    static MatchingEngine create(Collection<OpenItem> openItems, Collection<Payer> payers,
            Collection<StatementRef> statements, MatchingPolicy policy, Collection<SettledDocument> settled) {
        return new DefaultMatchingEngine(openItems, payers, statements, policy, settled);
    }

    /** One outcome per payment, in the order of the input list. */
    List<MatchOutcome> matchAll(List<IncomingPayment> payments);
}
