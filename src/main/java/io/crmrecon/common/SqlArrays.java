package io.crmrecon.common;

import java.util.Collection;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Looks up many keys with one array parameter ({@code WHERE key = ANY (?)}), which PostgreSQL and H2 both run
 * on the index. A long {@code IN (?, ?, …)} list is worse: after a few executions PostgreSQL switches to a generic
 * plan for it that scans the whole table.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static PreparedStatementSetter varchars(Collection<String> values) {
        Object[] array = values.toArray();
        return ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", array));
    }
}
