package io.crmrecon.matching.engine;

import java.math.BigDecimal;

/**
 * The knobs of matching.
 *
 * @param toleranceAbsolute a short payment up to this much (bank charges) may be settled with a write-off
 * @param tolerancePercent  ... or up to this share of the document (whichever is smaller), in percent
 * @param combinationBudget operations the amount pass may spend per payment looking for a combination of open
 *                          items; counted, not timed, so results never depend on machine load
 * @param maxCombinationSize the most open items one payment is taken to settle without a reference
 */
public record MatchingPolicy(BigDecimal toleranceAbsolute, BigDecimal tolerancePercent, int combinationBudget,
        int maxCombinationSize) {

    public static MatchingPolicy defaults() {
        return new MatchingPolicy(new BigDecimal("50.00"), new BigDecimal("0.5"), 20_000, 4);
    }
}
