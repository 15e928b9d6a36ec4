package io.crmrecon.statement;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves statements from one status to the next and keeps the history of every move (who or what, when, why),
 * which the staff page shows beside the confirmation evidence.
 */
@Service
class Statements {

    private final StatementRepository repository;
    private final JdbcClient jdbc;
    private final Clock clock;

    Statements(StatementRepository repository, JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code actor}: a user id, {@code "customer"} or {@code "system"}; {@code note} may be null. */
    @Transactional
    Statement move(long statementId, StatementStatus next, String actor, String note) {
        Statement statement = repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
        statement.status(next);
        record(statementId, next, actor, note);
        return statement;
    }

    /** The first entry of a version's history, when it is stored. */
    @Transactional
    void recordGenerated(Statement statement, String actor) {
        record(statement.id(), statement.status(), actor, null);
    }

    private void record(long statementId, StatementStatus status, String actor, String note) {
        jdbc.sql("INSERT INTO statement_event (statement_id, status, occurred_at, actor, note) "
                        + "VALUES (:id, :status, :at, :actor, :note)")
                .param("id", statementId)
                .param("status", status.name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("note", note)
                .update();
    }
}
