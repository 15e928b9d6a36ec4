package io.crmrecon.matching;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.Allocations;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.NewAllocation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    MatchingRuns(JdbcTemplate jdbc, LedgerQueries ledger, Allocations allocations, Customers customers,
            MatchingOutcomes outcomes, MatchingPolicy policy, Clock clock, PlatformTransactionManager transactions,
            List<StatementReferences> statementReferences) {
        this.statementReferences = statementReferences;
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

    /** Records a new run as RUNNING (committed at once, so others see it), or refuses while one is going. */
    public long open(Long bankStatementId, String startedBy) {
        return newTransaction.execute(tx -> {
            jdbc.queryForObject("SELECT id FROM matching_lock WHERE id = 1 FOR UPDATE", Integer.class);
            List<Long> running = jdbc.queryForList("SELECT id FROM matching_run WHERE status = 'RUNNING' "
                    + "AND bank_statement_id IS NULL ORDER BY id", Long.class);
            if (!running.isEmpty()) {
                throw new RunInProgress(running.get(0));
            }
            return insertRun(bankStatementId, startedBy);
        });
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

    /** A restart ends the runs it interrupted: they rolled back, nothing of them was recorded. */
    public int failInterrupted() {
        return jdbc.update("UPDATE matching_run SET status = 'FAILED', finished_at = ?, error = "
                + "'interrupted by a restart; nothing of it was recorded' WHERE status = 'RUNNING'",
                Timestamp.from(clock.instant()));
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

    /** The same as {@link #execute} in the transaction that is already there (a Camunda job's). */
    public RunStatus executeHere(long runId) {
        return match(runId);
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
        jdbc.queryForObject("SELECT id FROM matching_lock WHERE id = 1 FOR UPDATE", Integer.class);
        Long bankStatementId = jdbc.queryForObject("SELECT bank_statement_id FROM matching_run WHERE id = ?",
                Long.class, runId);
        long t0 = System.nanoTime();
        List<OpenItem> items = new ArrayList<>();
        Map<Long, String> documentNos = new HashMap<>();
        ledger.forEachOpenDocument(d -> {
            items.add(new OpenItem(d.documentId(), d.documentNo(), d.taxInvoiceNo(), d.customerId(), kind(d.type()),
                    d.currency(), d.open(), d.issueDate(), d.dueDate()));
            documentNos.put(d.documentId(), d.documentNo());
        });
        List<Payer> payers = new ArrayList<>();
        Map<Long, String> currencyOf = new HashMap<>();
        for (Customer c : customers.all()) {
            payers.add(new Payer(c.getId(), c.getCustomerCode(), c.getName(), c.getBankAccounts()));
            currencyOf.put(c.getId(), c.getCurrency());
        }
        List<IncomingPayment> payments = new ArrayList<>();
        Map<Long, String> paymentCurrency = new HashMap<>();
        ledger.forEachUnappliedTransaction(bankStatementId, t -> {
            payments.add(new IncomingPayment(t.transactionId(), t.remaining(), t.currency(), t.bookingDate(),
                    t.counterpartyName(), t.counterpartyAccount(), t.remittanceInfo(), t.structuredReference()));
            paymentCurrency.put(t.transactionId(), t.currency());
        });
        long t1 = System.nanoTime();
        List<StatementRef> statements = new ArrayList<>();
        statementReferences.forEach(r -> statements.addAll(r.openStatements()));
        MatchingEngine engine = MatchingEngine.create(items, payers, statements, policy);
        List<MatchOutcome> results = withoutRepeatingReversed(engine.matchAll(payments));
        long t2 = System.nanoTime();

        List<NewAllocation> toRecord = new ArrayList<>();
        int auto = 0;
        int suggested = 0;
        int unmatched = 0;
        for (MatchOutcome o : results) {
            switch (o.status()) {
                case AUTO -> {
                    auto++;
                    String currency = paymentCurrency.get(o.transactionId());
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
                }
                case SUGGESTED -> suggested++;
                case UNMATCHED -> unmatched++;
            }
        }
        allocations.record(toRecord);
        long t25 = System.nanoTime();
        outcomes.record(runId, results, documentNos);
        long t3 = System.nanoTime();
        log.debug("allocations {} ms, outcomes {} ms", (t25 - t2) / 1_000_000, (t3 - t25) / 1_000_000);
        jdbc.update("UPDATE matching_run SET status = 'COMPLETED', finished_at = ?, transactions = ?, auto_matched = ?, "
                        + "suggested = ?, unmatched = ? WHERE id = ?", Timestamp.from(clock.instant()), results.size(),
                auto, suggested, unmatched, runId);
        log.info("Matching run {}: {} transactions against {} open items: {} auto, {} suggested, {} unmatched "
                        + "(load {} ms, match {} ms, write {} ms)", runId, payments.size(), items.size(), auto,
                suggested, unmatched, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return new RunStatus(runId, "COMPLETED", bankStatementId, results.size(), auto, suggested, unmatched, null);
    }

    /**
     * A clerk who reversed an allocation of a payment said the machine was wrong about it: such a payment is not
     * applied automatically again, its match is only suggested.
     */
    private List<MatchOutcome> withoutRepeatingReversed(List<MatchOutcome> results) {
        java.util.Set<Long> reversed = new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT o.transaction_id "
                + "FROM allocation r JOIN allocation o ON o.id = r.reverses_id WHERE o.transaction_id IS NOT NULL",
                Long.class));
        if (reversed.isEmpty()) {
            return results;
        }
        List<MatchOutcome> out = new ArrayList<>(results.size());
        for (MatchOutcome o : results) {
            if (o.status() == MatchOutcome.Status.AUTO && reversed.contains(o.transactionId())) {
                List<Long> documents = o.applications().stream().map(MatchOutcome.Application::documentId).toList();
                var suggestion = new MatchOutcome.Suggestion(o.customerId(), documents, o.rule(), o.confidence(),
                        "matched by " + o.rule() + " before, but a clerk reversed an allocation of this payment");
                out.add(new MatchOutcome(o.transactionId(), MatchOutcome.Status.SUGGESTED, o.customerId(), List.of(),
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
