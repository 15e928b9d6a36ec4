package io.crmrecon.matching;

import io.crmrecon.ledger.BankStatementImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * How paymentMatching hands a run's exceptions to clerks: in batches of {@code recon.matching.task-batch-size},
 * each a range of transaction ids and a manualMatchBatch instance of its own. The process keeps only where each
 * batch starts; a batch's transactions are read when its job starts it, so no process variable grows with the
 * number of exceptions.
 */
@Component("manualMatchBatches")
public class ManualMatchBatches {

    private final ManualMatchTasks tasks;
    private final BankStatementImport bankStatements;
    private final int batchSize;

    ManualMatchBatches(ManualMatchTasks tasks, BankStatementImport bankStatements, MatchingSettings settings) {
        this.tasks = tasks;
        this.bankStatements = bankStatements;
        this.batchSize = settings.taskBatchSize();
    }

    /** The first transaction id of each batch, from the exceptions in id order. */
    List<Long> starts(List<Long> exceptionsInIdOrder) {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < exceptionsInIdOrder.size(); i += batchSize) {
            starts.add(exceptionsInIdOrder.get(i));
        }
        return starts;
    }

    /** The batches' numbers, for the multi-instance over them. */
    public List<Integer> indexes(List<?> starts) {
        return IntStream.range(0, starts.size()).boxed().toList();
    }

    /** The first transaction id of a batch. */
    public Long from(List<?> starts, Number batch) {
        return ((Number) starts.get(batch.intValue())).longValue();
    }

    /** The first transaction id after a batch, or null for the last. */
    public Long until(List<?> starts, Number batch) {
        int next = batch.intValue() + 1;
        return next < starts.size() ? ((Number) starts.get(next)).longValue() : null;
    }

    /**
     * The transactions of one batch that still need a task, claimed for this batch's instance (another run's batch
     * may have given them one since, or be giving them one right now: each gets one task all the same).
     */
    List<Long> transactionIds(Number matchingRunId, Number bankStatementId, Number from, Number until,
            String processInstanceId) {
        return tasks.claim(tasks.exceptionsWithoutTask(matchingRunId.longValue(), bankStatementId.longValue(),
                from.longValue(), until == null ? null : until.longValue()), processInstanceId);
    }

    /** The bank statement's file name, own id, account and dates, for a batch's instance as for paymentMatching's. */
    Map<String, Object> statementVariables(Number bankStatementId) {
        return StatementVariables.of(bankStatements.facts(bankStatementId.longValue()));
    }
}
