package io.crmrecon.common;

import java.sql.DatabaseMetaData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a bulk load, fresh table statistics: without them PostgreSQL plans the next lookups as if the table were
 * still small and scans it whole for every batch (a re-import of 100,000 documents went from 2 s to 150 s).
 */
public final class BulkLoads {

    /** Below this many new rows the statistics autovacuum keeps are good enough. */
    public static final int ANALYZE_THRESHOLD = 10_000;

    private BulkLoads() {
    }

    public static void analyzeAfter(JdbcTemplate jdbc, String table, int rowsLoaded) {
        if (rowsLoaded < ANALYZE_THRESHOLD || !table.matches("[a-z_]+")) {
            return;
        }
        String product = jdbc.execute((java.sql.Connection c) -> {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName();
        });
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            jdbc.execute("ANALYZE " + table);
        } else if ("H2".equalsIgnoreCase(product)) {
            jdbc.execute("ANALYZE TABLE " + table);
        }
    }
}
