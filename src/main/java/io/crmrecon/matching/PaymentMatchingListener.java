package io.crmrecon.matching;

import io.crmrecon.ledger.BankStatementImport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts paymentMatching for each bank statement that brought new transactions, in the import's transaction. */
@Component
class PaymentMatchingListener {

    static final String KEY = "paymentMatching";

    private final RuntimeService runtime;
    private final BankStatementImport bankStatements;

    PaymentMatchingListener(RuntimeService runtime, BankStatementImport bankStatements) {
        this.runtime = runtime;
        this.bankStatements = bankStatements;
    }

    @EventListener
    void on(BankStatementImport.Imported imported) {
        runtime.startProcessInstanceByKey(KEY, Long.toString(imported.bankStatementId()),
                variables(imported.bankStatementId(), Map.of()));
    }

    /** After a run over everything: the exceptions of each bank statement go to clerks through its own instance. */
    void handOverExceptions(long runId, long bankStatementId) {
        runtime.startProcessInstanceByKey(KEY, Long.toString(bankStatementId),
                variables(bankStatementId, Map.of("matchingRunId", runId)));
    }

    /** The ids the process works with, and what a person finds the instance by in Cockpit. */
    private Map<String, Object> variables(long bankStatementId, Map<String, Object> more) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("bankStatementId", bankStatementId);
        variables.putAll(more);
        variables.putAll(StatementVariables.of(bankStatements.facts(bankStatementId)));
        return variables;
    }
}
