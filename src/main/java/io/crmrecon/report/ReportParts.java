package io.crmrecon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the parts of one report side by side on PostgreSQL, each on a connection of its own and all in the snapshot
 * of the caller's transaction (exported, then imported by each part), so the parts add up to one state of the
 * ledger. A single query uses one core for its grouping: PostgreSQL's own parallel plan groups every customer in
 * every worker and then merges them again, which took longer than one process. Parts that group disjoint customers
 * do not overlap.
 *
 * <p>The caller's transaction must be REPEATABLE READ. A part that no worker has begun when the caller is done with
 * its own is run by the caller itself, in its transaction: a report never waits for a free connection, and on
 * another database the parts simply run one after another.
 */
@Component
class ReportParts implements DisposableBean {

    /**
     * Into how many parts a report splits its customers on PostgreSQL: two, one per core of the machine the reports
     * were measured on (PostgreSQL's own parallel plan was slower there than one process).
     */
    private static final int CUSTOMER_PARTS = 2;
    /** Parts run by the workers at once, the caller runs one more itself: the DSO's trend beside its two halves. */
    private static final int WORKERS = CUSTOMER_PARTS;

    private final JdbcTemplate jdbc;
    private final ReportSession session;
    private final TransactionTemplate partTransaction;
    private final ExecutorService workers;

    ReportParts(JdbcTemplate jdbc, ReportSession session, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.session = session;
        this.partTransaction = new TransactionTemplate(transactions);
        partTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        partTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        partTransaction.setReadOnly(true);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "report-part-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Into how many parts a report splits its customers: {@link #CUSTOMER_PARTS} on PostgreSQL, one elsewhere. A part
     * {@code k} of {@code n} takes the customers whose id modulo n is k.
     */
    int ways() {
        return session.postgres() ? CUSTOMER_PARTS : 1;
    }

    /** Each part's result, in the order given. Call inside the report's transaction, after its preparation. */
    <T> List<T> run(List<Supplier<T>> parts) {
        List<T> results = new ArrayList<>();
        if (parts.size() == 1 || !session.postgres()) {
            parts.forEach(p -> results.add(p.get()));
            return results;
        }
        String snapshot = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
        List<Side> sides = new ArrayList<>();
        for (Supplier<T> part : parts.subList(1, parts.size())) {
            Side side = new Side(part);
            sides.add(side);
            workers.execute(() -> side.runBeside(snapshot));
        }
        try {
            return results(parts.get(0), sides, results);
        } finally {
            // a worker that comes to a part after the caller gave up leaves it (the snapshot is gone with the caller)
            sides.forEach(side -> side.claimed.set(true));
        }
    }

    private <T> List<T> results(Supplier<T> first, List<Side> sides, List<T> results) {
        results.add(first.get());
        // first what no worker has begun (done here, in the same snapshot), then wait for the rest
        List<Object> done = new ArrayList<>();
        for (Side side : sides) {
            done.add(side.claimed.compareAndSet(false, true) ? side.part.get() : side);
        }
        for (Object each : done) {
            if (each instanceof Side side) {
                try {
                    results.add(cast(side.result.join()));
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            } else {
                results.add(cast(each));
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private final class Side {
        final Supplier<?> part;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Side(Supplier<?> part) {
            this.part = part;
        }

        void runBeside(String snapshot) {
            try {
                partTransaction.executeWithoutResult(tx -> {
                    // claimed only once the connection is there: the caller never waits for a connection
                    if (!claimed.compareAndSet(false, true)) {
                        return;
                    }
                    try {
                        jdbc.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
                        session.prepare();
                        result.complete(part.get());
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                // the connection was not to be had: the caller runs the part, unless this side had claimed it
                result.completeExceptionally(e);
            }
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
