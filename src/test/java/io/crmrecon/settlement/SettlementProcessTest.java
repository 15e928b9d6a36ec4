package io.crmrecon.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.crmrecon.EngineSteps;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Every path of the settlement process on the in-memory engine, with the real dunning table, delegates and task
 * listeners; the settlement's records, the ledger's answer ("what is still owed") and the mails are mocks. Timers
 * are driven by the engine's clock.
 */
@Deployment(resources = {"bpmn/settlement.bpmn", "bpmn/dunning.dmn", "forms/collectionFollowUp.form",
        "forms/refundCustomer.form"})
class SettlementProcessTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = LocalDateTime.of(2026, 11, 3, 10, 0).atZone(ZONE).toInstant();
    static final LocalDate DUE = LocalDate.of(2026, 11, 30);
    static final long ID = 9L;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bpmn-path-tests.camunda.cfg.xml").build();

    final Settlements settlements = mock(Settlements.class);
    final SettlementMails mails = mock(SettlementMails.class);
    final SettlementTaskViews views = mock(SettlementTaskViews.class);
    final Settlement settlement = mock(Settlement.class);
    /** what the ledger says is still owed, as the delegates ask for it */
    BigDecimal outstanding = new BigDecimal("12800.00");
    final List<Long> delivered = new ArrayList<>();

    EngineSteps steps;

    @BeforeEach
    void services() {
        BpmnAwareTests.init(extension.getProcessEngine());
        steps = new EngineSteps(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/settlement");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SettlementSettings settings = new SettlementSettings(null, null, null);
        when(settlement.id()).thenReturn(ID);
        when(settlement.dueDate()).thenReturn(DUE);
        when(settlement.customerId()).thenReturn(42L);
        when(settlements.open(anyLong())).thenReturn(settlement);
        when(settlements.get(ID)).thenReturn(settlement);
        when(settlements.idOf("SET-S2610-00042")).thenReturn(ID);
        when(settlements.outstanding(settlement)).thenAnswer(i -> outstanding);
        when(views.of(anyLong(), anyString())).thenReturn(new SettlementTaskViews.View("催收跟进 SET-S2610-00042",
                Map.of("settlementNo", "SET-S2610-00042")));
        var customers = mock(Customers.class);
        when(customers.byId(anyLong())).thenReturn(Optional.empty());
        Mocks.register("openSettlementDelegate", new OpenSettlementDelegate(settlements, customers, settings, clock));
        Mocks.register("requestPaymentDelegate", new RequestPaymentDelegate(settlements, mails));
        Mocks.register("checkPaymentDelegate", new CheckPaymentDelegate(settlements, clock));
        Mocks.register("sendDunningDelegate", new SendDunningDelegate(settlements, mails));
        Mocks.register("closeSettlementDelegate", new CloseSettlementDelegate(settlements));
        Outbox outbox = mock(Outbox.class);
        doAnswer(i -> delivered.add(i.getArgument(0))).when(outbox).deliver(anyLong());
        Mocks.register("deliverSettlementMailDelegate", new DeliverSettlementMailDelegate(outbox));
        Mocks.register("collectionFollowUpListener", new CollectionFollowUpListener(settlements, views, settings,
                messages, clock));
        Mocks.register("refundListener", new RefundListener(settlements, views, messages));
    }

    @AfterEach
    void reset() {
        extension.getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    ProcessInstance start(String netAmount) {
        when(settlement.netAmount()).thenReturn(new BigDecimal(netAmount));
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(SettlementVariables.PROCESS_KEY,
                "SET-S2610-00042", Map.of("statementId", 3L, "settlementNo", "SET-S2610-00042"));
        // the customer's click or the statement's timer only starts it: opening is the first job
        assertThat(pi).isWaitingAt("settlementRequested");
        steps.runJob(pi, "settlementRequested");
        return pi;
    }

    /** Paid nothing yet: the request went out and the instance waits for the money. */
    ProcessInstance requested() {
        ProcessInstance pi = start("12800.00");
        when(mails.queuePaymentRequest(settlement)).thenReturn(101L);
        steps.runJob(pi, "requestPayment");
        verify(mails).queuePaymentRequest(settlement);
        steps.runJob(pi, "deliverRequest");
        assertThat(delivered).containsExactly(101L);
        // the mail is committed on its own before the wait begins
        steps.runJob(pi, "deliverRequest");
        assertThat(pi).hasPassed("checkBeforeWait");
        assertThat(pi).isWaitingAt("awaitPayment");
        return pi;
    }

    static Map<String, Object> outcome(String outcome, Object promisedDate, String note) {
        Map<String, Object> v = new HashMap<>();
        v.put("outcome", outcome);
        v.put("promisedDate", promisedDate);
        v.put("note", note);
        return v;
    }

    static Instant morning(LocalDate day) {
        return day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    void paid() {
        outstanding = BigDecimal.ZERO;
        extension.getRuntimeService().createMessageCorrelation(SettlementVariables.PAID_MESSAGE)
                .processInstanceBusinessKey("SET-S2610-00042").correlateAllWithResult();
    }

    /** Unpaid the morning after the due date: the dunning letter is queued and a clerk follows up. */
    ProcessInstance dunned(ProcessInstance pi, String template, String tone, boolean copy) {
        when(mails.queueDunning(settlement, template, tone, copy)).thenReturn(202L);
        steps.runJob(pi, "sendDunning");
        verify(mails).queueDunning(settlement, template, tone, copy);
        steps.runJob(pi, "deliverDunning");
        assertThat(delivered).last().isEqualTo(202L);
        steps.runJob(pi, "deliverDunning");
        assertThat(pi).isWaitingAt("collectionFollowUp");
        return pi;
    }

    // --- paths ---------------------------------------------------------------------------------------------------

    @Test
    void nothingToPayIsSettledAtOnce() {
        ProcessInstance pi = start("0.00");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasPassed("openSettlement", "closeSettled", "settled").hasNotPassed("requestPayment")
                .isEnded();
        verify(settlements).close(ID, SettlementStatus.SETTLED, "system", null);
        verify(settlements).started(ID, pi.getId());
    }

    @Test
    void aPaymentMatchedBeforeTheDueDateSettlesIt() {
        ProcessInstance pi = requested();
        // the timer waits for the morning after the due date
        Job timer = extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(morning(DUE.plusDays(1)));
        paid();
        // the message only hands over: closing is a job of its own
        assertThat(pi).isWaitingAt("closeSettled");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasPassed("settled").hasNotPassed("chooseDunning").isEnded();
        verify(settlements).close(ID, SettlementStatus.SETTLED, "system", null);
    }

    @Test
    void moneyMatchedBeforeTheWaitBeganIsSeenThereAndNothingIsAskedFor() {
        ProcessInstance pi = start("12800.00");
        // matched while the instance was between its first steps: nobody was waiting for the message
        outstanding = BigDecimal.ZERO;
        when(settlements.paid(ID)).thenReturn(true);
        steps.runJob(pi, "requestPayment");
        steps.runJob(pi, "deliverRequest");
        steps.runJob(pi, "deliverRequest");
        assertThat(pi).hasPassed("checkBeforeWait").isWaitingAt("closeSettled");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasNotPassed("awaitPayment").isEnded();
        verify(mails, never()).queuePaymentRequest(any());
        assertThat(delivered).isEmpty();
        // the look before the wait holds the settlement's row, as the matching side does before it tells
        verify(settlements).lock(ID);
    }

    @Test
    void unpaidAtTheDueDateIsDunnedAndAPromiseIsWaitedFor() {
        ProcessInstance pi = requested();
        assertThat(steps.fireTimer(pi, "paymentDue")).isEqualTo(morning(DUE.plusDays(1)));
        dunned(pi, "REMINDER", "FRIENDLY", false);
        verify(settlements).dunned(ID, 1, "REMINDER");

        LocalDate promised = DUE.plusDays(10);
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", outcome("PROMISED", promised.toString(), "by phone"));
        assertThat(pi).isWaitingAt("awaitPayment");
        verify(settlements).followedUp(eq(ID), any(CollectionDecision.class));
        // the clerk's answer stays on the task: the process sees only what the model copied out
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "outcome")).isNull();
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "followUpOutcome")).isEqualTo("PROMISED");

        // the promise was broken: looked at the morning after, 11 days overdue, another reminder
        assertThat(steps.fireTimer(pi, "paymentDue")).isEqualTo(morning(promised.plusDays(1)));
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "daysOverdue")).isEqualTo(11L);
        steps.runJob(pi, "sendDunning");
        steps.runJob(pi, "deliverDunning");
        steps.runJob(pi, "deliverDunning");
        assertThat(pi).isWaitingAt("collectionFollowUp");

        // the money arrives while the clerk has the task: the task goes, the settlement closes
        paid();
        assertThat(extension.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasPassed("paidDuringFollowUp", "settled").isEnded();
    }

    @Test
    void moneyMatchedWhileTheLetterWasOnItsWayEndsItBeforeAClerkIsAsked() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        when(mails.queueDunning(settlement, "REMINDER", "FRIENDLY", false)).thenReturn(202L);
        steps.runJob(pi, "sendDunning");
        steps.runJob(pi, "deliverDunning");
        // matched after the letter was queued, before the clerk's task: nobody was waiting for the message
        outstanding = BigDecimal.ZERO;
        steps.runJob(pi, "deliverDunning");
        assertThat(pi).hasPassed("checkBeforeFollowUp").hasNotPassed("collectionFollowUp").isWaitingAt("closeSettled");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).isEnded();
    }

    @Test
    void noLetterForASettlementPaidSinceItsDueDateWasChecked() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        when(settlements.paid(ID)).thenReturn(true);
        outstanding = BigDecimal.ZERO;
        steps.runJob(pi, "sendDunning");
        steps.runJob(pi, "deliverDunning");
        steps.runJob(pi, "deliverDunning");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasNotPassed("collectionFollowUp").isEnded();
        verify(mails, never()).queueDunning(any(), anyString(), anyString(), any(Boolean.class));
    }

    @Test
    void aCompletionCannotPointTheProcessAtAnotherSettlement() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        Map<String, Object> v = outcome("WRITE_OFF_REQUEST", null, "insolvent");
        v.put("settlementId", 666L);
        v.put("owed", "NONE");
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", v);
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "settlementId")).isEqualTo(ID);
        verify(settlements).followedUp(eq(ID), any(CollectionDecision.class));
        steps.runJob(pi, "closeWriteOff");
        verify(settlements).close(ID, SettlementStatus.WRITE_OFF_REQUESTED, "clerk", "insolvent");
    }

    @Test
    void aPromiseNeedsADateAfterToday() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        Task task = steps.task(pi, "collectionFollowUp");
        assertThatThrownBy(() -> steps.complete(task, "clerk", outcome("PROMISED", null, null)))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("promised");
        assertThatThrownBy(() -> steps.complete(task, "clerk", outcome("PROMISED", DUE.toString(), null)))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> steps.complete(task, "clerk", outcome("MAYBE", null, null)))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("MAYBE");
        assertThatThrownBy(() -> steps.complete(task, "clerk", outcome("WRITE_OFF_REQUEST", null, " ")))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("written off");
        assertThat(pi).isWaitingAt("collectionFollowUp");
        verify(settlements, never()).followedUp(anyLong(), any());
    }

    @Test
    void aCustomerWhoSaysItPaidIsCheckedAgainstTheLedger() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        // not seen yet: wait three days for the bank file, then look again
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", outcome("PAID", null, "paid on the 1st"));
        assertThat(pi).hasPassed("checkBeforeWait").isWaitingAt("awaitPayment");
        Instant asked = ClockUtil.getCurrentTime().toInstant();
        outstanding = BigDecimal.ZERO; // matched while nobody listened for the message
        assertThat(steps.fireTimer(pi, "paymentDue")).isEqualTo(asked.plus(Duration.ofDays(3)));
        assertThat(pi).hasPassed("checkOverdue").isWaitingAt("closeSettled");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).isEnded();
    }

    @Test
    void aClaimedPaymentThatIsThereClosesAtOnce() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        outstanding = BigDecimal.ZERO;
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", outcome("PAID", null, null));
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasPassed("checkBeforeWait", "settled").isEnded();
    }

    @Test
    void anEscalationSendsTheFinalNoticeToTheAccountManagerToo() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", outcome("ESCALATE", null, "no answer to three calls"));
        dunned(pi, "FINAL", "FINAL", true);
        verify(settlements).dunned(ID, 3, "FINAL");
        // the next letter is chosen by the days again, unless escalated again
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "escalated")).isEqualTo(false);
    }

    @Test
    void aWriteOffRequestEndsTheSettlementWithTheClerksReason() {
        ProcessInstance pi = requested();
        steps.fireTimer(pi, "paymentDue");
        dunned(pi, "REMINDER", "FRIENDLY", false);
        steps.complete(steps.task(pi, "collectionFollowUp"), "clerk", outcome("WRITE_OFF_REQUEST", null, "customer insolvent"));
        steps.runJob(pi, "closeWriteOff");
        assertThat(pi).hasPassed("writeOffRequested").isEnded();
        verify(settlements).close(ID, SettlementStatus.WRITE_OFF_REQUESTED, "clerk", "customer insolvent");
    }

    @Test
    void moneyThatCameWhileNobodyWaitedIsFoundAtTheDueDate() {
        ProcessInstance pi = requested();
        outstanding = BigDecimal.ZERO;
        steps.fireTimer(pi, "paymentDue");
        steps.runJob(pi, "closeSettled");
        assertThat(pi).hasPassed("checkOverdue", "settled").hasNotPassed("chooseDunning").isEnded();
        verify(mails, never()).queueDunning(any(), anyString(), anyString(), any(Boolean.class));
    }

    @Test
    void aCreditBalanceIsRefundedByAClerk() {
        ProcessInstance pi = start("-500.00");
        Task task = steps.task(pi, "refundCustomer");
        assertThatThrownBy(() -> steps.complete(task, "clerk", Map.of("note", "x")))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("refunded");
        steps.complete(task, "clerk", Map.of("refunded", "true", "note", "wired back on 2026-11-05"));
        steps.runJob(pi, "closeRefunded");
        assertThat(pi).hasPassed("refunded").isEnded();
        verify(settlements).close(ID, SettlementStatus.REFUNDED, "clerk", "wired back on 2026-11-05");
        verify(mails, never()).queuePaymentRequest(any());
    }

    @Test
    void aCreditKeptOnTheAccountNeedsAReason() {
        ProcessInstance pi = start("-500.00");
        Task task = steps.task(pi, "refundCustomer");
        assertThatThrownBy(() -> steps.complete(task, "clerk", Map.of("refunded", false)))
                .rootCause().isInstanceOf(FormFieldValidationException.class).hasMessageContaining("credit stays");
        steps.complete(task, "clerk", Map.of("refunded", false, "note", "set against December's invoice"));
        steps.runJob(pi, "closeCreditKept");
        assertThat(pi).hasPassed("creditKept").isEnded();
        verify(settlements).close(ID, SettlementStatus.CREDIT_KEPT, "clerk", "set against December's invoice");
    }

    // --- the dunning table ---------------------------------------------------------------------------------------

    Map<String, Object> dunningFor(long daysOverdue, String segment, boolean escalated) {
        return extension.getDecisionService().evaluateDecisionTableByKey("dunningLevel",
                Map.of("daysOverdue", daysOverdue, "segment", segment, "escalated", escalated)).getSingleResult()
                .getEntryMap();
    }

    @Test
    void theDunningTableGetsFirmerWithTheDaysAndCopiesKeyAccountsToTheirManager() {
        assertThat(dunningFor(1, "", false)).containsEntry("level", 1).containsEntry("template", "REMINDER")
                .containsEntry("copyAccountManager", false);
        assertThat(dunningFor(14, "", false)).containsEntry("level", 1);
        assertThat(dunningFor(15, "", false)).containsEntry("level", 2).containsEntry("template", "FIRM")
                .containsEntry("copyAccountManager", true);
        assertThat(dunningFor(46, "", false)).containsEntry("level", 3).containsEntry("template", "FINAL");
        assertThat(dunningFor(5, "KEY-ACCOUNT", false)).containsEntry("level", 1)
                .containsEntry("copyAccountManager", true);
        assertThat(dunningFor(2, "", true)).containsEntry("level", 3).containsEntry("tone", "FINAL");
    }
}
