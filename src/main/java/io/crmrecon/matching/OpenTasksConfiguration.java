package io.crmrecon.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's side of {@link OpenTasks}: each manualMatch task runs in an execution of its own whose local
 * variable {@code transactionId} names its payment, so two queries per page find every task: the variables of
 * the process instances, then their tasks. Camunda authorization applies (a user sees the tasks they may read).
 */
@Configuration(proxyBeanMethods = false)
class OpenTasksConfiguration {

    private static final int CHUNK = 500;

    @Bean
    OpenTasks openTasks(RuntimeService runtime, TaskService tasks) {
        return transactions -> {
            Map<Long, String> out = new HashMap<>();
            Set<String> instances = new HashSet<>(transactions.values());
            String[] all = instances.toArray(String[]::new);
            for (int i = 0; i < all.length; i += CHUNK) {
                String[] chunk = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + CHUNK));
                Map<String, Long> transactionOfExecution = new HashMap<>();
                for (VariableInstance v : runtime.createVariableInstanceQuery().variableName("transactionId")
                        .processInstanceIdIn(chunk).disableBinaryFetching().list()) {
                    if (v.getValue() instanceof Number n && transactions.containsKey(n.longValue())) {
                        transactionOfExecution.put(v.getExecutionId(), n.longValue());
                    }
                }
                for (Task t : tasks.createTaskQuery().processInstanceIdIn(chunk).taskDefinitionKey("manualMatch")
                        .list()) {
                    Long transaction = transactionOfExecution.get(t.getExecutionId());
                    if (transaction != null) {
                        out.put(transaction, t.getId());
                    }
                }
            }
            return out;
        };
    }
}
