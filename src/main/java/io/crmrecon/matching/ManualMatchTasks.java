package io.crmrecon.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which transactions have an open manualMatch task: at most one each (the table's primary key). */
@Component
class ManualMatchTasks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ManualMatchTasks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The run's exceptions of one bank statement that have no task yet, in id order. */
    List<Long> exceptionsWithoutTask(long runId, long bankStatementId) {
        return exceptionsWithoutTask(runId, bankStatementId, Long.MIN_VALUE, null);
    }

    /** The same, for the transaction ids from {@code from} up to (not including) {@code until}, or all from there. */
    List<Long> exceptionsWithoutTask(long runId, long bankStatementId, long from, Long until) {
        String sql = "SELECT o.transaction_id FROM matching_outcome o JOIN bank_transaction t ON t.id = o.transaction_id "
                + "WHERE o.matching_run_id = ? AND o.status IN ('SUGGESTED', 'UNMATCHED') AND t.bank_statement_id = ? "
                + "AND o.transaction_id >= ? AND NOT EXISTS "
                + "(SELECT 1 FROM manual_match_task m WHERE m.transaction_id = o.transaction_id)";
        return until == null
                ? jdbc.queryForList(sql + " ORDER BY o.transaction_id", Long.class, runId, bankStatementId, from)
                : jdbc.queryForList(sql + " AND o.transaction_id < ? ORDER BY o.transaction_id", Long.class, runId,
                        bankStatementId, from, until);
    }

    /** The bank statements that the run's exceptions without a task come from. */
    List<Long> statementsWithExceptions(long runId) {
        return jdbc.queryForList("SELECT DISTINCT t.bank_statement_id FROM matching_outcome o "
                + "JOIN bank_transaction t ON t.id = o.transaction_id WHERE o.matching_run_id = ? "
                + "AND o.status IN ('SUGGESTED', 'UNMATCHED') AND NOT EXISTS "
                + "(SELECT 1 FROM manual_match_task m WHERE m.transaction_id = o.transaction_id) "
                + "ORDER BY t.bank_statement_id", Long.class, runId);
    }

    void opened(long transactionId, String processInstanceId) {
        jdbc.update("INSERT INTO manual_match_task (transaction_id, process_instance_id, created_at) VALUES (?, ?, ?)",
                transactionId, processInstanceId, Timestamp.from(clock.instant()));
    }

    void closed(long transactionId) {
        jdbc.update("DELETE FROM manual_match_task WHERE transaction_id = ?", transactionId);
    }
}
