package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the next mail ({@code mailKind}) with a fresh link; the deliver job after it sends it. */
@Component("prepareStatementMailDelegate")
class PrepareStatementMailDelegate implements JavaDelegate {

    private final StatementSending sending;

    PrepareStatementMailDelegate(StatementSending sending) {
        this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object sent = execution.getVariable(MAIL_NO);
        int mailNo = sent == null ? 1 : (int) longOf(sent, MAIL_NO) + 1;
        long outboxId = sending.prepare(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                MailKind.valueOf((String) execution.getVariable(MAIL_KIND)), mailNo);
        execution.setVariable(MAIL_NO, mailNo);
        execution.setVariable(OUTBOX_ID, outboxId);
    }
}
