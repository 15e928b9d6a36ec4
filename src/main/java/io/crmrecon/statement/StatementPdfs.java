package io.crmrecon.statement;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PDF of each statement version as it was sent, kept beside the statement rather than in its row: every step,
 * answer and page view loads the statement, and only sending and downloads need the bytes.
 */
@Component
class StatementPdfs {

    private final JdbcClient jdbc;

    StatementPdfs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, with the statement it belongs to. */
    void store(long statementId, byte[] pdf) {
        jdbc.sql("INSERT INTO statement_pdf (statement_id, pdf) VALUES (:id, :pdf)")
                .param("id", statementId)
                .param("pdf", pdf)
                .update();
    }

    Optional<byte[]> of(long statementId) {
        return jdbc.sql("SELECT pdf FROM statement_pdf WHERE statement_id = :id")
                .param("id", statementId)
                .query(byte[].class)
                .optional();
    }
}
