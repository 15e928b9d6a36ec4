package io.crmrecon.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.crmrecon.EngineSteps;
import io.crmrecon.ledger.DocumentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every path of disputeHandling on the in-memory engine, with the real routing and approval tables, listeners and
 * delegates; the dispute's records are a mock, and the disputed statement a stub instance that waits for the
 * outcome as customerStatement does. Timers are driven by the engine's clock.
 */
@Deployment(resources = {"bpmn/disputeHandling.bpmn", "bpmn/disputeRouting.dmn", "forms/investigateDispute.form",
        "forms/approveAdjustment.form", "bpmn/disputedStatementStub.bpmn"})
class DisputeHandlingProcessTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = LocalDateTime.of(2026, 11, 2, 10, 0).atZone(ZONE).toInstant();
    static final long DISPUTE_ID = 7L;

    // the engine wraps what a listener throws; the application hands the refusal itself to engine-rest (400, 403)
    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final Disputes disputes = mock(Disputes.class);
    final DisputeTaskViews views = mock(DisputeTaskViews.class);
    ProcessInstance statement;

    EngineSteps steps;

    @BeforeEach
    void services() {
        BpmnAwareTests.init(extension.getProcessEngine());
        steps = new EngineSteps(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/dispute");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        when(views.of(anyLong(), anyString())).thenReturn(new DisputeTaskViews.View("异议 S2610-00042-D1",
                Map.of("disputeNo", "S2610-00042-D1")));
        when(disputes.get(DISPUTE_ID)).thenReturn(new Dispute("S2610-00042-D1", 3L, 2L, "S2610-00042", 1, 42L, "CNY",
                "2026-10", "AMOUNT_WRONG", new BigDecimal("10000.00"), null, START));
        Mocks.register("investigationListener", new InvestigationListener(disputes, views, messages));
        Mocks.register("approvalListener", new ApprovalListener(disputes, views, messages));
        Mocks.register("grantAdjustmentDelegate", new GrantAdjustmentDelegate(disputes));
        Mocks.register("rejectDisputeDelegate", new RejectDisputeDelegate(disputes));
        Mocks.register("tellStatementDelegate", new TellStatementDelegate());
    }

    @AfterEach
    void reset() {
        extension.getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The disputed statement's instance waiting for the outcome, and the dispute's instance (deployed by now). */
    ProcessInstance start(String reason, double disputedAmount, String segment) {
        statement = extension.getRuntimeService().startProcessInstanceByKey("customerStatement", "S2610-00042");
        return extension.getRuntimeService().startProcessInstanceByKey(DisputeVariables.PROCESS_KEY, "S2610-00042-D1",
                Map.of("disputeId", DISPUTE_ID, "disputeNo", "S2610-00042-D1",
                        "statementProcessInstanceId", statement.getId(), "currency", "CNY", "reason", reason,
                        "disputedAmount", disputedAmount, "segment", segment));
    }

    ProcessInstance start() {
        return start("AMOUNT_WRONG", 10000.00, "");
    }

    static Map<String, Object> accept(Object amount) {
        Map<String, Object> v = new HashMap<>();
        v.put("resolution", "ACCEPT");
        v.put("adjustmentAmount", amount);
        v.put("resolutionNote", "price agreed in the contract");
        return v;
    }

    static Map<String, Object> reject(String note) {
        Map<String, Object> v = new HashMap<>();
        v.put("resolution", "REJECT");
        v.put("resolutionNote", note);
        return v;
    }

    /** What the disputed statement's instance was told (it ends when told). */
    Object told(String variable) {
        return extension.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(statement.getId()).variableName(variable).singleResult().getValue();
    }

    static org.mockito.ArgumentMatcher<DisputeDecision.Investigation> credit(String amount, String by) {
        return d -> d.accepted() && d.adjustmentType() == DocumentType.CREDIT_NOTE
                && d.adjustmentAmount().compareTo(new BigDecimal(amount)) == 0 && by.equals(d.decidedBy());
    }

    // --- routing ---------------------------------------------------------------------------------------------------

    @Test
    void aDisputeGoesToTheClerksWithThePriorityTheRoutingTableGives() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassed("route").isWaitingAt("investigateDispute");
        Task task = steps.task(pi, "investigateDispute");
        assertThat(task).hasCandidateGroup("clerks");
        assertThat(task.getPriority()).isEqualTo(50);
        assertThat(task.getName()).isEqualTo("异议 S2610-00042-D1");
        verify(disputes).routed(DISPUTE_ID, "clerks", 50);
    }

    @Test
    void aKeyAccountsDisputeComesFirstAndEscalatesSooner() {
        ProcessInstance pi = start("OTHER", 300.00, "KEY");
        assertThat(steps.task(pi, "investigateDispute").getPriority()).isEqualTo(80);
        Job timer = extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(START.plus(java.time.Duration.ofDays(2)));
    }

    @Test
    void alreadyPaidAndLargeDisputesAreRaised() {
        assertThat(steps.task(start("ALREADY_PAID", 300.00, ""), "investigateDispute").getPriority()).isEqualTo(60);
        assertThat(steps.task(start("AMOUNT_WRONG", 80000.00, "B"), "investigateDispute").getPriority()).isEqualTo(70);
    }

    // --- reject ----------------------------------------------------------------------------------------------------

    @Test
    void aRejectedDisputeIsRecordedAndTheStatementToldWhy() {
        ProcessInstance pi = start();
        steps.complete(steps.task(pi, "investigateDispute"), "clara", reject("the goods were delivered on 3 October"));
        verify(disputes).reject(eq(DISPUTE_ID), argThat(d -> !d.accepted() && "clara".equals(d.decidedBy())
                && "the goods were delivered on 3 October".equals(d.note())));
        assertThat(pi).hasPassed("rejectDispute").isWaitingAt("tellRejected");
        steps.runJob(pi, "tellRejected");
        assertThat(pi).isEnded().hasPassed("disputeRejected").hasNotPassed("approvalLimit", "grantAdjustment");
        assertThat(statement).isEnded();
        assertThat(told("disputeOutcome")).isEqualTo("REJECTED");
        assertThat(told("resolutionNote")).isEqualTo("the goods were delivered on 3 October");
    }

    @Test
    void aRejectionWithoutAReasonOrWithAnAmountIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start();
        Task task = steps.task(pi, "investigateDispute");
        assertThatThrownBy(() -> steps.complete(task, "clara", reject(" ")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("驳回理由").hasMessageContaining("Say why the dispute is rejected");
        Map<String, Object> both = reject("no");
        both.put("adjustmentAmount", "100");
        assertThatThrownBy(() -> steps.complete(task, "clara", both)).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("grants no adjustment");
        assertThatThrownBy(() -> steps.complete(task, "clara", Map.of("resolution", "MAYBE")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("MAYBE");
        assertThat(pi).isWaitingAt("investigateDispute");
        verify(disputes, never()).reject(anyLong(), any());
    }

    // --- accept ----------------------------------------------------------------------------------------------------

    @Test
    void anAdjustmentWithinTheClerksLimitIsPostedWithoutAManager() {
        ProcessInstance pi = start();
        steps.complete(steps.task(pi, "investigateDispute"), "clara", accept("500"));
        assertThat(pi).hasPassed("approvalLimit").isWaitingAt("grantAdjustment");
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("500.00", "clara")), isNull());
        steps.runJob(pi, "tellAccepted");
        assertThat(pi).isEnded().hasPassed("disputeAccepted").hasNotPassed("approveAdjustment");
        assertThat(told("disputeOutcome")).isEqualTo("ACCEPTED");
        assertThat(told("resolutionNote")).isEqualTo("price agreed in the contract");
    }

    @Test
    void amountsComeAsNumbersOrDecimalStringsAndBadOnesAreRefused() {
        ProcessInstance pi = start();
        Task task = steps.task(pi, "investigateDispute");
        assertThatThrownBy(() -> steps.complete(task, "clara", accept("12.345")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("decimal places");
        assertThatThrownBy(() -> steps.complete(task, "clara", accept("abc")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("不是数字");
        assertThatThrownBy(() -> steps.complete(task, "clara", accept(-5)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("more than zero");
        Map<String, Object> badType = accept("10");
        badType.put("adjustmentType", "REFUND");
        assertThatThrownBy(() -> steps.complete(task, "clara", badType)).hasRootCauseInstanceOf(FormFieldValidationException.class);
        steps.complete(task, "clara", accept(1200.5));
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("1200.50", "clara")), isNull());
    }

    @Test
    void aboveTheLimitAManagerWhoIsNotTheInvestigatorMustApprove() {
        ProcessInstance pi = start();
        steps.complete(steps.task(pi, "investigateDispute"), "mike", accept("6000.00"));
        assertThat(pi).isWaitingAt("approveAdjustment");
        Task approval = steps.task(pi, "approveAdjustment");
        assertThat(approval).hasCandidateGroup("managers");
        // four eyes: the investigator (here a manager too) cannot approve it, whatever he sends
        assertThatThrownBy(() -> steps.complete(approval, "mike", Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).rootCause().hasMessageContaining("four eyes");
        assertThat(pi).isWaitingAt("approveAdjustment");
        steps.complete(approval, "mia", Map.of("approved", "true", "approvalNote", "ok"));
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("6000.00", "mike")), eq("mia"));
        steps.runJob(pi, "tellAccepted");
        assertThat(pi).isEnded().hasPassed("approveAdjustment", "disputeAccepted");
    }

    @Test
    void whatAnApproverSendsCannotChangeWhoProposedWhatOrWhichStatementIsTold() {
        ProcessInstance pi = start();
        steps.complete(steps.task(pi, "investigateDispute"), "mike", accept("6000.00"));
        Task approval = steps.task(pi, "approveAdjustment");
        // the investigator cannot pass for someone else, nor raise the note, nor redirect the outcome
        Map<String, Object> forged = new HashMap<>(Map.of("approved", true, "investigator", "nobody",
                "adjustmentAmount", "60000.00", "statementProcessInstanceId", "another", "disputeId", 999L));
        assertThatThrownBy(() -> steps.complete(approval, "mike", forged))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        steps.complete(approval, "mia", forged);
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("6000.00", "mike")), eq("mia"));
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "statementProcessInstanceId"))
                .isEqualTo(statement.getId());
        steps.runJob(pi, "tellAccepted");
        assertThat(told("disputeOutcome")).isEqualTo("ACCEPTED");
    }

    @Test
    void moreThanWasDisputedNeedsAManagerEvenBelowTheLimit() {
        when(disputes.get(DISPUTE_ID)).thenReturn(new Dispute("S2610-00042-D1", 3L, 2L, "S2610-00042", 1, 42L, "CNY",
                "2026-10", "AMOUNT_WRONG", new BigDecimal("1000.00"), null, START));
        ProcessInstance pi = start("AMOUNT_WRONG", 1000.00, "");
        steps.complete(steps.task(pi, "investigateDispute"), "clara", accept("1500"));
        assertThat(pi).isWaitingAt("approveAdjustment");
    }

    @Test
    void aDebitNoteAlwaysNeedsAManager() {
        ProcessInstance pi = start();
        Map<String, Object> debit = accept("50");
        debit.put("adjustmentType", "DEBIT_NOTE");
        steps.complete(steps.task(pi, "investigateDispute"), "clara", debit);
        assertThat(pi).isWaitingAt("approveAdjustment");
    }

    @Test
    void aDeclinedAdjustmentGoesBackToTheInvestigatorWithTheManagersReason() {
        ProcessInstance pi = start();
        steps.complete(steps.task(pi, "investigateDispute"), "clara", accept("6000"));
        Task approval = steps.task(pi, "approveAdjustment");
        assertThatThrownBy(() -> steps.complete(approval, "mia", Map.of("approved", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("declined");
        assertThatThrownBy(() -> steps.complete(approval, "mia", Map.of("approvalNote", "?")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        steps.complete(approval, "mia", Map.of("approved", false, "approvalNote", "only the freight was wrong"));
        verify(disputes).approval(eq(DISPUTE_ID), argThat(a -> !a.approved() && "mia".equals(a.decidedBy())),
                eq(new BigDecimal("6000.00")));
        assertThat(pi).isWaitingAt("investigateDispute");
        // a new task, which shows why the proposal came back
        Task again = steps.task(pi, "investigateDispute");
        assertThat(extension.getTaskService().getVariable(again.getId(), "approvalNote"))
                .isEqualTo("only the freight was wrong");
        steps.complete(again, "clara", accept("800"));
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("800.00", "clara")), isNull());
    }

    // --- escalation ------------------------------------------------------------------------------------------------

    @Test
    void aDisputeNobodyDecidesEscalatesToTheManagersInsteadOfTheClerks() {
        ProcessInstance pi = start();
        Job timer = extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(START.plus(java.time.Duration.ofDays(5)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        extension.getManagementService().executeJob(timer.getId());
        assertThat(pi).hasPassed("escalate").isWaitingAt("reviewEscalatedDispute");
        assertThat(extension.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("investigateDispute").count()).isZero();
        Task review = steps.task(pi, "reviewEscalatedDispute");
        assertThat(review).hasCandidateGroup("managers");
        assertThat(extension.getTaskService().getIdentityLinksForTask(review.getId()))
                .extracting(IdentityLink::getGroupId).doesNotContain("clerks");
        verify(disputes).escalated(DISPUTE_ID);
        steps.complete(review, "mia", accept("7000"));
        // the reviewer proposed it: another manager approves
        Task approval = steps.task(pi, "approveAdjustment");
        assertThatThrownBy(() -> steps.complete(approval, "mia", Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        steps.complete(approval, "max", Map.of("approved", true));
        steps.runJob(pi, "grantAdjustment");
        verify(disputes).grant(eq(DISPUTE_ID), argThat(credit("7000.00", "mia")), eq("max"));
    }

    @Test
    void anEscalatedDisputeCanBeRejected() {
        ProcessInstance pi = start();
        Job timer = extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());
        extension.getManagementService().executeJob(timer.getId());
        steps.complete(steps.task(pi, "reviewEscalatedDispute"), "mia", reject("we have the signed delivery note"));
        steps.runJob(pi, "tellRejected");
        assertThat(pi).isEnded().hasPassed("reviewEscalatedDispute", "disputeRejected");
        assertThat(told("disputeOutcome")).isEqualTo("REJECTED");
    }
}
