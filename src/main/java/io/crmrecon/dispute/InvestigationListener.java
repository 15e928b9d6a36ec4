package io.crmrecon.dispute;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.dispute.DisputeVariables.*;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.FormRefusalHandler;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * investigateDispute and reviewEscalatedDispute. Created: shows the dispute (task-local variables) and notes the
 * routing or the escalation. Completed: refuses a decision the rules forbid (the engine's form validation error:
 * 400 in engine-rest, the task stays open), and puts the normalised decision and who made it on the task's scope,
 * from where the model copies it out.
 */
@Component("investigationListener")
class InvestigationListener implements TaskListener {

    static final String REVIEW_TASK = "reviewEscalatedDispute";

    private final Disputes disputes;
    private final DisputeTaskViews views;
    private final MessageSource messages;

    InvestigationListener(Disputes disputes, DisputeTaskViews views, MessageSource messages) {
        this.disputes = disputes;
        this.views = views;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        long disputeId = longOf(model(task, DISPUTE_ID), DISPUTE_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, disputeId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, disputeId);
        }
    }

    private void created(DelegateTask task, long disputeId) {
        boolean review = REVIEW_TASK.equals(task.getTaskDefinitionKey());
        if (review) {
            disputes.escalated(disputeId);
        } else {
            Object priority = model(task, PRIORITY);
            disputes.routed(disputeId, text(model(task, CANDIDATE_GROUP)),
                    priority instanceof Number n ? n.intValue() : null);
        }
        DisputeTaskViews.View view = views.of(disputeId, review ? "升级异议 Escalated dispute" : "异议 Dispute");
        task.setName(view.taskName());
        task.setVariablesLocal(view.variables());
        // the form's choice shows what the server assumes when none is given
        if (task.getVariable(ADJUSTMENT_TYPE) == null) {
            task.getExecution().setVariableLocal(ADJUSTMENT_TYPE, "CREDIT_NOTE");
        }
        // one form for both tasks: its heading says which
        task.setVariableLocal("formTitle", review ? "升级异议 · Escalated dispute: nobody decided in time"
                : "调查异议 · Investigate the dispute");
    }

    private void completed(DelegateTask task, long disputeId) {
        String user = ApprovalListener.currentUser(task);
        DisputeDecision.Investigation decision;
        try {
            decision = DisputeDecision.investigation(task.getVariable(RESOLUTION), task.getVariable(ADJUSTMENT_AMOUNT),
                    task.getVariable(ADJUSTMENT_TYPE), task.getVariable(RESOLUTION_NOTE), user,
                    text(model(task, CURRENCY)));
        } catch (FieldRefusal refused) {
            throw FormRefusalHandler.formError(messages, refused);
        }
        var scope = task.getExecution();
        scope.setVariableLocal(RESOLUTION, decision.resolution().name());
        scope.setVariableLocal(ADJUSTMENT_AMOUNT,
                decision.adjustmentAmount() == null ? null : decision.adjustmentAmount().toPlainString());
        scope.setVariableLocal(ADJUSTMENT_TYPE,
                decision.adjustmentType() == null ? null : decision.adjustmentType().name());
        scope.setVariableLocal(RESOLUTION_NOTE, decision.note());
        scope.setVariableLocal(DECIDED_BY, user);
        scope.setVariableLocal(ADJUSTMENT_VALUE,
                decision.adjustmentAmount() == null ? null : decision.adjustmentAmount().doubleValue());
        scope.setVariableLocal(EXCEEDS_DISPUTED,
                DisputeDecision.exceedsDisputed(decision, disputes.get(disputeId).disputedAmount()));
        disputes.proposed(disputeId, decision);
    }

    /**
     * A variable of the instance itself: the task holds copies that a completion may overwrite, so what the rules
     * check (who investigated, what is being approved, which dispute) is read from the instance.
     */
    static Object model(DelegateTask task, String name) {
        return task.getExecution().getProcessInstance().getVariable(name);
    }
}
