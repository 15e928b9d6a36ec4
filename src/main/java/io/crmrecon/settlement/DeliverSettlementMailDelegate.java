package io.crmrecon.settlement;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.settlement.SettlementVariables.MAIL_ID;

import io.crmrecon.notification.Outbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the mail the step before queued (if it queued one); a server that refuses it fails the job, which retries. */
@Component("deliverSettlementMailDelegate")
class DeliverSettlementMailDelegate implements JavaDelegate {

    private final Outbox outbox;

    DeliverSettlementMailDelegate(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object mail = execution.getVariable(MAIL_ID);
        if (mail != null) {
            outbox.deliver(longOf(mail, MAIL_ID));
        }
    }
}
