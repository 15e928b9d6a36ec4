package io.crmrecon.matching;

import io.crmrecon.common.CachedReading;
import io.crmrecon.matching.engine.MatchOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Matching for Prometheus: {@code recon_matching_auto_match_ratio}, the share of the payments the latest completed
 * run with any payments applied without a clerk (NaN before the first), and
 * {@code recon_matching_auto_matched_total{rule}}, the payments this node's runs applied by each rule.
 */
@Component
class MatchingMetrics {

    private static final String AUTO_MATCHED = "recon.matching.auto.matched";

    private record LatestRun(int transactions, int autoMatched) {
    }

    private final CachedReading<LatestRun> latest;
    private final MeterRegistry registry;

    MatchingMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.registry = registry;
        // a run over nothing (a documents import while nothing waited) has no ratio: the one before it counts
        this.latest = new CachedReading<>(() -> jdbc.sql("SELECT transactions, auto_matched FROM matching_run "
                        + "WHERE status = 'COMPLETED' AND transactions > 0 ORDER BY finished_at DESC, id DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .query((rs, i) -> new LatestRun(rs.getInt("transactions"), rs.getInt("auto_matched")))
                .optional()
                .orElse(null));
        Gauge.builder("recon.matching.auto.match.ratio", this,
                        m -> m.latest.gauge(r -> (double) r.autoMatched() / r.transactions()))
                .description("Payments matched without a clerk / payments of the latest completed matching run")
                .register(registry);
    }

    /**
     * Counts a run's automatic matches by rule once its transaction commits: a run that rolls back (its job is
     * retried) counts when it completes.
     */
    void autoMatched(List<MatchOutcome> outcomes) {
        Map<String, Long> byRule = outcomes.stream()
                .filter(o -> o.status() == MatchOutcome.Status.AUTO && o.rule() != null)
                .collect(Collectors.groupingBy(o -> o.rule().name(), TreeMap::new, Collectors.counting()));
        if (byRule.isEmpty()) {
            return;
        }
        Runnable count = () -> byRule.forEach((rule, n) -> registry.counter(AUTO_MATCHED, "rule", rule).increment(n));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
