package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The auto-match step of paymentMatching (one bank statement) and of matchingRun (everything waiting), a job: does
 * the run named in {@code matchingRunId} if it is still RUNNING (a crash rolls the job back and it is retried; a run
 * completed before is not done twice), then hands the exceptions without a task to the manualMatch tasks, in
 * batches: of the instance's bank statement, or, for a run over everything, through one instance per bank
 * statement. The tasks of what the run settled end in the next step ({@link EndSettledTasksDelegate}).
 */
@Component("autoMatchDelegate")
class AutoMatchDelegate implements JavaDelegate {

    private final MatchingRuns runs;
    private final ManualMatchTasks tasks;
    private final ManualMatchBatches batches;
    private final PaymentMatchingListener process;
    private final EndSettledTasksDelegate settled;

    AutoMatchDelegate(MatchingRuns runs, ManualMatchTasks tasks, ManualMatchBatches batches,
            PaymentMatchingListener process, EndSettledTasksDelegate settled) {
        this.runs = runs;
        this.tasks = tasks;
        this.batches = batches;
        this.process = process;
        this.settled = settled;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number statement = (Number) execution.getVariable("bankStatementId");
        Number given = (Number) execution.getVariable("matchingRunId");
        long runId;
        if (given == null) {
            // an instance started before runs were recorded at their start
            runId = runs.openHere(statement == null ? null : statement.longValue(), PaymentMatchingListener.KEY);
            execution.setVariable("matchingRunId", runId);
        } else {
            runId = given.longValue();
        }
        boolean ranHere = runs.executeHere(runId);
        if (execution.getBpmnModelInstance().getModelElementById("endSettledTasks") == null) {
            // an instance of a model version before that step: ended here, as that version did
            if (ranHere) {
                settled.end(execution, runId);
            }
        } else {
            execution.setVariable(EndSettledTasksDelegate.RAN_THE_RUN, ranHere);
        }
        List<Long> exceptions = List.of();
        if (statement == null) {
            for (Long each : tasks.statementsWithExceptions(runId)) {
                process.handOverExceptions(runId, each);
            }
        } else {
            exceptions = tasks.exceptionsWithoutTask(runId, statement.longValue());
        }
        if (statement == null) {
            // matchingRun: its exceptions went to the bank statements' own instances
            return;
        }
        execution.setVariable("exceptionBatchStarts",
                Variables.objectValue(new ArrayList<>(batches.starts(exceptions)))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("exceptionCount", exceptions.size());
    }
}
