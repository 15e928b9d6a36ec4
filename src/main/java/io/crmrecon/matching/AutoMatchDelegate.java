package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * paymentMatching's auto-match step: matches the bank statement's transactions (unless a run that already did is
 * named in {@code matchingRunId}), then hands the exceptions without a task to the manualMatch tasks, in batches.
 */
@Component("autoMatchDelegate")
class AutoMatchDelegate implements JavaDelegate {

    private final MatchingRuns runs;
    private final ManualMatchTasks tasks;
    private final ManualMatchBatches batches;

    AutoMatchDelegate(MatchingRuns runs, ManualMatchTasks tasks, ManualMatchBatches batches) {
        this.runs = runs;
        this.tasks = tasks;
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long bankStatementId = ((Number) execution.getVariable("bankStatementId")).longValue();
        Number given = (Number) execution.getVariable("matchingRunId");
        long runId;
        if (given == null) {
            runId = runs.openHere(bankStatementId, "paymentMatching");
            runs.executeHere(runId);
            execution.setVariable("matchingRunId", runId);
        } else {
            runId = given.longValue();
        }
        List<Long> exceptions = tasks.exceptionsWithoutTask(runId, bankStatementId);
        execution.setVariable("exceptionBatchStarts",
                Variables.objectValue(new ArrayList<>(batches.starts(exceptions)))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("exceptionCount", exceptions.size());
    }
}
