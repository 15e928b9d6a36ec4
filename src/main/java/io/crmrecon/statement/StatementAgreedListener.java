package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** On the end events where the customer agreed: tells whoever settles the agreed balance. */
@Component("statementAgreedListener")
class StatementAgreedListener implements ExecutionListener {

    private final ApplicationEventPublisher events;

    StatementAgreedListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        events.publishEvent(new StatementAgreed(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID)));
    }
}
