package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How paymentMatching hands a run's exceptions to clerks: in batches of {@code recon.matching.task-batch-size},
 * each a range of transaction ids. The process keeps only where each batch starts; a batch's transactions are read
 * when its job starts it, so no process variable grows with the number of exceptions.
 */
@Component("manualMatchBatches")
public class ManualMatchBatches {

    private final ManualMatchTasks tasks;
    private final int batchSize;

    ManualMatchBatches(ManualMatchTasks tasks, @Value("${recon.matching.task-batch-size:200}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("recon.matching.task-batch-size must be at least 1, not " + batchSize);
        }
        this.tasks = tasks;
        this.batchSize = batchSize;
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

    /** The transactions of one batch that still need a task (another process may have given them one since). */
    public List<Long> transactionIds(Number matchingRunId, Number bankStatementId, List<?> starts, Number batch) {
        int index = batch.intValue();
        long from = ((Number) starts.get(index)).longValue();
        Long until = index + 1 < starts.size() ? ((Number) starts.get(index + 1)).longValue() : null;
        return tasks.exceptionsWithoutTask(matchingRunId.longValue(), bankStatementId.longValue(), from, until);
    }
}
