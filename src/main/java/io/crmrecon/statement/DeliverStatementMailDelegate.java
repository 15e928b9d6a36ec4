package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deliver job: sends the queued mail (a refusal fails the job, which retries) and records it. */
@Component("deliverStatementMailDelegate")
class DeliverStatementMailDelegate implements JavaDelegate {

    private final StatementSending sending;

    DeliverStatementMailDelegate(StatementSending sending) {
        this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sending.deliver(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                longOf(execution.getVariable(OUTBOX_ID), OUTBOX_ID),
                PrepareStatementMailDelegate.mailKind(execution));
    }
}
