package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the payment request (the agreed statement's PDF attached) in this job's transaction; the next step sends it. */
@Component("requestPaymentDelegate")
class RequestPaymentDelegate implements JavaDelegate {

    private final Settlements settlements;
    private final SettlementMails mails;

    RequestPaymentDelegate(Settlements settlements, SettlementMails mails) {
        this.settlements = settlements;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = longOf(execution.getVariable(SETTLEMENT_ID), SETTLEMENT_ID);
        // paid since it was opened: no request (the wait's look at the ledger closes it)
        if (settlements.paid(id)) {
            execution.setVariable(MAIL_ID, null);
            return;
        }
        execution.setVariable(MAIL_ID, mails.queuePaymentRequest(settlements.get(id)));
        settlements.requested(id);
    }
}
