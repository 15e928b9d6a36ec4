package io.crmrecon.matching;

import io.crmrecon.ledger.BankStatementImport;
import io.crmrecon.ledger.MatchingAfterImport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every matching run starts here, as a process instance whose auto-match job does the run: from a bank statement
 * import (its new transactions, paymentMatching), and over every payment waiting (matchingRun) from the API
 * (refused while a run is going) or a documents import (the new invoices may settle waiting payments). The run is recorded RUNNING in the same transaction
 * as its instance, so its status follows its job: retried after a crash, FAILED only once the retries are spent.
 */
@Component
class PaymentMatchingListener implements MatchingAfterImport {

    static final String KEY = "paymentMatching";
    /** A run over everything: its own small process, whose job is the run. */
    static final String RUN_KEY = "matchingRun";

    private final RuntimeService runtime;
    private final BankStatementImport bankStatements;
    private final MatchingRuns runs;
    private final TransactionTemplate newTransaction;

    PaymentMatchingListener(RuntimeService runtime, BankStatementImport bankStatements, MatchingRuns runs,
            PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.bankStatements = bankStatements;
        this.runs = runs;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A run over every payment not yet applied, asked for by a person or a script; 409 while one is going. */
    long startRun(String startedBy) {
        return newTransaction.execute(tx -> {
            long runId = runs.openIfNoneRunning(startedBy);
            startOverEverything(runId);
            return runId;
        });
    }

    @Override
    public StartedRun bankStatementImported(long bankStatementId, String importedBy) {
        long runId = runs.openQueued(bankStatementId, importedBy);
        runtime.startProcessInstanceByKey(KEY, Long.toString(bankStatementId),
                variables(bankStatementId, Map.of("matchingRunId", runId)));
        return started(runId);
    }

    @Override
    public Optional<StartedRun> documentsImported(String importedBy) {
        if (!runs.anyPaymentWaiting()) {
            return Optional.empty();
        }
        Optional<Long> queued = runs.queuedOverEverything();
        if (queued.isPresent()) {
            return Optional.of(started(queued.get()));
        }
        long runId = runs.openQueued(null, importedBy == null ? "documents import" : importedBy);
        startOverEverything(runId);
        return Optional.of(started(runId));
    }

    /** After a run over everything: the exceptions of each bank statement go to clerks through its own instance. */
    void handOverExceptions(long runId, long bankStatementId) {
        runtime.startProcessInstanceByKey(KEY, Long.toString(bankStatementId),
                variables(bankStatementId, Map.of("matchingRunId", runId)));
    }

    /** A run over everything has no bank statement: Cockpit finds its instance by the run, "run-{id}". */
    private void startOverEverything(long runId) {
        runtime.startProcessInstanceByKey(RUN_KEY, businessKeyOfRun(runId), Map.of("matchingRunId", runId));
    }

    static String businessKeyOfRun(long runId) {
        return "run-" + runId;
    }

    static StartedRun started(long runId) {
        return new StartedRun(runId, "/api/matching/runs/" + runId);
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
