package io.crmrecon.dispute;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.dispute.DisputeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** REJECT: records the dispute as rejected, with the reason the customer will be told. */
@Component("rejectDisputeDelegate")
class RejectDisputeDelegate implements JavaDelegate {

    private final Disputes disputes;

    RejectDisputeDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.reject(longOf(execution.getVariable(DISPUTE_ID), DISPUTE_ID),
                GrantAdjustmentDelegate.decision(execution));
    }
}
