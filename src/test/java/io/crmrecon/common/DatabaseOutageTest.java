package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void aConnectionThatCouldNotBeHadOrKeptIsAnOutageHoweverDeepItIsWrapped() {
        // the pool waited in vain, as HikariCP says it
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no JDBC connection",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        // the engine's own wrapping of a connection broken mid-query (PostgreSQL's SQLSTATE 08006, 57P01)
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03004",
                new RuntimeException(new SQLException("An I/O error occurred", "08006"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        // what Spring throws when the rollback after a broken statement fails too: the first failure is lost
        assertThat(DatabaseOutage.isCause(new org.springframework.orm.jpa.JpaSystemException(
                new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void aRefusedStatementOrABugIsNoOutage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }

    @Test
    void theAnswerAsksToComeBackAndSaysNothingChanged() {
        var problem = DatabaseOutage.problem();
        assertThat(problem.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(problem.getDetail()).contains("try again", "Nothing was changed");
    }
}
