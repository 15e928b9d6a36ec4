package io.crmrecon.settlement;

import static io.crmrecon.settlement.SettlementVariables.PAID_MESSAGE;

import io.crmrecon.ledger.AllocationsRecorded;
import io.crmrecon.ledger.NewAllocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The matching side's message: when allocations are recorded, each open settlement of those customers that is now
 * paid is told so ({@code settlementPaid}), in the transaction that recorded them. The step after the message is a
 * job, so the hand-over costs the matching transaction three queries and a correlation per paid settlement, not the
 * settlement's work. Every wait for the money begins with a look at the ledger under the settlement's row lock, which
 * this listener takes too before it correlates: money recorded while an instance was between steps is seen there.
 */
@Component
class PaymentListener {

    private static final int CHUNK = 1000;

    private final Settlements settlements;
    private final RuntimeService runtime;

    PaymentListener(Settlements settlements, RuntimeService runtime) {
        this.settlements = settlements;
        this.runtime = runtime;
    }

    @EventListener
    void on(AllocationsRecorded event) {
        if (!settlements.anyOpen()) {
            return;
        }
        Set<Long> customers = new LinkedHashSet<>();
        for (NewAllocation a : event.allocations()) {
            if (a.customerId() != null) {
                customers.add(a.customerId());
            }
        }
        List<Long> all = new ArrayList<>(customers);
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Settlement s : settlements.paidAmong(settlements.openOf(all.subList(i, Math.min(all.size(),
                    i + CHUNK))))) {
                if (s.processInstanceId() != null) {
                    // an instance about to wait has the row: once it has committed its wait, the message finds it
                    settlements.lock(s.id());
                    runtime.createMessageCorrelation(PAID_MESSAGE).processInstanceId(s.processInstanceId())
                            .correlateAllWithResult();
                }
            }
        }
    }
}
