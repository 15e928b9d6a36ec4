package io.crmrecon.dispute;

import static io.crmrecon.dispute.DisputeVariables.*;

import io.crmrecon.statement.StatementDisputes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the disputed statement's {@code customerStatement} instance the outcome: ACCEPTED (it issues a new version
 * with the note) or REJECTED (it reopens the version and tells the customer why). A job of its own: when the
 * instance cannot take the message, the job is retried and then shows as an incident.
 */
@Component("tellStatementDelegate")
class TellStatementDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        boolean accepted = "ACCEPT".equals(execution.getVariable(RESOLUTION));
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(StatementDisputes.RESOLVED_MESSAGE)
                .processInstanceId(text(execution.getVariable(STATEMENT_PROCESS_INSTANCE_ID)))
                .setVariable(StatementDisputes.OUTCOME,
                        accepted ? StatementDisputes.ACCEPTED : StatementDisputes.REJECTED)
                .setVariable(StatementDisputes.RESOLUTION_NOTE, text(execution.getVariable(RESOLUTION_NOTE)))
                .correlate();
    }
}
