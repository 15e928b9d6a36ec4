package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/** customerStatement's first step, a job: the statement's version is generated and stored (GENERATED). */
@Component("generateStatementDelegate")
class GenerateStatementDelegate implements JavaDelegate {

    private final StatementGeneration generation;
    private final StatementSettings settings;

    GenerateStatementDelegate(StatementGeneration generation, StatementSettings settings) {
        this.generation = generation;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object run = execution.getVariable(STATEMENT_RUN_ID);
        Object version = execution.getVariable(VERSION);
        Statement statement = generation.generate(new StatementGeneration.Request(
                run == null ? null : longOf(run, STATEMENT_RUN_ID),
                longOf(execution.getVariable(CUSTOMER_ID), CUSTOMER_ID),
                (String) execution.getVariable(CURRENCY),
                StatementPeriod.parse((String) execution.getVariable(PERIOD)),
                (String) execution.getVariable(STATEMENT_NO),
                version == null ? 1 : (int) longOf(version, VERSION),
                execution.getProcessInstanceId()));
        execution.setVariable(STATEMENT_ID, statement.id());
        // no mailKind: the first mail of a version is FIRST; no version: statementId names it
        if (storesEverything(execution)) {
            execution.setVariable(VERSION, statement.version());
            execution.setVariable(MAIL_KIND, MailKind.FIRST.name());
        }
        execution.setVariable(SEND_RETRY_CYCLE, settings.sendRetryCycle());
    }

    /**
     * Whether the instance runs on a model deployed before version tag 2, which still reads {@code reminderLeft},
     * and {@code version} and {@code mailKind} in its follow-up task: instances started before an upgrade finish on
     * the model they started on, so for them these are stored as before.
     */
    static boolean storesEverything(DelegateExecution execution) {
        String tag = ((ExecutionEntity) execution).getProcessDefinition().getVersionTag();
        return tag == null || tag.isBlank();
    }
}
