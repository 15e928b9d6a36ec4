package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A statement's PDF and its queued mail (the PDF again, in base64) are already compressed, yet PostgreSQL tries to
 * compress every value past 2 KB before it stores it out of line, and gives up only after reading all of it. Measured
 * on the rows of a statement run: 2,014 queued mails inserted in 1.6–2.3 s, in 0.4–0.5 s without the attempt; 2,000
 * PDFs in 0.73–0.75 s, in 0.17–0.18 s: some 1 ms of the database's time a statement, for nothing. Stored as they
 * are from now on. PostgreSQL only: H2 has no such setting.
 */
public class V21__Blobs_stored_without_compression extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE mail_outbox ALTER COLUMN mime SET STORAGE EXTERNAL");
            s.execute("ALTER TABLE statement_pdf ALTER COLUMN pdf SET STORAGE EXTERNAL");
        }
    }
}
