package io.crmrecon.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people's work for Prometheus: {@code recon_open_tasks{task}}, the open user tasks of every process by task key.
 * Read from the engine's task table with SQL, not through the TaskService: a query there is filtered by Camunda
 * authorization for whoever scrapes, and the figure must not depend on who asks. The tasks belong to several
 * features, so the engine's table is counted once, here.
 */
@Component
class OpenTaskMetrics {

    /** The user tasks of the processes (CONTRACT.md §6): shown from the start, 0 when none is open. */
    private static final List<String> TASKS = List.of("manualMatch", "followUpCustomer", "investigateDispute",
            "approveAdjustment", "reviewEscalatedDispute", "collectionFollowUp", "refundCustomer");

    private final CachedReading<Map<String, Long>> open;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    OpenTaskMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.registry = registry;
        this.open = new CachedReading<>(() -> {
            Map<String, Long> counts = new HashMap<>();
            // a task created outside a process (Tasklist's "create task") has no key: not a kind of work to watch
            jdbc.sql("SELECT TASK_DEF_KEY_ AS task, COUNT(*) AS n FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ IS NOT NULL "
                            + "GROUP BY TASK_DEF_KEY_")
                    .query(rs -> {
                        counts.put(rs.getString("task"), rs.getLong("n"));
                    });
            // a key of a model added later gets its gauge now, shown from the next scrape on
            counts.keySet().forEach(this::register);
            return counts;
        });
        TASKS.forEach(this::register);
    }

    private void register(String task) {
        if (registered.add(task)) {
            Gauge.builder("recon.open.tasks", this, m -> m.open.gauge(c -> c.getOrDefault(task, 0L)))
                    .description("Open user tasks by task definition key")
                    .tag("task", task)
                    .register(registry);
        }
    }
}
