package io.crmrecon.matching;

import io.crmrecon.matching.engine.MatchingPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recon.matching.*}: every setting of the matching feature in one place (README, "Running it in
 * production", lists them).
 *
 * @param toleranceAbsolute  a short payment up to this much (bank charges) is settled with a write-off
 * @param tolerancePercent   ... or up to this share of the document, in percent, whichever is smaller
 * @param combinationBudget  operations the amount pass may spend per payment looking for a combination
 * @param maxCombinationSize the most open items one payment is taken to settle without a reference
 * @param settledLookbackDays invoices settled this recently are known to matching (possible duplicates)
 * @param taskBatchSize      manualMatch tasks started together by one job
 */
@ConfigurationProperties("recon.matching")
record MatchingSettings(@DefaultValue("50.00") BigDecimal toleranceAbsolute,
        @DefaultValue("0.5") BigDecimal tolerancePercent, @DefaultValue("20000") int combinationBudget,
        @DefaultValue("4") int maxCombinationSize, @DefaultValue("180") int settledLookbackDays,
        @DefaultValue("200") int taskBatchSize) {

    MatchingSettings {
        if (taskBatchSize < 1) {
            throw new IllegalArgumentException("recon.matching.task-batch-size must be at least 1, not "
                    + taskBatchSize);
        }
        if (settledLookbackDays < 0) {
            throw new IllegalArgumentException("recon.matching.settled-lookback-days must not be negative, not "
                    + settledLookbackDays);
        }
    }

    /** The defaults, as a run without any setting has them. */
    static MatchingSettings defaults() {
        return new MatchingSettings(new BigDecimal("50.00"), new BigDecimal("0.5"), 20_000, 4, 180, 200);
    }

    MatchingSettings withTaskBatchSize(int size) {
        return new MatchingSettings(toleranceAbsolute, tolerancePercent, combinationBudget, maxCombinationSize,
                settledLookbackDays, size);
    }

    MatchingPolicy policy() {
        return new MatchingPolicy(toleranceAbsolute, tolerancePercent, combinationBudget, maxCombinationSize);
    }

    Duration settledLookback() {
        return Duration.ofDays(settledLookbackDays);
    }
}
