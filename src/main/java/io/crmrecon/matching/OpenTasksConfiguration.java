package io.crmrecon.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's side of {@link OpenTasks}: the task id is stored with the transaction's task row when the task is
 * created, so a page reads it with its rows. Only rows from before that column (no task id) ask the engine: the
 * instance's manualMatch tasks, each with its {@code transactionId}.
 */
@Configuration(proxyBeanMethods = false)
class OpenTasksConfiguration {

    @Bean
    OpenTasks openTasks(ManualMatchTasks stored, TaskService tasks) {
        return transactions -> {
            Map<Long, String> out = new HashMap<>(stored.taskIds(transactions.keySet()));
            Set<String> older = new HashSet<>();
            transactions.forEach((transaction, instance) -> {
                if (!out.containsKey(transaction)) {
                    older.add(instance);
                }
            });
            for (String instance : older) {
                for (Task t : tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("manualMatch")
                        .list()) {
                    if (tasks.getVariable(t.getId(), "transactionId") instanceof Number n
                            && transactions.containsKey(n.longValue())) {
                        out.put(n.longValue(), t.getId());
                    }
                }
            }
            return out;
        };
    }
}
