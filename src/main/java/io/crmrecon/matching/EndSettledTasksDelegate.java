package io.crmrecon.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The step after auto-match in paymentMatching and matchingRun, a job of its own: ends the manualMatch tasks of the
 * transactions the run named in {@code matchingRunId} settled (their invoices came after them). It runs after the
 * run's job has committed, so not under the lock every run and clerk waits for while money is applied.
 */
@Component("endSettledTasksDelegate")
class EndSettledTasksDelegate implements JavaDelegate {

    static final String SETTLED_MESSAGE = "transactionSettled";
    private static final int CHUNK = 50;

    private final ManualMatchTasks tasks;

    EndSettledTasksDelegate(ManualMatchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        endTasksOfSettled(execution, ((Number) execution.getVariable("matchingRunId")).longValue());
    }

    /**
     * A transaction that waited for a clerk and that this run settled (its invoice came after it): its task ends by
     * itself, and its history says which run matched it ({@code settledByRun} on the task).
     */
    private void endTasksOfSettled(DelegateExecution execution, long runId) {
        var taskService = execution.getProcessEngineServices().getTaskService();
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        List<ManualMatchTasks.OpenTask> settled = tasks.settledWithOpenTask(runId);
        // a few at a time, each few in a transaction of its own: the engine sorts what one transaction writes in
        // quadratic time; a chunk ended is not found again when the job is retried
        CommandExecutor ownTransaction = Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
        for (int i = 0; i < settled.size(); i += CHUNK) {
            List<ManualMatchTasks.OpenTask> chunk = settled.subList(i, Math.min(settled.size(), i + CHUNK));
            ownTransaction.execute(commandContext -> {
                endTasks(taskService, runtime, chunk, runId);
                return null;
            });
        }
    }

    private void endTasks(TaskService taskService, RuntimeService runtime, List<ManualMatchTasks.OpenTask> chunk,
            long runId) {
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

    /** A task created before its id was stored: found among its instance's tasks by its transaction. */
    private static Task olderTask(TaskService taskService, ManualMatchTasks.OpenTask open) {
        return taskService.createTaskQuery().processInstanceId(open.processInstanceId())
                .taskDefinitionKey("manualMatch").list().stream()
                .filter(t -> taskService.getVariable(t.getId(), "transactionId") instanceof Number n
                        && n.longValue() == open.transactionId())
                .findFirst().orElse(null);
    }
}
