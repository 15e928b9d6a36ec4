package io.crmrecon.matching;

import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which transactions have an open manualMatch task: at most one each (the table's primary key). */
@Component
class ManualMatchTasks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private static final int CHUNK = 500;

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

    /**
     * Claims a task for each of these transactions that has none, for the batch's process instance, and returns
     * the ones claimed. Idempotent: two runs handing out the same exceptions at once give each transaction one
     * task (a claim the other batch wrote first makes this one leave that transaction out, never fail).
     */
    List<Long> claim(List<Long> transactionIds, String processInstanceId) {
        List<Long> claimed = new ArrayList<>();
        List<Long> wanted = transactionIds;
        for (int attempt = 0; !wanted.isEmpty(); attempt++) {
            List<Long> free = withoutTask(wanted);
            try {
                insertClaimsUnderSavepoint(free, processInstanceId);
                claimed.addAll(free);
                break;
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw e;
                }
                // the other batch has committed by now (the insert waited for it): read again what is left
                wanted = free;
            }
        }
        claimed.sort(null);
        return claimed;
    }

    private List<Long> withoutTask(List<Long> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < transactionIds.size(); i += CHUNK) {
            List<Long> chunk = transactionIds.subList(i, Math.min(transactionIds.size(), i + CHUNK));
            taken.addAll(jdbc.queryForList("SELECT transaction_id FROM manual_match_task WHERE transaction_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", Long.class,
                    chunk.toArray()));
        }
        return transactionIds.stream().filter(id -> !taken.contains(id)).toList();
    }

    /** A collision with a batch that committed meanwhile undoes this attempt only, not the job's transaction. */
    private void insertClaimsUnderSavepoint(List<Long> transactionIds, String processInstanceId) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Savepoint savepoint = con.setSavepoint();
            try {
                insertClaims(transactionIds, processInstanceId);
            } catch (DuplicateKeyException e) {
                con.rollback(savepoint);
                throw e;
            }
            con.releaseSavepoint(savepoint);
            return null;
        });
    }

    private void insertClaims(List<Long> transactionIds, String processInstanceId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO manual_match_task (transaction_id, process_instance_id, created_at) "
                + "VALUES (?, ?, ?)", transactionIds, CHUNK, (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setString(2, processInstanceId);
                    ps.setTimestamp(3, now);
                });
    }

    /** The claimed transaction's task exists now: links to it read its id from here. */
    void opened(long transactionId, String processInstanceId, String taskId) {
        int updated = jdbc.update("UPDATE manual_match_task SET task_id = ? WHERE transaction_id = ?", taskId,
                transactionId);
        if (updated == 0) {
            jdbc.update("INSERT INTO manual_match_task (transaction_id, process_instance_id, task_id, created_at) "
                    + "VALUES (?, ?, ?, ?)", transactionId, processInstanceId, taskId, Timestamp.from(clock.instant()));
        }
    }

    /** The task id of each of these transactions' open task, where it was stored (every task since V6). */
    Map<Long, String> taskIds(java.util.Collection<Long> transactionIds) {
        Map<Long, String> out = new HashMap<>();
        List<Long> all = new ArrayList<>(transactionIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.query("SELECT transaction_id, task_id FROM manual_match_task WHERE task_id IS NOT NULL AND "
                    + "transaction_id IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        out.put(rs.getLong(1), rs.getString(2));
                    }, chunk.toArray());
        }
        return out;
    }

    /** The transactions this run applied money of that still have a clerk's task. */
    List<OpenTask> settledWithOpenTask(long runId) {
        return jdbc.query("SELECT m.transaction_id, m.process_instance_id, m.task_id FROM manual_match_task m "
                + "WHERE EXISTS (SELECT 1 FROM allocation a WHERE a.transaction_id = m.transaction_id "
                + "AND a.matching_run_id = ?) ORDER BY m.transaction_id",
                (rs, i) -> new OpenTask(rs.getLong(1), rs.getString(2), rs.getString(3)), runId);
    }

    record OpenTask(long transactionId, String processInstanceId, String taskId) {
    }

    void closed(long transactionId) {
        jdbc.update("DELETE FROM manual_match_task WHERE transaction_id = ?", transactionId);
    }
}
