package io.crmrecon.matching;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.BulkLoads;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.Allocations;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.NewAllocation;
import io.crmrecon.matching.engine.IncomingPayment;
import io.crmrecon.matching.engine.MatchOutcome.Status;
import io.crmrecon.matching.engine.MatchOutcome;
import io.crmrecon.matching.engine.MatchingEngine;
import io.crmrecon.matching.engine.MatchingPolicy;
import io.crmrecon.matching.engine.OpenItem;
import io.crmrecon.matching.engine.Payer;
import io.crmrecon.matching.engine.SettledDocument;
import io.crmrecon.matching.engine.StatementRef;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matching runs: load what is open, let the engine decide, record the allocations and every transaction's
 * outcome. Runs exclude each other (a lock row), so the same money is never applied twice.
 */
@Service
public class MatchingRuns {

    private static final Logger log = LoggerFactory.getLogger(MatchingRuns.class);

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledger;
    private final Allocations allocations;
    private final Customers customers;
    private final MatchingOutcomes outcomes;
    private final MatchingPolicy policy;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final List<StatementReferences> statementReferences;
    private final MatchingLock lock;
    private final TransactionTemplate separateRead;
    private final Duration settledLookback;
    private final MatchingMetrics metrics;

    MatchingRuns(JdbcTemplate jdbc, LedgerQueries ledger, Allocations allocations, Customers customers,
            MatchingOutcomes outcomes, MatchingPolicy policy, Clock clock, PlatformTransactionManager transactions,
            List<StatementReferences> statementReferences, MatchingLock lock,
            MatchingSettings settings, MatchingMetrics metrics) {
        this.metrics = metrics;
        this.settledLookback = settings.settledLookback();
        this.statementReferences = statementReferences;
        this.lock = lock;
        this.separateRead = new TransactionTemplate(transactions);
        this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateRead.setReadOnly(true);
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.allocations = allocations;
        this.customers = customers;
        this.outcomes = outcomes;
        this.policy = policy;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record RunStatus(long id, String status, Long bankStatementId, int transactions, int autoMatched,
            int suggested, int unmatched, String error) {
    }

    /** A run is going: the caller gets its id to point at. */
    public static class RunInProgress extends BadRequestException {
        private final long runId;

        RunInProgress(long runId) {
            super(HttpStatus.CONFLICT, "matching run " + runId + " is still running", List.of());
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }
    }

    /**
     * Records a new run over everything as RUNNING in the caller's transaction, or refuses at once while a run is
     * going, whoever started it (an import's run waiting for its turn counts).
     */
    public long openIfNoneRunning(String startedBy) {
        lock.holdStart();
        List<Long> running = jdbc.queryForList("SELECT id FROM matching_run WHERE status = 'RUNNING' ORDER BY id "
                + "FETCH FIRST 1 ROWS ONLY", Long.class);
        if (!running.isEmpty()) {
            throw new RunInProgress(running.get(0));
        }
        return insertRun(null, startedBy);
    }

    /**
     * Records a new run as RUNNING in the caller's transaction (an import's): it commits or rolls back with it, and
     * its job runs after any run that is going, never beside it.
     */
    public long openQueued(Long bankStatementId, String startedBy) {
        lock.holdStart();
        return insertRun(bankStatementId, startedBy);
    }

    /**
     * The run over everything that is queued and has not begun reading yet, which a documents import may join
     * instead of queuing another: it will see the import's documents, because it marks its beginning only under
     * the start lock this holds until the import commits ({@link #markWorkStarted}).
     */
    public Optional<Long> queuedOverEverything() {
        lock.holdStart();
        return jdbc.queryForList("SELECT id FROM matching_run WHERE status = 'RUNNING' AND bank_statement_id IS NULL "
                + "AND work_started_at IS NULL ORDER BY id FETCH FIRST 1 ROWS ONLY", Long.class).stream().findFirst();
    }

    /** Records a new run as RUNNING, committed at once, to be done by {@link #execute} (the run benchmark). */
    public long open(Long bankStatementId, String startedBy) {
        return newTransaction.execute(tx -> openQueued(bankStatementId, startedBy));
    }

    /** Records a new run in the transaction that is there (a job's): it commits or rolls back with the job. */
    public long openHere(Long bankStatementId, String startedBy) {
        return insertRun(bankStatementId, startedBy);
    }

    private long insertRun(Long bankStatementId, String startedBy) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO matching_run (status, bank_statement_id, started_by, "
                    + "started_at, transactions, auto_matched, suggested, unmatched) "
                    + "VALUES ('RUNNING', ?, ?, ?, 0, 0, 0, 0)", new String[] {"id"});
            ps.setObject(1, bankStatementId);
            ps.setString(2, startedBy);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Whether any incoming payment is not fully applied (a documents import starts a run only then). */
    public boolean anyPaymentWaiting() {
        return !jdbc.queryForList("SELECT t.id FROM bank_transaction t WHERE t.amount > 0 AND t.amount > "
                + "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.transaction_id = t.id), 0) "
                + "FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
    }

    /**
     * The run's job has spent its retries (an incident in Cockpit): the run failed, nothing of it was recorded.
     * Only a run still RUNNING: a run is never failed after it completed.
     */
    public void failed(long runId, String error) {
        String text = String.valueOf(error);
        jdbc.update("UPDATE matching_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ? "
                + "AND status = 'RUNNING'", Timestamp.from(clock.instant()), text.substring(0, Math.min(2000,
                text.length())), runId);
    }

    /** Someone retried the failed job (Cockpit): the run is going again. */
    public void retried(long runId) {
        jdbc.update("UPDATE matching_run SET status = 'RUNNING', finished_at = NULL, error = NULL WHERE id = ? "
                + "AND status = 'FAILED'", runId);
    }

    /**
     * Matches, in the caller's transaction (a job's, or a new one), every incoming transaction not yet applied
     * (of the run's bank statement only, if it has one), and records the result.
     */
    public RunStatus execute(long runId) {
        try {
            return newTransaction.execute(tx -> match(runId));
        } catch (RuntimeException e) {
            log.error("Matching run {} failed", runId, e);
            newTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE matching_run SET status = 'FAILED', "
                    + "finished_at = ?, error = ? WHERE id = ?", Timestamp.from(clock.instant()),
                    String.valueOf(e.getMessage()).substring(0, Math.min(2000, String.valueOf(e.getMessage()).length())),
                    runId));
            throw e;
        }
    }

