package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the settlement with the status its step names ({@code closeAs}, an input of the step). */
@Component("closeSettlementDelegate")
class CloseSettlementDelegate implements JavaDelegate {

    private final Settlements settlements;

    CloseSettlementDelegate(Settlements settlements) {
        this.settlements = settlements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SettlementStatus how = SettlementStatus.valueOf(String.valueOf(execution.getVariable(CLOSE_AS)));
        Object by = execution.getVariable(DECIDED_BY);
        Object note = execution.getVariable(NOTE);
        settlements.close(longOf(execution.getVariable(SETTLEMENT_ID), SETTLEMENT_ID), how,
                by == null ? "system" : by.toString(), note == null ? null : note.toString());
    }
}
