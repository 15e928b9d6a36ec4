package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the dunning letter the dunning table chose (template, tone, copy to the account manager). */
@Component("sendDunningDelegate")
class SendDunningDelegate implements JavaDelegate {

    private final Settlements settlements;
    private final SettlementMails mails;

    SendDunningDelegate(Settlements settlements, SettlementMails mails) {
        this.settlements = settlements;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = longOf(execution.getVariable(SETTLEMENT_ID), SETTLEMENT_ID);
        // paid since the due date was checked: no letter (the look before the clerk's task closes it)
        if (settlements.paid(id)) {
            execution.setVariable(MAIL_ID, null);
            return;
        }
        int level = ((Number) execution.getVariable(DUNNING_LEVEL)).intValue();
        String template = String.valueOf(execution.getVariable(DUNNING_TEMPLATE));
        long mail = mails.queueDunning(settlements.get(id), template, String.valueOf(execution.getVariable(DUNNING_TONE)),
                Boolean.TRUE.equals(execution.getVariable(COPY_ACCOUNT_MANAGER)));
        execution.setVariable(MAIL_ID, mail);
        settlements.dunned(id, level, template);
        execution.setVariable(ESCALATED, false);
    }
}
