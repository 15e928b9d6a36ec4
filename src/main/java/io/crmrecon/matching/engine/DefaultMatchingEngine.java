package io.crmrecon.matching.engine;

import java.util.Collection;
import java.util.List;

/**
 * The matching engine: an {@link EngineIndex} built once over a snapshot; every {@link #matchAll} is a
 * {@link MatchRun} over its own copy of the open amounts, so one engine may serve several runs, also at the
 * same time.
 */
final class DefaultMatchingEngine implements MatchingEngine {

    private final EngineIndex index;

    DefaultMatchingEngine(Collection<OpenItem> openItems, Collection<Payer> payers,
            Collection<StatementRef> statements, MatchingPolicy policy, Collection<SettledDocument> settled) {
        this.index = new EngineIndex(openItems, payers, statements, policy, settled);
    }

    @Override
    public List<MatchOutcome> matchAll(List<IncomingPayment> payments) {
        return new MatchRun(index).run(payments);
    }
}
