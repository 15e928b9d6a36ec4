package io.crmrecon.statement;

import io.crmrecon.common.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Statements for Prometheus: {@code recon_statements{status}}, the statements whose latest version has that status
 * (every status, 0 when none), so a month-end can be watched going from GENERATED through SENT to CONFIRMED.
 */
@Component
class StatementMetrics {

    private final CachedReading<Map<String, Long>> byStatus;

    StatementMetrics(JdbcClient jdbc, MeterRegistry registry) {
        // a join with each number's latest version rather than a subquery per row: one pass over the table
        this.byStatus = new CachedReading<>(() -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.sql("SELECT s.status, COUNT(*) AS n FROM statement s JOIN (SELECT statement_no, MAX(version) AS version "
                            + "FROM statement GROUP BY statement_no) l "
                            + "ON l.statement_no = s.statement_no AND l.version = s.version GROUP BY s.status")
                    .query(rs -> {
                        counts.put(rs.getString("status"), rs.getLong("n"));
                    });
            return counts;
        });
        for (StatementStatus status : StatementStatus.values()) {
            Gauge.builder("recon.statements", this, m -> m.byStatus.gauge(c -> c.getOrDefault(status.name(), 0L)))
                    .description("Statements by the status of their latest version")
                    .tag("status", status.name())
                    .register(registry);
        }
    }
}
