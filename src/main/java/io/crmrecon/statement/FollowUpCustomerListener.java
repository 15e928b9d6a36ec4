package io.crmrecon.statement;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * followUpCustomer: refuses an outcome that is none of RESEND, DEEMED_CONFIRMED and CLOSE (the engine's form
 * validation error: 400 in engine-rest, the task stays open), and notes who decided, for the status history.
 */
@Component("followUpCustomerListener")
class FollowUpCustomerListener implements TaskListener {

    static final String OUTCOME = "outcome";

    private final MessageSource messages;

    FollowUpCustomerListener(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Object outcome = task.getVariable(OUTCOME);
        FollowUpOutcome chosen = FollowUpOutcome.parse(outcome).orElseThrow(() -> {
            Object[] args = {outcome == null ? "" : outcome.toString()};
            // no request and no user locale here: Chinese, then English
            return new FormFieldValidationException(OUTCOME,
                    messages.getMessage("statementprocess.followUp.badOutcome", args, Locale.SIMPLIFIED_CHINESE)
                            + " / " + messages.getMessage("statementprocess.followUp.badOutcome", args,
                                    Locale.ENGLISH));
        });
        task.setVariableLocal(OUTCOME, chosen.name());
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null ? authentication.getUserId() : task.getAssignee();
        task.setVariableLocal("decidedBy", user);
    }
}
