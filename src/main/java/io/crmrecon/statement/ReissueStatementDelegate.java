package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A dispute was accepted: the next version of the number supersedes the disputed one and is sent as new. */
@Component("reissueStatementDelegate")
class ReissueStatementDelegate implements JavaDelegate {

    private final StatementGeneration generation;

    ReissueStatementDelegate(StatementGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Statement next = generation.reissue(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                execution.getProcessInstanceId());
        execution.setVariable(STATEMENT_ID, next.id());
        execution.setVariable(VERSION, next.version());
        execution.setVariable(MAIL_KIND, MailKind.FIRST.name());
    }
}
