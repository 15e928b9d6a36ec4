package io.crmrecon.matching;

import io.crmrecon.ledger.BankStatementImport;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts paymentMatching for each bank statement that brought new transactions, in the import's transaction. */
@Component
class PaymentMatchingListener {

    static final String KEY = "paymentMatching";

    private final RuntimeService runtime;

    PaymentMatchingListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(BankStatementImport.Imported imported) {
        runtime.startProcessInstanceByKey(KEY, Long.toString(imported.bankStatementId()),
                Map.of("bankStatementId", imported.bankStatementId()));
    }

    /** After a run over everything: the exceptions of each bank statement go to clerks through its own instance. */
    void handOverExceptions(long runId, long bankStatementId) {
        runtime.startProcessInstanceByKey(KEY, Long.toString(bankStatementId),
                Map.of("bankStatementId", bankStatementId, "matchingRunId", runId));
    }
}
