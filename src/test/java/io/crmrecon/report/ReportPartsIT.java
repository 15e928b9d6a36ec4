package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.IntegrationTest;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parts of a report on PostgreSQL: run beside each other, they see one state of the ledger, whatever commits
 * meanwhile; a part no worker is free for is run by the caller.
 */
class ReportPartsIT extends IntegrationTest {

    @Autowired
    ReportParts parts;
    @Autowired
    ReportSession session;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void partsBesideEachOtherSeeTheLedgerAsItWasWhenTheReportBegan() throws Exception {
        CountDownLatch sideBegun = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        String code = "RP" + System.nanoTime();
        List<Supplier<Object>> work = List.of(() -> {
            await(sideBegun);
            // another user's import commits while the report runs
            newTransaction(TransactionDefinition.ISOLATION_READ_COMMITTED).executeWithoutResult(tx -> jdbc.update(
                    "INSERT INTO customer (customer_code, name, email, language, currency, payment_terms_days, "
                            + "confirmation_days, deemed_confirmed, netting_allowed, created_at, updated_at) "
                            + "VALUES (?, 'Parts', 'p@example.com', 'en', 'CNY', 30, 10, false, false, ?, ?)", code,
                    Timestamp.valueOf("2026-01-01 00:00:00"), Timestamp.valueOf("2026-01-01 00:00:00")));
            committed.countDown();
            return count(code);
        }, () -> {
            sideBegun.countDown();
            await(committed);
            return Thread.currentThread().getName() + ":" + count(code);
        });

        List<Object> results = report(() -> parts.run(work));

        assertThat(results.get(0)).as("the caller's part").isEqualTo(0);
        assertThat((String) results.get(1)).as("the part a worker ran, in the report's snapshot")
                .startsWith("report-part-").endsWith(":0");
        assertThat(count(code)).as("committed, for whoever reads after").isEqualTo(1);
    }

    @Test
    void aPartNoWorkerIsFreeForIsRunByTheCaller() throws Exception {
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Object> blocking = () -> {
            busy.countDown();
            await(release);
            return Thread.currentThread().getName();
        };
        List<Supplier<Object>> work = List.of(() -> {
            await(busy);
            return Thread.currentThread().getName();
        }, blocking, blocking, () -> {
            // both workers wait: the caller came here first
            release.countDown();
            return Thread.currentThread().getName();
        });

        String caller = Thread.currentThread().getName();
        List<Object> results = report(() -> parts.run(work));

        assertThat(results).hasSize(4);
        assertThat(results.get(0)).isEqualTo(caller);
        assertThat((String) results.get(1)).startsWith("report-part-");
        assertThat((String) results.get(2)).startsWith("report-part-").isNotEqualTo(results.get(1));
        assertThat(results.get(3)).as("run by the caller, in order").isEqualTo(caller);
    }

    private List<Object> report(Supplier<List<Object>> run) {
        return newTransaction(TransactionDefinition.ISOLATION_REPEATABLE_READ).execute(tx -> {
            session.prepare();
            return run.get();
        });
    }

    private TransactionTemplate newTransaction(int isolation) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setIsolationLevel(isolation);
        return template;
    }

    private int count(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE customer_code = ?", Integer.class, code);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as("waited for the other part").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
