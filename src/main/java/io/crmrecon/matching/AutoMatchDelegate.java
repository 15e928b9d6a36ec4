package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
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
    private static final int CHUNK = 500;

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
        var taskService = execution.getProcessEngineServices().getTaskService();
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        List<ManualMatchTasks.OpenTask> settled = tasks.settledWithOpenTask(runId);
        for (int i = 0; i < settled.size(); i += CHUNK) {
            List<ManualMatchTasks.OpenTask> chunk = settled.subList(i, Math.min(settled.size(), i + CHUNK));
            String[] ids = chunk.stream().map(ManualMatchTasks.OpenTask::taskId).filter(java.util.Objects::nonNull)
                    .toArray(String[]::new);
            Map<String, Task> open = new HashMap<>();
            if (ids.length > 0) {
                taskService.createTaskQuery().taskIdIn(ids).list().forEach(t -> open.put(t.getId(), t));
            }
            for (ManualMatchTasks.OpenTask each : chunk) {
                Task task = each.taskId() == null ? olderTask(taskService, each) : open.get(each.taskId());
                if (task == null) {
                    // no task to end (it is gone): the row only
                    tasks.closed(each.transactionId());
                    continue;
                }
                if (runtime.createEventSubscriptionQuery().executionId(task.getExecutionId())
                        .eventName(SETTLED_MESSAGE).count() == 0) {
                    // a batch of a model version before the boundary event: its task stays for a clerk
                    continue;
                }
                taskService.setVariableLocal(task.getId(), "settledByRun", runId);
                runtime.messageEventReceived(SETTLED_MESSAGE, task.getExecutionId());
            }
        }
    }

    /** A task created before its id was stored: found among its instance's tasks by its transaction. */
    private static Task olderTask(org.camunda.bpm.engine.TaskService taskService, ManualMatchTasks.OpenTask open) {
        return taskService.createTaskQuery().processInstanceId(open.processInstanceId())
                .taskDefinitionKey("manualMatch").list().stream()
                .filter(t -> taskService.getVariable(t.getId(), "transactionId") instanceof Number n
                        && n.longValue() == open.transactionId())
                .findFirst().orElse(null);
    }
}
