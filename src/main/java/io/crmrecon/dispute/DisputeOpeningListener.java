package io.crmrecon.dispute;

import static io.crmrecon.dispute.DisputeVariables.*;

import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.statement.StatementDisputed;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A statement's instance handed a dispute over: the dispute is opened and its {@code disputeHandling} instance
 * started, in the statement job's transaction (a retried job finds the dispute and its instance there).
 */
@Component
class DisputeOpeningListener {

    private final Disputes disputes;
    private final Customers customers;
    private final RuntimeService runtime;

    DisputeOpeningListener(Disputes disputes, Customers customers, RuntimeService runtime) {
        this.disputes = disputes;
        this.customers = customers;
        this.runtime = runtime;
    }

    @EventListener
    void on(StatementDisputed event) {
        disputes.open(event.statementId()).filter(d -> d.processInstanceId() == null).ifPresent(d -> {
            String segment = customers.byId(d.customerId()).map(Customer::segmentForRules).orElse("");
            String id = runtime.startProcessInstanceByKey(PROCESS_KEY, d.disputeNo(), Variables.createVariables()
                    .putValue(DISPUTE_ID, d.id())
                    .putValue(DISPUTE_NO, d.disputeNo())
                    .putValue(STATEMENT_PROCESS_INSTANCE_ID, event.statementProcessInstanceId())
                    .putValue(CURRENCY, d.currency())
                    .putValue(REASON, d.reason())
                    .putValue(DISPUTED_AMOUNT, d.disputedAmount().doubleValue())
                    .putValue(SEGMENT, segment)).getId();
            disputes.started(d.id(), id);
        });
    }
}
