package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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

/**
 * Every path of paymentMatching, on the in-memory engine with the delegates mocked; the batches it calls are the
 * real manualMatchBatch model.
 */
@Deployment(resources = {"bpmn/paymentMatching.bpmn", "bpmn/manualMatchBatch.bpmn", "forms/manualMatch.form"})
class PaymentMatchingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final List<String> listened = new ArrayList<>();
    final List<Object> endedTasksOfRun = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** The delegate as the real one leaves it: the run, and where each batch of its exceptions starts. */
    private void autoMatchFinds(List<Long> exceptions, int batchSize) {
        List<Long> sorted = exceptions.stream().sorted().toList();
        // the batches as the application forms them; only the database read is replaced
        ManualMatchBatches batches = new ManualMatchBatches(null, null, MatchingSettings.defaults().withTaskBatchSize(batchSize)) {
            @Override
            List<Long> transactionIds(Number runId, Number bankStatementId, Number from, Number until,
                    String processInstanceId) {
                long end = until == null ? Long.MAX_VALUE : until.longValue();
                return sorted.stream().filter(id -> id >= from.longValue() && id < end).toList();
            }

            @Override
            Map<String, Object> statementVariables(Number bankStatementId) {
                return Map.of();
            }
        };
        Mocks.register("manualMatchBatches", batches);
        Mocks.register("manualMatchBatchListener", new ManualMatchBatchListener(batches));
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> {
            execution.setVariable("matchingRunId", 7L);
            execution.setVariable("exceptionBatchStarts", Variables.objectValue(new ArrayList<>(batches.starts(sorted)))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            execution.setVariable("exceptionCount", exceptions.size());
        });
        Mocks.register("manualMatchTaskListener",
                (TaskListener) task -> listened.add(task.getEventName() + ":" + task.getVariable("transactionId")));
        Mocks.register("endSettledTasksDelegate",
                (JavaDelegate) execution -> endedTasksOfRun.add(execution.getVariable("matchingRunId")));
    }

    /** After auto-match, a job of its own ends the tasks of what the run settled: the run's job has committed. */
    private void settledTasksEnd(ProcessInstance pi) {
        assertThat(pi).hasPassed("autoMatch").isWaitingAt("endSettledTasks");
        assertThat(endedTasksOfRun).isEmpty();
        execute(jobQuery().processInstanceId(pi.getId()).activityId("endSettledTasks").singleResult());
        assertThat(pi).hasPassed("endSettledTasks");
        assertThat(endedTasksOfRun).containsExactly(7L);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("paymentMatching", "42", Map.of("bankStatementId", 42L));
    }

    /** The statement's tasks, in whichever batch instance they are. */
    private static List<Task> tasks() {
        return taskQuery().processInstanceBusinessKey("42").taskDefinitionKey("manualMatch").list();
    }

    /** Runs the jobs there are (batch starts, continuations after tasks) until none is left. */
    private static void runJobs() {
        List<Job> jobs = jobQuery().executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> execute(j));
            jobs = jobQuery().executable().list();
        }
    }

    @Test
    void everythingMatchedEndsAfterAutoMatch() {
        autoMatchFinds(List.of(), 200);
        ProcessInstance pi = start();
        // auto-match runs as a job of its own, after the import's transaction
        assertThat(pi).isWaitingAt("autoMatch");
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        settledTasksEnd(pi);
        assertThat(pi).hasPassed("autoMatch").hasNotPassed("clerkBatch").isEnded();
    }

    @Test
    void theExceptionsBecomeClerkTasksAfterTheRunAndTheProcessEndsWhenAllAreDone() {
        autoMatchFinds(List.of(101L, 102L), 200);
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        settledTasksEnd(pi);
        // the batch is started by a job, after the run
        assertThat(pi).isWaitingAt("clerkBatch");
        assertThat(tasks()).isEmpty();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

        List<Task> tasks = tasks();
        assertThat(tasks).hasSize(2);
        assertThat(listened).containsExactlyInAnyOrder("create:101", "create:102");
        ProcessInstance batch = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .singleResult();
        assertThat(batch.getBusinessKey()).isEqualTo("42");
        assertThat(runtimeService().getVariable(batch.getId(), "matchingRunId")).isEqualTo(7L);

        tasks.forEach(t -> complete(t, Map.of("documentNos", "")));
        runJobs();
        assertThat(pi).hasPassed("clerkBatch").isEnded();
    }

    @Test
    void manyExceptionsGoToClerksInBatchesEachAnInstanceStartedByAJobOfItsOwn() {
        autoMatchFinds(List.of(305L, 301L, 302L, 303L, 304L), 2);
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        settledTasksEnd(pi);
        // three batches (2 + 2 + 1), none of them started in the run's transaction
        List<Job> batchStarts = jobQuery().processInstanceId(pi.getId()).list();
        assertThat(batchStarts).hasSize(3);
        // they may run side by side: they share nothing
        assertThat(batchStarts).allSatisfy(j -> assertThat(((JobEntity) j).isExclusive()).isFalse());
        assertThat(tasks()).isEmpty();

        execute(batchStarts.get(0));
        assertThat(tasks()).hasSize(2);
        runJobs();
        assertThat(tasks()).hasSize(5);
        assertThat(listened).containsExactlyInAnyOrder("create:301", "create:302", "create:303", "create:304",
                "create:305");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
                .isEqualTo(3);
        // each batch holds its own tasks only
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list())
                .allSatisfy(b -> assertThat(taskQuery().processInstanceId(b.getId()).count()).isBetween(1L, 2L));

        for (Task t : tasks()) {
            complete(t, Map.of("documentNos", ""));
            runJobs();
        }
        assertThat(pi).hasPassed("clerkBatch").isEnded();
        assertThat(listened).filteredOn(e -> e.startsWith("complete")).hasSize(5);
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

    @Test
    void endingTheSettledTasksFailingIsRetriedThenBecomesAnIncidentAfterTheRun() {
        autoMatchFinds(List.of(101L), 200);
        Mocks.register("endSettledTasksDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).hasPassed("autoMatch").isWaitingAt("endSettledTasks");
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                execute(jobQuery().processInstanceId(pi.getId()).singleResult());
            } catch (RuntimeException expected) {
                // retried by the engine (R3)
            }
        }
        assertThat(jobQuery().processInstanceId(pi.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).activityId("endSettledTasks")
                .count()).isOne();
        // the run's own job is done; its exceptions wait until the step is retried from Cockpit
        assertThat(pi).isWaitingAt("endSettledTasks").hasNotPassed("clerkBatch");
    }
}
