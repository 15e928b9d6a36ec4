package io.crmrecon.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Nullable parameters of the ledger's batch inserts. */
final class JdbcValues {

    private JdbcValues() {
    }

    /** Null or empty text is stored as NULL. */
    static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
