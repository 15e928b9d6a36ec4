package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.*;

import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the settlement (netting, items, due date) and tells the model what is owed and when to look again. */
@Component("openSettlementDelegate")
class OpenSettlementDelegate implements JavaDelegate {

    private final Settlements settlements;
    private final Customers customers;
    private final SettlementSettings settings;
    private final Clock clock;

    OpenSettlementDelegate(Settlements settlements, Customers customers, SettlementSettings settings, Clock clock) {
        this.settlements = settlements;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Settlement s = settlements.open(longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID));
        settlements.started(s.id(), execution.getProcessInstanceId());
        execution.setVariable(SETTLEMENT_ID, s.id());
        execution.setVariable(OWED, SettlementTerms.owed(s.netAmount()).name());
        execution.setVariable(NEXT_CHECK_AT, Date.from(s.dueDate().plusDays(1).atTime(settings.checkTime())
                .atZone(clock.getZone()).toInstant()));
        execution.setVariable(SEGMENT, customers.byId(s.customerId()).map(Customer::segmentForRules).orElse(""));
        execution.setVariable(ESCALATED, false);
    }
}
