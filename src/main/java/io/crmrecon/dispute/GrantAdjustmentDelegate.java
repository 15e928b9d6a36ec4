package io.crmrecon.dispute;

import static io.crmrecon.common.VariableValues.longOf;
import static io.crmrecon.dispute.DisputeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ACCEPT, approved where it had to be: posts the credit or debit note and records the dispute as accepted. */
@Component("grantAdjustmentDelegate")
class GrantAdjustmentDelegate implements JavaDelegate {

    private final Disputes disputes;

    GrantAdjustmentDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.grant(longOf(execution.getVariable(DISPUTE_ID), DISPUTE_ID), decision(execution),
                text(execution.getVariable(APPROVER)));
    }

    /** The investigation's decision as the task stored it (normalised there, so it parses again). */
    static DisputeDecision.Investigation decision(DelegateExecution execution) {
        return DisputeDecision.investigation(execution.getVariable(RESOLUTION),
                execution.getVariable(ADJUSTMENT_AMOUNT), execution.getVariable(ADJUSTMENT_TYPE),
                execution.getVariable(RESOLUTION_NOTE), text(execution.getVariable(INVESTIGATOR)),
                text(execution.getVariable(CURRENCY)));
    }
}
