package io.crmrecon.dispute;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.dispute.DisputeVariables.*;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.FormRefusalHandler;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * approveAdjustment. Created: shows the dispute and the proposed adjustment. Completed: four eyes — the engine
 * refuses the investigator's own approval as an authorization failure (403 in engine-rest, whatever form or client
 * sent it); an answer that is not yes or no, or a "no" without a reason, is a form validation error (400).
 */
@Component("approvalListener")
class ApprovalListener implements TaskListener {

    private final Disputes disputes;
    private final DisputeTaskViews views;
    private final MessageSource messages;

    ApprovalListener(Disputes disputes, DisputeTaskViews views, MessageSource messages) {
        this.disputes = disputes;
        this.views = views;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        long disputeId = longOf(model(task, DISPUTE_ID), DISPUTE_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            DisputeTaskViews.View view = views.of(disputeId, "审批调整 Approve");
            task.setName(view.taskName());
            task.setVariablesLocal(view.variables());
            task.setVariableLocal("proposal", proposal(task));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, disputeId);
        }
    }

    private void completed(DelegateTask task, long disputeId) {
        String user = currentUser(task);
        String investigator = text(model(task, INVESTIGATOR));
        if (!DisputeDecision.mayApprove(investigator, user)) {
            throw new AuthorizationException("调整由 " + investigator + " 提出，须由另一位经理审批 / the adjustment was "
                    + "proposed by " + investigator + "; another manager must approve it (four eyes)");
        }
        DisputeDecision.Approval approval;
        try {
            approval = DisputeDecision.approval(task.getVariable(APPROVED), task.getVariable(APPROVAL_NOTE), user);
        } catch (FieldRefusal refused) {
            throw FormRefusalHandler.formError(messages, refused);
        }
        var scope = task.getExecution();
        scope.setVariableLocal(APPROVED, approval.approved());
        scope.setVariableLocal(APPROVAL_NOTE, approval.note());
        scope.setVariableLocal(DECIDED_BY, user);
        // the investigation's task stored the amount normalised: a plain decimal
        disputes.approval(disputeId, approval, new java.math.BigDecimal(text(model(task, ADJUSTMENT_AMOUNT))));
    }

    private static String proposal(DelegateTask task) {
        String type = "DEBIT_NOTE".equals(text(model(task, ADJUSTMENT_TYPE))) ? "借项通知单 debit note"
                : "贷项通知单 credit note";
        String note = text(model(task, RESOLUTION_NOTE));
        String text = "**" + type + " " + model(task, ADJUSTMENT_AMOUNT) + " " + model(task, CURRENCY)
                + "** · 提出人 proposed by " + model(task, INVESTIGATOR)
                + (note == null ? "" : "\n\n“" + note + "”");
        if (Boolean.TRUE.equals(model(task, EXCEEDS_DISPUTED))) {
            text += "\n\n⚠ 超过客户异议金额 more than the customer disputed";
        }
        return text;
    }

    /** Who completes the task: the engine's authenticated user (engine-rest, Tasklist), else the assignee. */
    static String currentUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    /**
     * A variable of the instance itself: the task holds copies that a completion may overwrite, so what the rules
     * check (who investigated, what is being approved, which dispute) is read from the instance.
     */
    static Object model(DelegateTask task, String name) {
        return task.getExecution().getProcessInstance().getVariable(name);
    }
}
