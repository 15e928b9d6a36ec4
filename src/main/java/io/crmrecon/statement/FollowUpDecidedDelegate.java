package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Carries out the clerk's follow-up decision, unless the customer answered while the task was open. */
@Component("followUpDecidedDelegate")
class FollowUpDecidedDelegate implements JavaDelegate {

    private final StatementWaiting waiting;

    FollowUpDecidedDelegate(StatementWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUpOutcome outcome = FollowUpOutcome.parse(execution.getVariable(FOLLOW_UP_OUTCOME))
                .orElseThrow(() -> new IllegalStateException("no follow-up outcome"));
        Object by = execution.getVariable(FOLLOW_UP_BY);
        Object note = execution.getVariable(FOLLOW_UP_NOTE);
        StatementWaiting.FollowUpResult result = waiting.followUp(
                longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID), outcome,
                by == null ? "clerk" : by.toString(), note == null || note.toString().isBlank() ? null : note.toString());
        execution.setVariable(FOLLOW_UP_RESULT, result.name());
        if (result == StatementWaiting.FollowUpResult.RESEND) {
            execution.setVariable(MAIL_KIND, MailKind.RESEND.name());
        }
    }
}
