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
                mailKind(execution), mailNo);
        execution.setVariable(MAIL_NO, mailNo);
        execution.setVariable(OUTBOX_ID, outboxId);
    }

    /** What the next mail is: {@code mailKind}, which is not set before the first mail of the first version. */
    static MailKind mailKind(DelegateExecution execution) {
        Object kind = execution.getVariable(MAIL_KIND);
        return kind == null ? MailKind.FIRST : MailKind.valueOf(kind.toString());
    }
}
