package io.crmrecon.settlement;

import static io.crmrecon.settlement.SettlementVariables.*;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.FormRefusalHandler;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * refundCustomer. Created: shows the settlement. Completed: {@code refunded} must be said (true or false); keeping
 * the credit on the account needs a note. The answer stays on the task; the model copies it out.
 */
@Component("refundListener")
class RefundListener implements TaskListener {

    private final Settlements settlements;
    private final SettlementTaskViews views;
    private final MessageSource messages;

    RefundListener(Settlements settlements, SettlementTaskViews views, MessageSource messages) {
        this.settlements = settlements;
        this.views = views;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = settlements.idOf(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            SettlementTaskViews.View view = views.of(id, "退款 Refund");
            task.setName(view.taskName());
            task.setVariablesLocal(view.variables());
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Object answer = task.getVariable(REFUNDED);
        Boolean refunded = answer instanceof Boolean b ? b
                : answer != null && answer.toString().strip().equalsIgnoreCase("true") ? Boolean.TRUE
                : answer != null && answer.toString().strip().equalsIgnoreCase("false") ? Boolean.FALSE : null;
        if (refunded == null) {
            throw FormRefusalHandler.formError(messages, new FieldRefusal(REFUNDED, "settlement.refund.badAnswer"));
        }
        Object note = task.getVariable(NOTE);
        String text = note == null || note.toString().isBlank() ? null : note.toString().strip();
        if (text != null && text.length() > CollectionDecision.MAX_NOTE) {
            throw FormRefusalHandler.formError(messages, new FieldRefusal(NOTE, "settlement.followUp.noteTooLong",
                    CollectionDecision.MAX_NOTE));
        }
        if (!refunded && text == null) {
            throw FormRefusalHandler.formError(messages, new FieldRefusal(NOTE, "settlement.refund.keptNeedsNote"));
        }
        var scope = task.getExecution();
        scope.setVariableLocal(REFUNDED, refunded);
        scope.setVariableLocal(NOTE, text);
        scope.setVariableLocal(DECIDED_BY, CollectionFollowUpListener.currentUser(task));
    }
}
