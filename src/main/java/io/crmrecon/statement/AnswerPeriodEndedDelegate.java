package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The time to answer ran out: deemed confirmed (when the customer's silence counts), an answer, or a follow-up. */
@Component("answerPeriodEndedDelegate")
class AnswerPeriodEndedDelegate implements JavaDelegate {

    private final StatementWaiting waiting;

    AnswerPeriodEndedDelegate(StatementWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PERIOD_END,
                waiting.answerPeriodEnded(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID)).name());
    }
}
