package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A matching run writes up to a million allocations and outcomes in one transaction. PostgreSQL checks a foreign
 * key row by row (a lookup plus a lock on the referenced row): on a million-row run that was two thirds of its
 * time. Both tables are written only by code that has just read the referenced rows (under the matching lock, or
 * after checking a clerk's choice), and the tables they point at are never deleted from (documents and bank
 * transactions are the ledger), so these keys go. The reversal link of an allocation stays.
 *
 * <p>From here on an automatic match is recorded by its allocations alone; matching_outcome keeps the exceptions and
 * the clerks' decisions.
 *
 * <p>In Java because the constraints were created without names, and H2 and PostgreSQL name them differently.
 */
public class V4__Matching_tables_checked_by_their_writers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        drop(connection, "allocation", Set.of("transaction_id", "document_id", "customer_id", "matching_run_id"));
        drop(connection, "matching_outcome", Set.of("transaction_id", "customer_id", "matching_run_id"));
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            // only reversals have reverses_id: an index of the million NULLs of a run is work for nothing
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE allocation DROP CONSTRAINT uk_allocation_reversal");
                s.execute("CREATE UNIQUE INDEX uk_allocation_reversal ON allocation (reverses_id) "
                        + "WHERE reverses_id IS NOT NULL");
            }
        }
    }

    private static void drop(Connection connection, String table, Set<String> columns) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<String> names = new ArrayList<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), stored)) {
            while (keys.next()) {
                if (columns.contains(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT))) {
                    names.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (names.size() != columns.size()) {
            throw new IllegalStateException("expected foreign keys on " + columns + " of " + table + ", found " + names);
        }
        try (Statement s = connection.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
