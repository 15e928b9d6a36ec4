package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks at the ledger, holding the settlement's row: is it paid (money may have come while nobody was waiting for
 * the message), and how many days past its due date is it (the dunning table's input).
 */
@Component("checkPaymentDelegate")
class CheckPaymentDelegate implements JavaDelegate {

    private final Settlements settlements;
    private final Clock clock;

    CheckPaymentDelegate(Settlements settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = longOf(execution.getVariable(SETTLEMENT_ID), SETTLEMENT_ID);
        // before a wait: the matching side cannot tell of money between this look and the wait's commit
        settlements.lock(id);
        Settlement s = settlements.get(id);
        execution.setVariable(CLEARED, settlements.outstanding(s).signum() <= 0);
        execution.setVariable(DAYS_OVERDUE, SettlementTerms.daysOverdue(s.dueDate(), LocalDate.now(clock)));
    }
}
