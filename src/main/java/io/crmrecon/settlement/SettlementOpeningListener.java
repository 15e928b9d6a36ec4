package io.crmrecon.settlement;

import static io.crmrecon.settlement.SettlementVariables.*;

import io.crmrecon.statement.AgreedStatements;
import io.crmrecon.statement.StatementAgreed;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A statement was agreed: its settlement's instance starts in that transaction (its first step is a job, so the
 * customer's click or the statement's timer does no settlement work itself). Business key: the settlement number.
 */
@Component
class SettlementOpeningListener {

    private final AgreedStatements statements;
    private final RuntimeService runtime;

    SettlementOpeningListener(AgreedStatements statements, RuntimeService runtime) {
        this.statements = statements;
        this.runtime = runtime;
    }

    @EventListener
    void on(StatementAgreed event) {
        statements.of(event.statementId()).ifPresent(s -> {
            String no = Settlements.numberOf(s.statementNo());
            if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(no)
                    .count() > 0) {
                return;
            }
            runtime.startProcessInstanceByKey(PROCESS_KEY, no, Variables.createVariables()
                    .putValue(STATEMENT_ID, s.statementId())
                    .putValue(SETTLEMENT_NO, no));
        });
    }
}
