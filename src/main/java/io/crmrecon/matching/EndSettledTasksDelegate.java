package io.crmrecon.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step after auto-match in paymentMatching and matchingRun, a job of its own: ends the manualMatch tasks of the
 * transactions the run named in {@code matchingRunId} settled (their invoices came after them), when this instance's
 * auto-match did the run (an instance that a run over everything started for its exceptions leaves them to the
 * run's own). It runs after the run's job has committed, so not under the lock every run and clerk waits for while
 * money is applied.
 */
@Component("endSettledTasksDelegate")
class EndSettledTasksDelegate implements JavaDelegate {

    static final String SETTLED_MESSAGE = "transactionSettled";
    private static final int CHUNK = 50;
    private static final Logger log = LoggerFactory.getLogger(EndSettledTasksDelegate.class);

    /** Set by auto-match: whether this instance's job did the run. */
    static final String RAN_THE_RUN = "ranTheRun";

    private final ManualMatchTasks tasks;

    EndSettledTasksDelegate(ManualMatchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(RAN_THE_RUN))) {
            end(execution, ((Number) execution.getVariable("matchingRunId")).longValue());
        }
    }

    /**
     * Ends the tasks of the transactions the run settled, each through the boundary message {@value #SETTLED_MESSAGE}
     * on it, with {@code settledByRun} naming the run in its history. A few at a time, each few in a transaction of
     * its own: the engine sorts what one transaction writes in quadratic time. A chunk ended is not found again when
     * the job is retried; a task that someone else ended meanwhile (another job, a clerk) is passed over.
     */
    void end(DelegateExecution execution, long runId) {
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        CommandExecutor ownTransaction = Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
        List<ManualMatchTasks.OpenTask> settled = tasks.settledWithOpenTask(runId);
        for (int i = 0; i < settled.size(); i += CHUNK) {
            List<ManualMatchTasks.OpenTask> chunk = settled.subList(i, Math.min(settled.size(), i + CHUNK));
            try {
                ownTransaction.execute(commandContext -> endAll(taskService, runtime, chunk, runId));
            } catch (ProcessEngineException collided) {
                // one at a time then: what is gone meanwhile is passed over, anything else fails the job
                for (ManualMatchTasks.OpenTask one : chunk) {
                    try {
                        ownTransaction.execute(commandContext -> endAll(taskService, runtime, List.of(one), runId));
                    } catch (ProcessEngineException e) {
                        if (stillToEnd(taskService, runtime, one)) {
                            throw e;
                        }
                        log.debug("The task of transaction {} ended meanwhile", one.transactionId());
                    }
                }
            }
        }
    }

    private Void endAll(TaskService taskService, RuntimeService runtime, List<ManualMatchTasks.OpenTask> chunk,
            long runId) {
        String[] ids = chunk.stream().map(ManualMatchTasks.OpenTask::taskId).filter(Objects::nonNull)
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
            if (!subscribed(runtime, task)) {
                // a batch of a model version before the boundary event: its task stays for a clerk
                continue;
            }
            taskService.setVariableLocal(task.getId(), "settledByRun", runId);
            runtime.messageEventReceived(SETTLED_MESSAGE, task.getExecutionId());
        }
        return null;
    }

    private boolean stillToEnd(TaskService taskService, RuntimeService runtime, ManualMatchTasks.OpenTask open) {
        Task task = open.taskId() == null ? olderTask(taskService, open)
                : taskService.createTaskQuery().taskId(open.taskId()).singleResult();
        return task != null && subscribed(runtime, task);
    }

    private static boolean subscribed(RuntimeService runtime, Task task) {
        return runtime.createEventSubscriptionQuery().executionId(task.getExecutionId()).eventName(SETTLED_MESSAGE)
                .count() > 0;
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
