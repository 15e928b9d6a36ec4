package io.crmrecon.matching.engine;

import io.crmrecon.PostgresTestDatabase;
import io.crmrecon.ReconApplication;
import io.crmrecon.matching.MatchingRuns;
import io.crmrecon.matching.StatementReferences;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A matching run as production does it, on PostgreSQL: open items and transactions loaded from the database, the
 * engine, every allocation and outcome written back. The scenario is loaded first (not timed), dropped, and
 * generated again afterwards to score what the run persisted. Prints the figures; asserts nothing.
 *
 * <pre>MAVEN_OPTS=-Xmx2g mvn -q exec:java@matching-run-benchmark [-Dsizes=10k/100k,1M/1M] [-Dseed=20261101]
 *     [-Dtasks=true]</pre>
 *
 * <p>With {@code -Dtasks=true} the exceptions are then handed to clerks (paymentMatching, the job executor on) and
 * the time until every one has its manualMatch task is printed too.
 */
public final class MatchingRunBenchmark {

    public static void main(String[] args) throws Exception {
        long seed = Long.getLong("seed", MatchingScenario.DEVELOPMENT_SEED);
        String sizes = System.getProperty("sizes", "10k/100k,1M/1M");
        String url = System.getenv("RECON_BENCH_DB_URL");
        String user = url == null ? "postgres" : System.getenv().getOrDefault("RECON_BENCH_DB_USER", "postgres");
        String password = url == null ? "postgres" : System.getenv().getOrDefault("RECON_BENCH_DB_PASSWORD", "");
        if (url == null) {
            url = PostgresTestDatabase.url();
        }
        List<String> summaries = new ArrayList<>();
        for (String size : sizes.split(",")) {
            String[] parts = size.trim().split("/");
            summaries.add(run(seed, MatchingQualityBenchmark.count(parts[0]),
                    MatchingQualityBenchmark.count(parts[1]), url, user, password));
        }
        System.out.println();
        summaries.forEach(System.out::println);
        System.exit(0);
    }

