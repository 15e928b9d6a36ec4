package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of a customerStatement model on the in-memory engine: the real delegates, listener and reminder table, with
 * the services behind them replaced by a statement kept in memory; timers driven by the engine's clock.
 */
abstract class CustomerStatementPaths {

    static final ZoneId ZONE = InMemoryStatement.ZONE;
    /** Sent on a Thursday morning, 1 October 2026 in Shanghai. */
    static final Instant START = LocalDateTime.of(2026, 10, 1, 10, 0).atZone(ZONE).toInstant();

    /**
     * One for each test of the concrete classes, which deploy their model with {@code @Deployment}: a static one
     * shared by two classes ends its services after the first. The engine is cached per configuration.
     */
    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final InMemoryStatement world = new InMemoryStatement();
    IncidentHandler engineHandler;
    ProcessEngineConfigurationImpl configuration;

    @BeforeEach
    void services() {
        ProcessEngine engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(START));
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        engineHandler = configuration.getIncidentHandlers().get(Incident.FAILED_JOB_HANDLER_TYPE);
        new StatementSendFailedHandler.Plugin((id, reason) -> world.failed.add(id)).postInit(configuration);
        world.register();
    }

    @AfterEach
    void reset() {
        configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE, engineHandler);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    RuntimeService runtime() {
        return extension.getProcessEngine().getRuntimeService();
    }

    ManagementService management() {
        return extension.getProcessEngine().getManagementService();
    }

    TaskService tasks() {
        return extension.getProcessEngine().getTaskService();
    }

    ProcessInstance start() {
        return runtime().startProcessInstanceByKey(StatementProcessVariables.PROCESS_KEY, "S2609-00017",
                Map.of("statementRunId", 7L, "customerId", 42L, "currency", "CNY", "period", "2026-09",
                        "statementNo", "S2609-00017"));
    }

    /** Runs the instance's only job that is due to run now (a step after an asynchronous boundary). */
    void runJob(ProcessInstance pi, String activityId) {
        Job job = management().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("a job at " + activityId).isNotNull();
        management().executeJob(job.getId());
    }

    /** Moves the engine's clock to a timer's due date and fires it. */
    Instant fireTimer(ProcessInstance pi, String activityId) {
        Job timer = management().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
        assertThat(timer).as("a timer at " + activityId).isNotNull();
        ClockUtil.setCurrentTime(timer.getDuedate());
        management().executeJob(timer.getId());
        return timer.getDuedate().toInstant();
    }

    /** Generated, queued and sent: waiting for the customer. */
    ProcessInstance sent() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("generate");
        runJob(pi, "generate");
        assertThat(pi).isWaitingAt("deliverMail");
        runJob(pi, "deliverMail");
        return pi;
    }

    void customerAnswers(ProcessInstance pi, StatementStatus answer, String message) {
        world.answer = answer;
        runtime().createMessageCorrelation(message).processInstanceId(pi.getId()).correlate();
    }

    static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant();
    }

    Object variable(ProcessInstance pi, String name) {
        return runtime().getVariable(pi.getId(), name);
    }

    // --- paths ---------------------------------------------------------------------------------------------------

    @Test
    void sentThenConfirmedByTheCustomer() {
        ProcessInstance pi = sent();
        assertThat(pi.getBusinessKey()).isEqualTo("S2609-00017");
        assertThat(world.queued).containsExactly("FIRST v1 #1");
        assertThat(world.delivered).containsExactly("FIRST 2026-10-01T10:00");
        assertThat(pi).isWaitingAt("waitWithReminder");
        assertThat(variable(pi, "deadlineAt")).isEqualTo(Date.from(at(10, 17, 0)));
        customerAnswers(pi, StatementStatus.CONFIRMED, StatementMessages.CONFIRMED);
        assertThat(pi).hasPassed("confirmedBeforeReminder").isEnded();
        assertThat(pi).hasPassed("statementConfirmed");
        // the agreed statement is handed to settlement as the instance ends
        assertThat(world.events).containsExactly("agreed 101");
    }

    @Test
    void theMailIsQueuedInTheGeneratingJobAndSentByAJobOfItsOwn() {
        ProcessInstance pi = start();
        runJob(pi, "generate");
        assertThat(world.queued).containsExactly("FIRST v1 #1");
        assertThat(world.delivered).isEmpty();
        assertThat(variable(pi, "statementId")).isEqualTo(101L);
        assertThat(variable(pi, "outboxId")).isEqualTo(1001L);
    }

    @Test
    void anInstanceThatStoredItsAnswerBeforeGoesOnWaiting() {
        ProcessInstance pi = sent();
        // as an instance that waited while the answer was still stored has it
        runtime().setVariable(pi.getId(), "answer", "NONE");
        fireTimer(pi, "reminderDue");
        runJob(pi, "deliverMail");
        assertThat(pi).isWaitingAt("waitWithReminder");
        assertThat(variable(pi, "answer")).isEqualTo("NONE");
        customerAnswers(pi, StatementStatus.CONFIRMED, StatementMessages.CONFIRMED);
        assertThat(pi).isEnded();
    }

    @Test
    void remindersGoOutOnTheTablesDaysThenTheWaitHasNoReminderLeft() {
        ProcessInstance pi = sent();
        assertThat(world.reminderDays).containsExactlyInAnyOrder(5, 10);
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 6, 9));
        runJob(pi, "deliverMail");
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 11, 9));
        runJob(pi, "deliverMail");
        assertThat(world.queued).containsExactly("FIRST v1 #1", "REMINDER v1 #2", "REMINDER v1 #3");
        assertThat(world.delivered).containsExactly("FIRST 2026-10-01T10:00", "REMINDER 2026-10-06T09:00",
                "REMINDER 2026-10-11T09:00");
        assertThat(pi).isWaitingAt("waitForAnswer");
        customerAnswers(pi, StatementStatus.CONFIRMED, StatementMessages.CONFIRMED);
        assertThat(pi).hasPassed("confirmed").isEnded();
    }

    @Test
    void keyAccountsAreRemindedOnDaysThreeSevenAndTwelve() {
        world.segment = "KEY";
        ProcessInstance pi = sent();
        assertThat(world.reminderDays).containsExactlyInAnyOrder(3, 7, 12);
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 4, 9));
        runJob(pi, "deliverMail");
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 8, 9));
        runJob(pi, "deliverMail");
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 13, 9));
        runJob(pi, "deliverMail");
        assertThat(pi).isWaitingAt("waitForAnswer");
        assertThat(world.delivered).hasSize(4);
    }

    @Test
    void silenceCountsAsConfirmationWhereTheCustomerAgreedSo() {
        world.deemed = true;
        world.confirmationDays = 3;
        ProcessInstance pi = sent();
        // no reminder day falls before the end of three days
        assertThat(pi).isWaitingAt("waitForAnswer");
        assertThat(fireTimer(pi, "answerDue")).isEqualTo(at(10, 5, 0));
        assertThat(pi).hasPassed("answerPeriodEnded", "statementDeemedConfirmed").isEnded();
        // and the settlement of what was deemed agreed starts
        assertThat(world.events).containsExactly("deemed as of 2026-10-04", "agreed 101");
    }

    @Test
    void anAnswerThatCameJustBeforeTheDeadlineIsTakenInsteadOfDeeming() {
        world.deemed = true;
        ProcessInstance pi = sent();
        world.answer = StatementStatus.CONFIRMED; // committed, but its message found nobody waiting
        fireTimer(pi, "answerDueBeforeReminder");
        assertThat(pi).hasPassed("answerPeriodEnded", "checkAnswer", "statementConfirmed").isEnded();
        assertThat(world.events).containsExactly("agreed 101");
    }

    @Test
    void anAnswerGivenBeforeTheProcessWaitsIsNotLost() {
        ProcessInstance pi = start();
        runJob(pi, "generate");
        world.answer = StatementStatus.CONFIRMED; // the customer clicked the link while the deliver job committed
        runJob(pi, "deliverMail");
        assertThat(pi).hasPassed("checkAnswer", "statementConfirmed").hasNotPassed("waitWithReminder").isEnded();
    }

    @Test
    void aDisputeGivenBeforeTheProcessWaitsWaitsForItsOutcome() {
        ProcessInstance pi = start();
        runJob(pi, "generate");
        world.answer = StatementStatus.DISPUTED;
        runJob(pi, "deliverMail");
        assertThat(pi).isWaitingAt("openDispute");
        runJob(pi, "openDispute");
        assertThat(world.events).containsExactly("dispute handed over 101");
        assertThat(pi).isWaitingAt("awaitDisputeOutcome");
    }

    /** A sent statement the customer disputed, handed over, and its dispute ended with {@code outcome}. */
    private ProcessInstance disputeResolved(String outcome, String note) {
        ProcessInstance pi = sent();
        customerAnswers(pi, StatementStatus.DISPUTED, StatementMessages.DISPUTED);
        runJob(pi, "openDispute");
        assertThat(pi).isWaitingAt("awaitDisputeOutcome");
        var resolved = runtime().createMessageCorrelation(StatementMessages.DISPUTE_RESOLVED)
                .processInstanceId(pi.getId()).setVariable("disputeOutcome", outcome);
        if (note != null) {
            resolved.setVariable("resolutionNote", note);
        }
        resolved.correlate();
        return pi;
    }

    @Test
    void anAcceptedDisputeSendsANewVersionOfTheSameNumber() {
        ProcessInstance pi = disputeResolved("ACCEPTED", null);
        assertThat(pi).isWaitingAt("reissue");
        ClockUtil.setCurrentTime(Date.from(at(10, 9, 14)));
        runJob(pi, "reissue");
        assertThat(world.events).containsExactly("dispute handed over 101", "superseded 101");
        assertThat(variable(pi, "statementId")).isEqualTo(102L);
        runJob(pi, "deliverMail");
        assertThat(world.queued).containsExactly("FIRST v1 #1", "FIRST v2 #2");
        // the new version has its own time to answer, from the day it was sent
        assertThat(variable(pi, "deadlineAt")).isEqualTo(Date.from(at(10, 25, 0)));
        assertThat(fireTimer(pi, "reminderDue")).isEqualTo(at(10, 14, 9));
        runJob(pi, "deliverMail");
        customerAnswers(pi, StatementStatus.CONFIRMED, StatementMessages.CONFIRMED);
        assertThat(pi).isEnded();
        assertThat(pi).hasPassed("statementConfirmed");
    }

    @Test
    void aRejectedDisputeReopensTheVersionTellsTheCustomerAndWaitsAgain() {
        ProcessInstance pi = disputeResolved("REJECTED", "paid twice? no: one payment");
        assertThat(world.events).containsExactly("dispute handed over 101", "reopened 101: paid twice? no: one payment");
        assertThat(world.queued).containsExactly("FIRST v1 #1", "RESEND v1 #2");
        runJob(pi, "deliverMail");
        assertThat(world.delivered).hasSize(2).last().asString().startsWith("RESEND");
        assertThat(pi).isWaitingAt("waitWithReminder");
        customerAnswers(pi, StatementStatus.CONFIRMED, StatementMessages.CONFIRMED);
        assertThat(pi).isEnded();
        assertThat(pi).hasPassed("statementConfirmed");
    }

    /** No answer, not deemed: the clerks' task, whose choice stays on the task. */
    Task followUpTask(ProcessInstance pi) {
        fireTimer(pi, "reminderDue");
        runJob(pi, "deliverMail");
        fireTimer(pi, "reminderDue");
        runJob(pi, "deliverMail");
        assertThat(fireTimer(pi, "answerDue")).isEqualTo(at(10, 17, 0));
        assertThat(pi).isWaitingAt("followUpCustomer");
        Task task = tasks().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("followUpCustomer");
        assertThat(tasks().createTaskQuery().taskCandidateGroup("clerks").taskId(task.getId()).count()).isOne();
        return task;
    }

    void completeAs(String user, Task task, Map<String, Object> variables) {
        extension.getIdentityService().setAuthenticatedUserId(user);
        try {
            tasks().complete(task.getId(), variables);
        } finally {
            extension.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void followUpResendStartsANewTimeToAnswer() {
        ProcessInstance pi = sent();
        Task task = followUpTask(pi);
        ClockUtil.setCurrentTime(Date.from(at(10, 19, 11)));
        completeAs("clerk", task, Map.of("outcome", "RESEND", "note", "new e-mail address"));
        assertThat(world.events).containsExactly("RESEND by clerk: new e-mail address");
        assertThat(variable(pi, "outcome")).as("the choice stays on the task").isNull();
        runJob(pi, "deliverMail");
        assertThat(world.delivered).last().asString().isEqualTo("RESEND 2026-10-19T11:00");
        assertThat(variable(pi, "deadlineAt")).isEqualTo(Date.from(at(11, 4, 0)));
        assertThat(pi).isWaitingAt("waitWithReminder");
    }

    @Test
    void aClerksCompletionCannotPointTheFollowUpAtAnotherStatement() {
        ProcessInstance pi = sent();
        completeAs("clerk", followUpTask(pi), Map.of("outcome", "DEEMED_CONFIRMED", "note", "agreed by phone",
                "statementId", 999L, "customerId", 7L));
        // the decision and the settlement concern this instance's statement, whatever the completion sent
        assertThat(world.events).containsExactly("DEEMED_CONFIRMED by clerk: agreed by phone", "agreed 101");
    }

    @Test
    void followUpDeemedConfirmedIsTheClerksDecision() {
        ProcessInstance pi = sent();
        completeAs("clerk", followUpTask(pi), Map.of("outcome", "DEEMED_CONFIRMED", "note", "agreed by phone"));
        assertThat(world.events).containsExactly("DEEMED_CONFIRMED by clerk: agreed by phone", "agreed 101");
        assertThat(pi).hasPassed("statementDeemedByClerk").isEnded();
    }

    @Test
    void followUpCloseEndsTheStatement() {
        ProcessInstance pi = sent();
        completeAs("clerk", followUpTask(pi), Map.of("outcome", "close"));
        // a closed statement was not agreed: nothing to settle
        assertThat(world.events).containsExactly("CLOSE by clerk: null");
        assertThat(pi).hasPassed("statementClosed").isEnded();
    }

    @Test
    void aFollowUpOutcomeOutsideTheListIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = sent();
        Task task = followUpTask(pi);
        // the application hands the refusal itself to engine-rest (400); this engine wraps it
        assertThatThrownBy(() -> completeAs("clerk", task, Map.of("outcome", "IGNORE")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("RESEND, DEEMED_CONFIRMED or CLOSE").hasMessageContaining("IGNORE");
        assertThatThrownBy(() -> completeAs("clerk", task, Map.of()))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        assertThat(pi).isWaitingAt("followUpCustomer");
        assertThat(world.events).isEmpty();
    }

    @Test
    void anAnswerThatCameWhileTheTaskWasOpenWinsOverTheClerksDecision() {
        ProcessInstance pi = sent();
        Task task = followUpTask(pi);
        world.answer = StatementStatus.DISPUTED;
        completeAs("clerk", task, Map.of("outcome", "CLOSE"));
        assertThat(pi).hasPassed("followUpDecided", "checkAnswer").isWaitingAt("openDispute");
        runJob(pi, "openDispute");
        assertThat(pi).isWaitingAt("awaitDisputeOutcome");
        assertThat(world.events).containsExactly("dispute handed over 101");
    }

    @Test
    void aMailTheServerKeepsRefusingIsRetriedOnTheCycleThenAnIncidentAndTheStatementFailed() {
        world.sendFails = true;
        ProcessInstance pi = start();
        runJob(pi, "generate");
        List<Long> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            Job job = management().createJobQuery().processInstanceId(pi.getId()).activityId("deliverMail")
                    .singleResult();
            if (job.getRetries() == 0) {
                break;
            }
            Instant before = ClockUtil.getCurrentTime().toInstant();
            assertThatThrownBy(() -> management().executeJob(job.getId())).hasMessageContaining("550");
            Job after = management().createJobQuery().jobId(job.getId()).singleResult();
            if (after.getRetries() > 0) {
                waits.add((after.getDuedate().getTime() - before.toEpochMilli()) / 60_000);
                ClockUtil.setCurrentTime(after.getDuedate());
            }
        }
        // recon.statement.send-retry-cycle PT1M,PT5M,PT30M
        assertThat(waits).containsExactly(1L, 5L, 30L);
        Incident incident = runtime().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("deliverMail");
        assertThat(world.failed).containsExactly(101L);
        assertThat(pi).isWaitingAt("deliverMail");

        // the server is back; the job retried from Cockpit sends the statement
        world.sendFails = false;
        management().setJobRetries(incident.getConfiguration(), 1);
        runJob(pi, "deliverMail");
        assertThat(pi).isWaitingAt("waitWithReminder");
    }
}
