package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The auto-match step of paymentMatching (one bank statement) and of matchingRun (everything waiting), a job: does the run named in {@code matchingRunId} if it is still RUNNING (a
 * crash rolls the job back and it is retried; a run completed before is not done twice), ends the clerks' tasks of
 * the transactions it settled, then hands the exceptions without a task to the manualMatch tasks, in batches: of
 * the instance's bank statement, or, for a run over everything, through one instance per bank statement.
 */
@Component("autoMatchDelegate")
class AutoMatchDelegate implements JavaDelegate {

    static final String SETTLED_MESSAGE = "transactionSettled";

    private final MatchingRuns runs;
    private final ManualMatchTasks tasks;
    private final ManualMatchBatches batches;
    private final PaymentMatchingListener process;

    AutoMatchDelegate(MatchingRuns runs, ManualMatchTasks tasks, ManualMatchBatches batches,
            PaymentMatchingListener process) {
        this.runs = runs;
        this.tasks = tasks;
        this.batches = batches;
        this.process = process;
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
        boolean ranHere = "RUNNING".equals(runs.status(runId).map(MatchingRuns.RunStatus::status).orElse(null));
        runs.executeHere(runId);
        if (ranHere) {
            endTasksOfSettled(execution, runId);
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

    /**
     * A transaction that waited for a clerk and that this run settled (its invoice came after it): its task ends by
     * itself, and its history says which run matched it ({@code settledByRun} on the task).
     */
    private void endTasksOfSettled(DelegateExecution execution, long runId) {
        var services = execution.getProcessEngineServices();
        for (ManualMatchTasks.OpenTask open : tasks.settledWithOpenTask(runId)) {
            var task = open.taskId() == null ? null
                    : services.getTaskService().createTaskQuery().taskId(open.taskId()).singleResult();
            if (task == null) {
                // no task to end (it is gone, or it predates stored task ids): the row only
                tasks.closed(open.transactionId());
                continue;
            }
            services.getTaskService().setVariableLocal(task.getId(), "settledByRun", runId);
            services.getRuntimeService().messageEventReceived(SETTLED_MESSAGE, task.getExecutionId());
        }
    }
}