    private static String run(long seed, int transactions, int openItems, String url, String user, String password)
            throws InterruptedException {
        System.out.printf("%n== seed %d, %,d transactions against %,d open items (requested) ==%n", seed,
                transactions, openItems);
        MatchingScenario scenario = MatchingScenario.generate(seed, transactions, openItems);
        java.util.concurrent.atomic.AtomicReference<List<StatementRef>> statements = new java.util.concurrent.atomic.AtomicReference<>();
        int items = scenario.openItems().size();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReconApplication.class)
                .profiles("postgres")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchmarkStatements",
                        (StatementReferences) statements::get))
                // as command-line arguments, so that they win over the profile's settings
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        // the job executor only has work when the exceptions are handed to clerks (-Dtasks=true)
                        "--camunda.bpm.job-execution.enabled=" + Boolean.getBoolean("tasks"),
                        "--recon.demo-data=false", "--camunda.bpm.process-engine-name=matchingBenchmark",
                        "--camunda.bpm.generate-unique-process-application-name=true",
                        "--logging.level.root=WARN", "--logging.level.io.crmrecon.matching=INFO");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            MatchingRuns runs = app.getBean(MatchingRuns.class);
            // a running application is warm: one untimed run over other data first
            clean(jdbc);
            MatchingScenario warmUp = MatchingScenario.generate(seed + 1, 2_000, 20_000);
            statements.set(warmUp.statements());
            load(jdbc, warmUp);
            runs.execute(runs.open(null, "warm-up"));
            statements.set(scenario.statements());
            var runtime = app.getBean(org.camunda.bpm.engine.RuntimeService.class);
            runtime.createProcessInstanceQuery().processDefinitionKey("paymentMatching").list().forEach(pi ->
                    runtime.deleteProcessInstance(pi.getId(), "benchmark: next scenario", true, true));
            clean(jdbc);
            long l0 = System.nanoTime();
            load(jdbc, scenario);
            System.out.printf("loaded into PostgreSQL in %.1f s (not part of the run)%n", (System.nanoTime() - l0) / 1e9);
            scenario = null;
            System.gc();
            long t0 = System.nanoTime();
            long runId = runs.open(null, "benchmark");
            MatchingRuns.RunStatus status = runs.execute(runId);
            double seconds = (System.nanoTime() - t0) / 1e9;
            // the run completed inside this limit (-Xmx): the JVM cannot use more; summing each pool's own peak
            // (what MemoryPoolMXBean offers) would over-state it, the pools peak at different times
            long heapLimit = Runtime.getRuntime().maxMemory();
            System.out.printf("run: %,d transactions against %,d open items in %.1f s (%,.0f transactions/s), "
                    + "heap limit %,d MB: %d auto, %d suggested, %d unmatched%n", status.transactions(), items,
                    seconds, status.transactions() / seconds, heapLimit >> 20, status.autoMatched(), status.suggested(),
                    status.unmatched());

            String summary = String.format("SUMMARY run seed=%d tx=%,d items=%,d: %.1f s with a heap limit (-Xmx) of %,d MB, %s",
                    seed, transactions, items, seconds, heapLimit >> 20, score(jdbc, runId, seed, transactions, openItems));
            System.out.println(summary);
            if (Boolean.getBoolean("tasks")) {
                summary += "\n" + handToClerks(app, runId, status.suggested() + status.unmatched());
            }
            return summary;
        } finally {
            app.close();
        }
    }

    /** Scores what the run persisted against the scenario's ground truth (generated again: it was dropped). */
    private static String score(JdbcTemplate jdbc, long runId, long seed, int transactions, int openItems) {
        MatchingScenario again = MatchingScenario.generate(seed, transactions, openItems);
        MatchingScore.Tally all = MatchingScore.score(again, persisted(jdbc, runId, again.payments()), 0).overall();
        return String.format("precision %.3f%%, auto-match rate %.2f%% (auto %,d, right %,d, wrong %,d)",
                all.precision() * 100, all.autoRate() * 100, all.auto(), all.right(), all.wrong());
    }

    /**
     * The run's exceptions handed to clerks as paymentMatching does after a run over everything: the job executor
     * creates the tasks, batch by batch, after the run. Times it until every exception has its task.
     */
    private static String handToClerks(ConfigurableApplicationContext app, long runId, int exceptions)
            throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        app.getBean(org.camunda.bpm.engine.RuntimeService.class).startProcessInstanceByKey("paymentMatching", "1",
                Map.of("bankStatementId", 1L, "matchingRunId", runId));
        int tasks = 0;
        long lastProgress = System.nanoTime();
        while (tasks < exceptions && System.nanoTime() - lastProgress < 120_000_000_000L) {
            Thread.sleep(1000);
            int now = jdbc.queryForObject("SELECT COUNT(*) FROM manual_match_task", Integer.class);
            if (now > tasks) {
                lastProgress = System.nanoTime();
            }
            tasks = now;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long inTasklist = app.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                .taskDefinitionKey("manualMatch").count();
        String line = String.format("SUMMARY tasks: %,d of %,d exceptions handed to clerks in %.1f s (%,.0f tasks/s), "
                + "%,d manualMatch tasks in Tasklist", tasks, exceptions, seconds, tasks / seconds, inTasklist);
        System.out.println(line);
        return line;
    }

    /**
     * What the run recorded, as the engine's outcomes, so the quality benchmark's scorer can judge them: an automatic
     * match from its allocations, an exception from its outcome row.
     */
    private static List<MatchOutcome> persisted(JdbcTemplate jdbc, long runId, List<IncomingPayment> payments) {
        Map<Long, MatchOutcome> byTransaction = new HashMap<>();
        jdbc.query("SELECT transaction_id, document_id, amount, writeoff, customer_id, rule, confidence "
                + "FROM allocation WHERE matching_run_id = ?", rs -> {
                    long tx = rs.getLong(1);
                    long document = rs.getLong(2);
                    boolean onAccount = rs.wasNull();
                    BigDecimal amount = rs.getBigDecimal(3).stripTrailingZeros();
                    BigDecimal writeOff = rs.getBigDecimal(4).stripTrailingZeros();
                    long customer = rs.getLong(5);
                    MatchRule rule = MatchRule.valueOf(rs.getString(6));
                    BigDecimal confidence = rs.getBigDecimal(7);
                    MatchOutcome o = byTransaction.computeIfAbsent(tx, k -> new MatchOutcome(tx,
                            MatchOutcome.Status.AUTO, customer, new ArrayList<>(), BigDecimal.ZERO, rule, confidence,
                            List.of()));
                    if (onAccount) {
                        byTransaction.put(tx, new MatchOutcome(tx, o.status(), o.customerId(), o.applications(),
                                o.onAccount().add(amount), rule, confidence, List.of()));
                    } else {
                        o.applications().add(new MatchOutcome.Application(document, amount, writeOff));
                    }
                }, runId);
        jdbc.query("SELECT transaction_id, status, customer_id FROM matching_outcome WHERE matching_run_id = ?", rs -> {
            long tx = rs.getLong(1);
            long customer = rs.getLong(3);
            Long customerId = rs.wasNull() ? null : customer;
            byTransaction.put(tx, new MatchOutcome(tx, MatchOutcome.Status.valueOf(rs.getString(2)), customerId,
                    List.of(), BigDecimal.ZERO, null, null, List.of()));
        }, runId);
        List<MatchOutcome> out = new ArrayList<>(payments.size());
        for (IncomingPayment p : payments) {
            MatchOutcome o = byTransaction.get(p.transactionId());
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private static void clean(JdbcTemplate jdbc) {
        for (String table : List.of("manual_match_task", "matching_outcome", "allocation", "matching_run",
                "bank_transaction", "bank_statement", "document", "customer_bank_account", "customer")) {
            jdbc.execute("DELETE FROM " + table);
        }
    }

    private static void load(JdbcTemplate jdbc, MatchingScenario s) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        for (Payer p : s.payers()) {
            customers.add(new Object[] {p.customerId(), p.customerCode(), p.name(), "ap@example.com", now, now});
            for (int i = 0; i < p.accounts().size(); i++) {
                accounts.add(new Object[] {p.customerId(), p.accounts().get(i), i});
            }
        }
        batch(jdbc, "INSERT INTO customer (id, customer_code, name, email, language, currency, payment_terms_days, "
                + "confirmation_days, deemed_confirmed, netting_allowed, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'zh-CN', 'CNY', 30, 15, FALSE, FALSE, ?, ?)", customers);
        batch(jdbc, "INSERT INTO customer_bank_account (customer_id, account_no, seq_no) VALUES (?, ?, ?)", accounts);
        List<Object[]> documents = new ArrayList<>();
        for (OpenItem i : s.openItems()) {
            String type = switch (i.kind()) {
                case INVOICE -> "INVOICE";
                case DEBIT_NOTE -> "DEBIT_NOTE";
                case CREDIT_NOTE -> "CREDIT_NOTE";
            };
            documents.add(new Object[] {i.documentId(), i.documentNo(), i.customerId(), type,
                    Date.valueOf(i.issueDate()), Date.valueOf(i.dueDate()), i.currency(), i.open().abs(),
                    i.taxInvoiceNo(), now});
        }
        batch(jdbc, "INSERT INTO document (id, document_no, customer_id, type, issue_date, due_date, currency, amount, "
                + "tax_invoice_no, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documents);
        jdbc.update("INSERT INTO bank_statement (id, format, file_sha256, transactions, duplicates, imported_at) "
                + "VALUES (1, 'CSV', 'benchmark', ?, 0, ?)", s.payments().size(), now);
        List<Object[]> transactions = new ArrayList<>();
        for (IncomingPayment p : s.payments()) {
            transactions.add(new Object[] {p.transactionId(), "BENCH", "B" + p.transactionId(),
                    Date.valueOf(p.bookingDate()), p.amount(), p.currency(), p.counterpartyName(),
                    p.counterpartyAccount(), p.remittanceInfo(), p.structuredReference(), "B" + p.transactionId()});
        }
        batch(jdbc, "INSERT INTO bank_transaction (id, bank_statement_id, account, bank_reference, booking_date, "
                + "amount, currency, counterparty_name, counterparty_account, remittance_info, structured_reference, "
                + "dedup_key) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", transactions);
        for (String table : List.of("customer", "customer_bank_account", "document", "bank_transaction")) {
            jdbc.execute("ANALYZE " + table);
        }
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 5000) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 5000)));
        }
    }
}
