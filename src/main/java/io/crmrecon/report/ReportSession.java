package io.crmrecon.report;

import java.sql.DatabaseMetaData;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a report's transaction asks of the database first: on PostgreSQL, room to sum in memory
 * ({@code work_mem}, {@code recon.report.work-mem}) and no JIT compilation, for this transaction only. A report groups a million rows by
 * customer; with the default 4 MB PostgreSQL spills those groups to disk (EXPLAIN ANALYZE on a million documents shows
 * it).
 */
@Component
class ReportSession {

    private final JdbcTemplate jdbc;
    private final String workMem;
    private volatile Boolean postgres;

    ReportSession(JdbcTemplate jdbc, ReportSettings settings) {
        this.jdbc = jdbc;
        this.workMem = settings.workMem();
    }

    /** Call inside the report's transaction, before its queries. */
    void prepare() {
        if (postgres()) {
            // SET LOCAL ends with the transaction; the value was checked when the settings were read
            jdbc.execute("SET LOCAL work_mem = '" + workMem + "'");
            // compiling a report's expressions took longer than it saved (130 ms of a 2 s ageing, EXPLAIN ANALYZE)
            jdbc.execute("SET LOCAL jit = off");
        }
    }

    boolean postgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equalsIgnoreCase(jdbc.execute((ConnectionCallback<String>) c -> {
                DatabaseMetaData meta = c.getMetaData();
                return meta.getDatabaseProductName();
            }));
        }
        return postgres;
    }
}
