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
        Object note = execution.getVariable(RESOLUTION_NOTE);
        Statement next = generation.reissue(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID),
                execution.getProcessInstanceId(), note == null || note.toString().isBlank() ? null : note.toString());
        execution.setVariable(STATEMENT_ID, next.id());
        if (GenerateStatementDelegate.storesEverything(execution)) {
            execution.setVariable(VERSION, next.version());
        }
        // a reminder of the version before may have set another kind
        execution.setVariable(MAIL_KIND, MailKind.FIRST.name());
    }
}
