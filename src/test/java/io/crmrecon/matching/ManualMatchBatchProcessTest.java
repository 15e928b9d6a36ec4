package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of manualMatchBatch, on the in-memory engine: the listeners are the application's, with the database
 * read and the task listener's work replaced.
 */
@Deployment(resources = {"bpmn/manualMatchBatch.bpmn", "forms/manualMatch.form"})
class ManualMatchBatchProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final List<String> listened = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance batchOf(List<Long> needingTasks) {
        Mocks.register("manualMatchBatchListener", new ManualMatchBatchListener(new ManualMatchBatches(null, null, MatchingSettings.defaults()) {
            @Override
            List<Long> transactionIds(Number runId, Number bankStatementId, Number from, Number until,
                    String processInstanceId) {
                asked.add(runId + "/" + bankStatementId + "/" + from + "/" + until);
                return needingTasks;
            }

            @Override
            Map<String, Object> statementVariables(Number bankStatementId) {
                return Map.of("bankFileName", "statement-" + bankStatementId + ".xml", "statementFrom", "2026-11-01");
            }
        }));
        Mocks.register("manualMatchTaskListener",
                (TaskListener) task -> listened.add(task.getEventName() + ":" + task.getVariable("transactionId")));
        Map<String, Object> variables = new HashMap<>();
        variables.put("matchingRunId", 7L);
        variables.put("bankStatementId", 42L);
        variables.put("fromTransactionId", 101L);
        variables.put("untilTransactionId", 301L);
        return runtimeService().startProcessInstanceByKey("manualMatchBatch", "42", variables);
    }

    @Test
    void eachTransactionOfTheBatchGetsAClerkTaskWithTheFormAndTheTasksCompleteIndependently() {
        ProcessInstance pi = batchOf(List.of(101L, 102L));
        assertThat(asked).containsExactly("7/42/101/301");
        // what a person finds the batch by in Cockpit, beside its business key
        assertThat(runtimeService().getVariable(pi.getId(), "bankFileName")).isEqualTo("statement-42.xml");
        assertThat(runtimeService().getVariable(pi.getId(), "statementFrom")).isEqualTo("2026-11-01");
        // created at once, in the caller's transaction
        List<Task> tasks = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("manualMatch").list();
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t).hasCandidateGroup("clerks");
            // the Camunda Form deployed with the model
            try (var form = formService().getDeployedTaskForm(t.getId())) {
                assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\"documentNos\"", "workbenchUrl");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(listened).containsExactlyInAnyOrder("create:101", "create:102");

        complete(tasks.get(0), Map.of("documentNos", "INV-1"));
        // completing one does not touch the other: each continues in a job of its own (asyncAfter)
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isOne();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).isActive();
        complete(tasks.get(1), Map.of("documentNos", ""));
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).hasPassed("manualMatch", "batchDone").isEnded();
        assertThat(listened).filteredOn(e -> e.startsWith("complete")).hasSize(2);
    }

    @Test
    void aClerksChoiceStaysOnItsTaskWhicheverWayItIsCompleted() {
        List<String> seen = new ArrayList<>();
        ProcessInstance pi = batchOf(List.of(101L, 102L, 103L));
        Mocks.register("manualMatchTaskListener", (TaskListener) task -> {
            if ("complete".equals(task.getEventName())) {
                seen.add(task.getVariable("transactionId") + ":" + task.getVariable("documentNos") + ":"
                        + task.getVariable("note") + ":" + task.getVariable("allocations") + ":"
                        + task.getVariable("customerCode"));
            }
        });
        Map<Long, Task> byTransaction = new HashMap<>();
        taskQuery().processInstanceId(pi.getId()).list().forEach(t -> byTransaction.put(
                ((Number) engine.getTaskService().getVariable(t.getId(), "transactionId")).longValue(), t));

        // the Tasklist form (submit-form)
        formService().submitTaskForm(byTransaction.get(102L).getId(), Map.of("documentNos", "INV-2", "note", "form"));
        assertNoChoiceVisibleTo(pi, byTransaction.get(101L), byTransaction.get(103L));
        // the workbench and scripts (complete with variables)
        engine.getTaskService().complete(byTransaction.get(103L).getId(), Map.of("allocations", "[]",
                "customerCode", "C-3", "note", "workbench"));
        assertNoChoiceVisibleTo(pi, byTransaction.get(101L));
        // the last one completed with nothing chosen sees nothing of the others
        engine.getTaskService().complete(byTransaction.get(101L).getId());
        assertThat(seen).containsExactly("102:INV-2:form:null:null", "103:null:workbench:[]:C-3",
                "101:null:null:null:null");
    }

    private void assertNoChoiceVisibleTo(ProcessInstance pi, Task... open) {
        for (String name : ManualMatchChoiceNames.ALL) {
            assertThat(runtimeService().getVariable(pi.getId(), name)).as("process instance: " + name).isNull();
            for (Task t : open) {
                assertThat(engine.getTaskService().getVariable(t.getId(), name)).as(t.getName() + ": " + name).isNull();
            }
        }
    }

    @Test
    void aTaskWhoseTransactionARunSettledEndsByItselfAndItsHistoryNamesTheRun() {
        ProcessInstance pi = batchOf(List.of(101L, 102L));
        Map<Long, Task> byTransaction = new HashMap<>();
        taskQuery().processInstanceId(pi.getId()).list().forEach(t -> byTransaction.put(
                ((Number) engine.getTaskService().getVariable(t.getId(), "transactionId")).longValue(), t));
        Task settled = byTransaction.get(101L);

        // what endSettledTasks does for a transaction its run settled: to the task's own execution only
        engine.getTaskService().setVariableLocal(settled.getId(), "settledByRun", 8L);
        runtimeService().messageEventReceived(EndSettledTasksDelegate.SETTLED_MESSAGE, settled.getExecutionId());

        assertThat(taskQuery().taskId(settled.getId()).count()).isZero();
        assertThat(listened).contains("delete:101").doesNotContain("complete:101");
        // the other task of the batch is untouched
        assertThat(taskQuery().taskId(byTransaction.get(102L).getId()).count()).isOne();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().taskIdIn(settled.getId())
                .variableName("settledByRun").singleResult().getValue()).isEqualTo(8L);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("settled").count()).isOne();

        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        complete(byTransaction.get(102L), Map.of("documentNos", "INV-2"));
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).hasPassed("settledByRun", "settled", "decided", "batchDone").isEnded();
    }

    @Test
    void aBatchWhoseTransactionsAllHaveTasksAlreadyEndsAtOnce() {
        ProcessInstance pi = batchOf(List.of());
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(asked).hasSize(1);
        assertThat(pi).isEnded();
    }
}
