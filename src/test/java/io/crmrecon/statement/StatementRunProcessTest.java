package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of statementRun on the in-memory engine: started with a run, from the start form, by the monthly
 * timer (monthlyStatementRun); customers started batch by batch in jobs of their own with the run's instance one execution throughout;
 * nothing to start; a step that keeps failing becomes an incident. The run's services are mocked; a batch starts
 * a stub customerStatement.
 */
@Deployment(resources = {"bpmn/statementRun.bpmn", "bpmn/monthlyStatementRun.bpmn", "bpmn/customerStatementStub.bpmn"})
class StatementRunProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    static final ZoneId HERE = ZoneId.systemDefault();

    final List<String> started = new ArrayList<>();
    final StatementRuns runs = mock(StatementRuns.class);
    int batchCount = 2;

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(at(2026, 10, 15, 9, 0));
        Mocks.register("statementRunSchedule", schedule("0 0 6 1 * *"));
        // the real listener records a run from the form's fields; here: run 7, unless the starter gave one
        Mocks.register("statementRunStartListener", (ExecutionListener) execution -> {
            started.add(execution.getCurrentActivityId());
            Object period = execution.getVariable("period");
            if (execution.getVariable("statementRunId") == null) {
                if (period != null && !period.toString().matches("\\d{4}-\\d{2}")) {
                    throw new FormFieldValidationException("period", "not a month: " + period);
                }
                execution.setVariable("statementRunId", 7L);
            }
            execution.setProcessBusinessKey(execution.getVariable("statementRunId").toString());
        });
        Mocks.register("selectStatementCustomersDelegate", (JavaDelegate) execution -> {
            execution.setVariable("batchCount", batchCount);
            execution.setVariable("nextBatch", 1);
        });
        when(runs.batch(anyLong(), anyInt())).thenAnswer(call -> {
            int batch = call.getArgument(1);
            return List.of(new StatementRuns.RunCustomer(100 + batch, "CNY", "S2609-000" + batch + "1", "2026-09"),
                    new StatementRuns.RunCustomer(200 + batch, "USD", "S2609-000" + batch + "2", "2026-09"));
        });
        Mocks.register("startStatementBatchDelegate", new StartBatchDelegate(runs));
        when(runs.lastMonth()).thenAnswer(call -> new StatementPeriod(java.time.YearMonth.from(
                ClockUtil.getCurrentTime().toInstant().atZone(HERE)).minusMonths(1)));
        when(runs.open(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyString())).thenReturn(8L);
        Mocks.register("startMonthlyStatementRunDelegate", new StartMonthlyRunDelegate(runs));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    static StatementRunScheduleListener schedule(String cron) {
        return new StatementRunScheduleListener(new StatementSettings(null, null, cron, null, null, null, null), null);
    }

    static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(HERE).toInstant());
    }

    private ProcessInstance startWithRun(long runId) {
        return runtimeService().startProcessInstanceByKey(StatementRunListener.PROCESS_KEY, Long.toString(runId),
                Map.of("statementRunId", runId, "period", "2026-09"));
    }

    private Job jobOf(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<ProcessInstance> statements() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("customerStatement")
                .orderByBusinessKey().asc().list();
    }

    @Test
    void selectsInAJobThenStartsEachBatchInAJobOfItsOwnAndEndsWithoutWaitingForTheStatements() {
        ProcessInstance pi = startWithRun(42);
        assertThat(pi.getBusinessKey()).isEqualTo("42");
        assertThat(started).containsExactly("runRequested");
        assertThat(pi).isWaitingAt("selectCustomers");

        execute(jobOf(pi));
        assertThat(pi).isWaitingAt("startBatch");
        assertThat(statements()).isEmpty();

        execute(jobOf(pi));
        assertThat(statements()).extracting(ProcessInstance::getBusinessKey).containsExactly("S2609-00011",
                "S2609-00012");
        assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt("startBatch");

        execute(jobOf(pi));
        assertThat(statements()).hasSize(4);
        assertThat(pi).hasPassed("selectCustomers", "startBatch", "runStarted").isEnded();
        ProcessInstance first = statements().get(0);
        assertThat(runtimeService().getVariables(first.getId())).containsEntry("statementRunId", 42L)
                .containsEntry("customerId", 101L).containsEntry("currency", "CNY").containsEntry("period", "2026-09")
                .containsEntry("statementNo", "S2609-00011");
    }

    @Test
    void nobodyToStateEndsTheRunAfterTheSelection() {
        batchCount = 0;
        ProcessInstance pi = startWithRun(43);
        execute(jobOf(pi));
        assertThat(pi).hasPassed("selectCustomers", "runStarted").hasNotPassed("startBatch").isEnded();
        assertThat(statements()).isEmpty();
    }

    @Test
    void theStartFormGivesThePeriodAndTheInstanceTakesTheRunAsItsBusinessKey() {
        String definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(StatementRunListener.PROCESS_KEY).singleResult().getId();
        assertThat(formService().getStartFormKey(definition)).isEqualTo("camunda-forms:deployment:statementRun.form");
        ProcessInstance pi = formService().submitStartForm(definition, Map.of("period", "2026-09"));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo("7");
        assertThat(pi).isWaitingAt("selectCustomers");

        assertThatThrownBy(() -> formService().submitStartForm(definition, Map.of("period", "Sept")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(StatementRunListener.PROCESS_KEY)
                .count()).isEqualTo(1);
    }

    @Test
    void theMonthlyTimerStartsARunForLastMonthAndReadsItsScheduleAgainWhenItFires() {
        Job timer = jobQuery().timers().processDefinitionKey(StartMonthlyRunDelegate.PROCESS_KEY).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(at(2026, 11, 1, 6, 0));

        // the schedule changes while the timer waits: this firing still happens, the next follows the new one
        Mocks.register("statementRunSchedule", schedule("0 30 7 2 * *"));
        ClockUtil.setCurrentTime(at(2026, 11, 1, 6, 0));
        managementService().executeJob(timer.getId());

        ProcessInstance pi = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(StatementRunListener.PROCESS_KEY).singleResult();
        org.mockito.Mockito.verify(runs).open("2026-10", null, "timer");
        assertThat(pi.getBusinessKey()).isEqualTo("8");
        assertThat(runtimeService().getVariable(pi.getId(), "period")).isEqualTo("2026-10");
        assertThat(pi).isWaitingAt("selectCustomers");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricProcessInstanceQuery().processDefinitionKey(StartMonthlyRunDelegate.PROCESS_KEY)
                .finished().count()).isEqualTo(1);
        Job next = jobQuery().timers().processDefinitionKey(StartMonthlyRunDelegate.PROCESS_KEY).singleResult();
        assertThat(next.getDuedate()).isEqualTo(at(2026, 11, 2, 7, 30));
    }

    @Test
    void withoutAScheduleTheTimerWaitsForAYearNobodyWillSee() {
        Mocks.register("statementRunSchedule", schedule(""));
        String deployment = repositoryService().createDeployment().addClasspathResource("bpmn/monthlyStatementRun.bpmn")
                .deploy().getId();
        try {
            Job timer = jobQuery().timers().processDefinitionKey(StartMonthlyRunDelegate.PROCESS_KEY).singleResult();
            assertThat(timer.getDuedate()).isEqualTo(Date.from(java.time.Instant.parse("2199-01-01T00:00:00Z")));
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aStepThatKeepsFailingIsRetriedThenBecomesAnIncident() {
        Mocks.register("selectStatementCustomersDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance pi = startWithRun(44);
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobOf(pi);
            assertThat(job.getRetries()).isEqualTo(3 - attempt);
            try {
                execute(job);
            } catch (RuntimeException expected) {
                // retried by the engine (R3)
            }
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                .getActivityId()).isEqualTo("selectCustomers");
        assertThat(pi).isWaitingAt("selectCustomers");
    }
}
