package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of matchingRun, on the in-memory engine with its delegates mocked. */
@Deployment(resources = "bpmn/matchingRun.bpmn")
class MatchingRunProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final List<Object> ran = new ArrayList<>();
    final List<Object> endedTasksOfRun = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PaymentMatchingListener.RUN_KEY,
                PaymentMatchingListener.businessKeyOfRun(12), Map.of("matchingRunId", 12L));
    }

    @Test
    void theRunIsAJobOfItsOwnAfterTheStartersTransactionAndTheInstanceEndsWithIt() {
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> ran.add(execution.getVariable("matchingRunId")));
        ProcessInstance pi = start();
        assertThat(pi.getBusinessKey()).isEqualTo("run-12");
        assertThat(pi).isWaitingAt("autoMatch");
        assertThat(ran).isEmpty();
        Mocks.register("endSettledTasksDelegate",
                (JavaDelegate) execution -> endedTasksOfRun.add(execution.getVariable("matchingRunId")));
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(ran).containsExactly(12L);
        // the tasks of what it settled end in a job of their own, once the run's job has committed
        assertThat(pi).hasPassed("autoMatch").isWaitingAt("endSettledTasks");
        assertThat(endedTasksOfRun).isEmpty();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(endedTasksOfRun).containsExactly(12L);
        assertThat(pi).hasPassed("autoMatch", "endSettledTasks", "runDone").isEnded();
    }

    @Test
    void endingTheSettledTasksFailingIsRetriedThenBecomesAnIncidentAfterTheRun() {
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> ran.add(execution.getVariable("matchingRunId")));
        Mocks.register("endSettledTasksDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance pi = start();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                execute(jobQuery().processInstanceId(pi.getId()).singleResult());
            } catch (RuntimeException expected) {
                // retried by the engine (R3)
            }
        }
        assertThat(ran).containsExactly(12L);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                .getActivityId()).isEqualTo("endSettledTasks");
        assertThat(pi).hasPassed("autoMatch").isWaitingAt("endSettledTasks");
    }

    @Test
    void aFailingRunIsRetriedThenBecomesAnIncident() {
        Mocks.register("autoMatchDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance pi = start();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(job.getRetries()).isEqualTo(3 - attempt);
            try {
                execute(job);
            } catch (RuntimeException expected) {
                // retried by the engine (R3)
            }
        }
        assertThat(jobQuery().processInstanceId(pi.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                .getActivityId()).isEqualTo("autoMatch");
        assertThat(pi).isWaitingAt("autoMatch");
    }
}