    /**
     * The same as {@link #execute} in the transaction that is already there (a Camunda job's): a crash rolls it
     * back with the job, which is retried, and the run stays RUNNING until it completes or its retries are spent.
     * Waits for a run that is going. A run that is not RUNNING (completed before) is left as it is. Whether this
     * call did the run, as seen under the lock.
     */
    public boolean executeHere(long runId) {
        lock.hold();
        RunStatus now = status(runId).orElseThrow(() -> new IllegalStateException("no matching run " + runId));
        if (!"RUNNING".equals(now.status())) {
            return false;
        }
        match(runId);
        return true;
    }

    public Optional<RunStatus> status(long runId) {
        return jdbc.query("SELECT id, status, bank_statement_id, transactions, auto_matched, suggested, unmatched, "
                + "error FROM matching_run WHERE id = ?", (rs, i) -> {
                    long statement = rs.getLong(3);
                    return new RunStatus(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : statement,
                            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8));
                }, runId).stream().findFirst();
    }

    private RunStatus match(long runId) {
        lock.hold();
        markWorkStarted(runId);
        Long bankStatementId = jdbc.queryForObject("SELECT bank_statement_id FROM matching_run WHERE id = ?",
                Long.class, runId);
        Decisions decisions = decide(runId, bankStatementId);
        long t2 = System.nanoTime();
        allocations.record(decisions.allocations());
        long tAllocations = System.nanoTime();
        outcomes.record(runId, decisions.outcomes(), decisions.documentNos());
        long tOutcomes = System.nanoTime();
        // the next run's and the balances' queries are planned on these tables
        BulkLoads.analyzeAfter(jdbc, "allocation", decisions.allocations().size());
        BulkLoads.analyzeAfter(jdbc, "matching_outcome", decisions.outcomes().size() - decisions.count(Status.AUTO));
        long t3 = System.nanoTime();
        int auto = decisions.count(Status.AUTO);
        int suggested = decisions.count(Status.SUGGESTED);
        int unmatched = decisions.count(Status.UNMATCHED);
        int transactions = decisions.outcomes().size();
        jdbc.update("UPDATE matching_run SET status = 'COMPLETED', finished_at = ?, transactions = ?, auto_matched = ?, "
                        + "suggested = ?, unmatched = ? WHERE id = ?", Timestamp.from(clock.instant()), transactions,
                auto, suggested, unmatched, runId);
        metrics.autoMatched(decisions.outcomes());
        log.info("Matching run {}: {} transactions against {} open items: {} auto, {} suggested, {} unmatched "
                        + "(load {} ms, match {} ms, write {} ms: allocations {}, outcomes {}, statistics {})", runId,
                transactions, decisions.openItems(), auto, suggested, unmatched, decisions.loadMillis(),
                decisions.matchMillis(), (t3 - t2) / 1_000_000, (tAllocations - t2) / 1_000_000,
                (tOutcomes - tAllocations) / 1_000_000, (t3 - tOutcomes) / 1_000_000);
        return new RunStatus(runId, "COMPLETED", bankStatementId, transactions, auto, suggested, unmatched, null);
    }

    /**
     * Commits at once, under the start lock, that the run begins reading: an import that joined it before has
     * committed its documents by then, and one that comes later queues a run of its own.
     */
    private void markWorkStarted(long runId) {
        newTransaction.executeWithoutResult(tx -> {
            lock.holdStart();
            jdbc.update("UPDATE matching_run SET work_started_at = ? WHERE id = ? AND work_started_at IS NULL",
                    Timestamp.from(clock.instant()), runId);
        });
    }

    /** What a run writes: everything else it loaded is garbage once this is made (a 2 GB heap holds 1M of each). */
    private record Decisions(List<MatchOutcome> outcomes, List<NewAllocation> allocations,
            Map<Long, String> documentNos, int openItems, long loadMillis, long matchMillis) {

        int count(Status status) {
            return (int) outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private Decisions decide(long runId, Long bankStatementId) {
        long t0 = System.nanoTime();
        // the transactions are read beside the documents, on a connection of their own: nothing can apply money
        // between the two reads (this run holds the matching lock), and the run takes half the time to load
        ExecutorService beside = Executors.newSingleThreadExecutor(r -> new Thread(r, "matching-run-" + runId));
        List<IncomingPayment> payments;
        List<OpenItem> items = new ArrayList<>();
        List<SettledDocument> settled = new ArrayList<>();
        List<Payer> payers = new ArrayList<>();
        try {
            Future<List<IncomingPayment>> paymentsRead = beside.submit(() -> separateRead.execute(
                    tx -> unappliedPayments(bankStatementId)));
            ledger.forEachOpenDocument(clock.instant().minus(settledLookback), d -> {
                if (d.open().signum() == 0) {
                    settled.add(new SettledDocument(d.documentId(), d.documentNo(), d.taxInvoiceNo(), d.customerId(),
                            d.currency()));
                } else {
                    items.add(new OpenItem(d.documentId(), d.documentNo(), d.taxInvoiceNo(), d.customerId(),
                            kind(d.type()), d.currency(), d.open(), d.issueDate(), d.dueDate()));
                }
            });
            for (Customer c : customers.all()) {
                payers.add(new Payer(c.getId(), c.getCustomerCode(), c.getName(), c.getBankAccounts()));
            }
            payments = paymentsRead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            beside.shutdownNow();
        }
        long t1 = System.nanoTime();
        List<StatementRef> statements = new ArrayList<>();
        statementReferences.forEach(r -> statements.addAll(r.openStatements()));
        // in id order (the engine's result does not depend on it): outcomes come back in the same order, and
        // written in key order the indexes on transaction_id grow at their end instead of everywhere at once
        payments.sort(Comparator.comparingLong(IncomingPayment::transactionId));
        MatchingEngine engine = MatchingEngine.create(items, payers, statements, policy, settled);
        List<MatchOutcome> results = withoutRepeatingReversed(engine.matchAll(payments));

        List<NewAllocation> toRecord = new ArrayList<>();
        Set<Long> suggestedDocuments = new HashSet<>();
        for (int k = 0; k < results.size(); k++) {
            MatchOutcome o = results.get(k);
            if (o.status() == Status.AUTO) {
                // one outcome per payment, in the payments' order
                String currency = payments.get(k).currency();
                for (MatchOutcome.Application a : o.applications()) {
                    toRecord.add(new NewAllocation(o.transactionId(), a.documentId(), o.customerId(), currency,
                            a.amount(), a.writeOff(), NewAllocation.Method.AUTO, o.rule().name(), o.confidence(),
                            runId, null, null));
                }
                if (o.onAccount() != null && o.onAccount().signum() > 0) {
                    toRecord.add(new NewAllocation(o.transactionId(), null, o.customerId(), currency,
                            o.onAccount(), BigDecimal.ZERO, NewAllocation.Method.AUTO, o.rule().name(),
                            o.confidence(), runId, "left on account", null));
                }
            } else if (o.suggestions() != null) {
                o.suggestions().forEach(suggestion -> suggestedDocuments.addAll(suggestion.documentIds()));
            }
        }
        // clerks see document numbers in suggestions
        Map<Long, String> documentNos = new HashMap<>();
        for (OpenItem item : items) {
            if (suggestedDocuments.contains(item.documentId())) {
                documentNos.put(item.documentId(), item.documentNo());
            }
        }
        long t2 = System.nanoTime();
        return new Decisions(results, toRecord, documentNos, items.size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
    }

    private List<IncomingPayment> unappliedPayments(Long bankStatementId) {
        List<IncomingPayment> payments = new ArrayList<>();
        ledger.forEachUnappliedTransaction(bankStatementId, t -> payments.add(new IncomingPayment(t.transactionId(),
                t.remaining(), t.currency(), t.bookingDate(), t.counterpartyName(), t.counterpartyAccount(),
                t.remittanceInfo(), t.structuredReference())));
        return payments;
    }

    /**
     * A clerk who reversed an allocation of a payment said the machine was wrong about it: such a payment is not
     * applied automatically again, its match is only suggested.
     */
    private List<MatchOutcome> withoutRepeatingReversed(List<MatchOutcome> results) {
        Set<Long> reversed = new HashSet<>(jdbc.queryForList("SELECT DISTINCT o.transaction_id "
                + "FROM allocation r JOIN allocation o ON o.id = r.reverses_id WHERE o.transaction_id IS NOT NULL",
                Long.class));
        if (reversed.isEmpty()) {
            return results;
        }
        List<MatchOutcome> out = new ArrayList<>(results.size());
        for (MatchOutcome o : results) {
            if (o.status() == Status.AUTO && reversed.contains(o.transactionId())) {
                List<Long> documents = o.applications().stream().map(MatchOutcome.Application::documentId).toList();
                var suggestion = new MatchOutcome.Suggestion(o.customerId(), documents, o.rule(), o.confidence(),
                        "matched by " + o.rule() + " before, but a clerk reversed an allocation of this payment");
                out.add(new MatchOutcome(o.transactionId(), Status.SUGGESTED, o.customerId(), List.of(),
                        BigDecimal.ZERO, null, null, List.of(suggestion)));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static OpenItem.ItemKind kind(DocumentType type) {
        return switch (type) {
            case INVOICE -> OpenItem.ItemKind.INVOICE;
            case DEBIT_NOTE -> OpenItem.ItemKind.DEBIT_NOTE;
            case CREDIT_NOTE -> OpenItem.ItemKind.CREDIT_NOTE;
            case BILL -> throw new IllegalArgumentException("a bill is not a receivable");
        };
    }
}
