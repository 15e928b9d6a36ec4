package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of paymentMatching, on the in-memory engine with the delegates mocked. */
@Deployment(resources = {"bpmn/paymentMatching.bpmn", "forms/manualMatch.form"})
class PaymentMatchingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final List<String> listened = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void autoMatchFinds(List<Long> exceptions) {
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> {
            execution.setVariable("exceptionTransactionIds", Variables.objectValue(new ArrayList<>(exceptions))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            execution.setVariable("exceptionCount", exceptions.size());
        });
        Mocks.register("manualMatchTaskListener",
                (TaskListener) task -> listened.add(task.getEventName() + ":" + task.getVariable("transactionId")));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("paymentMatching", "42", Map.of("bankStatementId", 42L));
    }

    @Test
    void everythingMatchedEndsAfterAutoMatch() {
        autoMatchFinds(List.of());
        ProcessInstance pi = start();
        // auto-match runs as a job of its own, after the import's transaction
        assertThat(pi).isWaitingAt("autoMatch");
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).hasPassed("autoMatch").hasNotPassed("manualMatch").isEnded();
    }

    @Test
    void eachExceptionGetsItsOwnTaskForClerksAndTheTasksCompleteIndependently() {
        autoMatchFinds(List.of(101L, 102L));
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        // the tasks are created by jobs, after the run
        List<Job> creations = jobQuery().processInstanceId(pi.getId()).list();
        assertThat(creations).hasSize(2);
        creations.forEach(j -> execute(j));

        List<Task> tasks = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("manualMatch").list();
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t).hasCandidateGroup("clerks");
            // the Camunda Form deployed with the model
            try (var form = formService().getDeployedTaskForm(t.getId())) {
                assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("\"documentNos\"", "workbenchUrl");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(listened).containsExactlyInAnyOrder("create:101", "create:102");

        complete(tasks.get(0), Map.of("documentNos", "INV-1"));
        // completing one does not touch the other: each continues in a job of its own (asyncAfter)
        assertThat(pi).isActive();
        complete(tasks.get(1), Map.of("documentNos", ""));
        jobQuery().processInstanceId(pi.getId()).list().forEach(j -> execute(j));
        assertThat(pi).hasPassed("manualMatch").isEnded();
        assertThat(listened).filteredOn(e -> e.startsWith("complete")).hasSize(2);
    }

    @Test
    void aFailingAutoMatchIsRetriedThenBecomesAnIncident() {
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance pi = start();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobQuery().processInstanceId(pi.getId()).singleResult();
            try {
                execute(job);
            } catch (RuntimeException expected) {
                // retried by the engine (R3)
            }
        }
        Job job = jobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
        assertThat(pi).isWaitingAt("autoMatch");
    }
}
