package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The dispute was rejected: the version is open for an answer again, and the customer is sent why. */
@Component("reopenStatementDelegate")
class ReopenStatementDelegate implements JavaDelegate {

    private final StatementWaiting waiting;

    ReopenStatementDelegate(StatementWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(RESOLUTION_NOTE);
        waiting.reopen(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                reason == null ? null : reason.toString());
        execution.setVariable(MAIL_KIND, MailKind.RESEND.name());
    }
}
