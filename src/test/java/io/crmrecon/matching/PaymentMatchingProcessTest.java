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
        autoMatchFinds(exceptions, 200);
    }

    /** The delegate as the real one leaves it: the run, and where each batch of its exceptions starts. */
    private void autoMatchFinds(List<Long> exceptions, int batchSize) {
        List<Long> sorted = exceptions.stream().sorted().toList();
        // the batches as the application forms them; only the database read is replaced
        ManualMatchBatches batches = new ManualMatchBatches(null, batchSize) {
            @Override
            public List<Long> transactionIds(Number runId, Number bankStatementId, List<?> starts, Number batch) {
                long from = ((Number) starts.get(batch.intValue())).longValue();
                long until = batch.intValue() + 1 < starts.size()
                        ? ((Number) starts.get(batch.intValue() + 1)).longValue() : Long.MAX_VALUE;
                return sorted.stream().filter(id -> id >= from && id < until).toList();
            }
        };
        Mocks.register("manualMatchBatches", batches);
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> {
            execution.setVariable("matchingRunId", 7L);
            execution.setVariable("exceptionBatchStarts", Variables.objectValue(new ArrayList<>(batches.starts(sorted)))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            execution.setVariable("exceptionCount", exceptions.size());
        });
        Mocks.register("manualMatchTaskListener",
                (TaskListener) task -> listened.add(task.getEventName() + ":" + task.getVariable("transactionId")));
    }

    /** Runs the jobs there are (batch starts, then task creations) until none is left. */
    private void runJobs(ProcessInstance pi) {
        List<Job> jobs = jobQuery().processInstanceId(pi.getId()).list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> execute(j));
            jobs = jobQuery().processInstanceId(pi.getId()).list();
        }
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
        // the batch's tasks are created by a job, after the run
        assertThat(pi).isWaitingAt("clerkBatch");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

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
        runJobs(pi);
        assertThat(pi).hasPassed("manualMatch").isEnded();
        assertThat(listened).filteredOn(e -> e.startsWith("complete")).hasSize(2);
    }

    @Test
    void manyExceptionsGoToClerksInBatchesEachStartedByAJobOfItsOwn() {
        List<Long> exceptions = List.of(305L, 301L, 302L, 303L, 304L);
        autoMatchFinds(exceptions, 2);
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        // three batches (2 + 2 + 1), none of them started in the run's transaction
        List<Job> batchStarts = jobQuery().processInstanceId(pi.getId()).list();
        assertThat(batchStarts).hasSize(3);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        // the batches' jobs may run side by side: they share nothing
        assertThat(batchStarts).allSatisfy(j -> assertThat(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                .isExclusive()).isFalse());
        // one batch started: its two tasks, at once
        execute(batchStarts.get(0));
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
        runJobs(pi);

        List<Task> tasks = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("manualMatch").list();
        assertThat(tasks).hasSize(5);
        assertThat(listened).containsExactlyInAnyOrder("create:301", "create:302", "create:303", "create:304",
                "create:305");
        assertThat(runtimeService().getActivityInstance(pi.getId()).getActivityInstances("clerkBatch")).hasSize(3);

        // a batch whose tasks are all done ends without waiting for the others
        for (Task t : tasks) {
            complete(t, Map.of("documentNos", ""));
            runJobs(pi);
        }
        assertThat(pi).hasPassed("clerkBatch", "manualMatch").isEnded();
        assertThat(listened).filteredOn(e -> e.startsWith("complete")).hasSize(5);
    }

    @Test
    void aBatchWhoseTransactionsAllHaveTasksAlreadyEndsAtOnce() {
        autoMatchFinds(List.of(401L), 200);
        Mocks.register("manualMatchBatches", new ManualMatchBatches(null, 200) {
            @Override
            public List<Long> transactionIds(Number runId, Number bankStatementId, List<?> starts, Number batch) {
                return List.of();
            }
        });
        ProcessInstance pi = start();
        runJobs(pi);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).hasPassed("clerkBatch").isEnded();
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
