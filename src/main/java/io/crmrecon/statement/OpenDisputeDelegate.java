package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The customer disputed the version: hands the dispute over to be handled ({@code disputeHandling}), inside this
 * job's transaction, before the instance waits for the outcome.
 */
@Component("openDisputeDelegate")
class OpenDisputeDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    OpenDisputeDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new StatementDisputed(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                execution.getProcessInstanceId()));
    }
}
