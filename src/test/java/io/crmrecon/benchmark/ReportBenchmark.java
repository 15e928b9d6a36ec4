package io.crmrecon.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The report figures of the managers' side on PostgreSQL: the packaged jar started as an operator starts it, a
 * ledger of {@code -Dcustomers} customers (default 100,000) and a year of {@code -Ddocuments} receivables (default
 * 1,000,000, all of them still open, some in part) written straight into its tables, plus {@code -Dpaid}
 * (default 200,000) receivables of the same year paid in full by bank transactions; then each report asked for
 * over HTTP {@code -Drepeat} times (default 5) as a manager asks for it, its times printed (the first one, and the
 * median of the rest). Last the dashboard page: its first view works the figures out, the later ones read them.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 100_000);
        int documents = Integer.getInteger("documents", 1_000_000);
        int paid = Integer.getInteger("paid", 200_000);
        int repeat = Integer.getInteger("repeat", 5);
        try (RunningApp app = RunningApp.start(List.of("--recon.demo-data=false"), Map.of())) {
            System.out.printf("%nstart-up: %.1f s%n", app.startupSeconds);
            long t0 = System.nanoTime();
            try (Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword);
                    Statement sql = db.createStatement()) {
                ledger(sql, customers, documents, paid);
            }
            System.out.printf("ledger written: %,d customers, %,d open receivables (a year, 2025-11 to 2026-10), %,d "
                    + "paid by as many bank transactions: %.1f s%n", customers, documents, paid,
                    RunningApp.seconds(t0));
            String user = "manager";
            app.createUser(user, user, "managers");
            measure(app, user, "ageing as of 2026-10-31, JSON", "/api/reports/aging?asOf=2026-10-31", "application/json",
                    repeat);
            measure(app, user, "ageing as of 2026-10-31, CSV", "/api/reports/aging?asOf=2026-10-31", "text/csv",
                    repeat);
            measure(app, user, "ageing as of 2026-06-30 (a day in the past)", "/api/reports/aging?asOf=2026-06-30",
                    "application/json", repeat);
            measure(app, user, "DSO 2025-11-01..2026-10-31 (per customer, overall, by month)",
                    "/api/reports/dso?from=2025-11-01&to=2026-10-31", "application/json", repeat);
            measure(app, user, "customers report, the same year", "/api/reports/customers?from=2025-11-01&to=2026-10-31",
                    "application/json", repeat);
            measure(app, user, "matching report, the same year", "/api/reports/matching?from=2025-11-01&to=2026-10-31",
                    "application/json", repeat);
            // the first view works the figures out (nobody asked before); later views read the kept figures
            measure(app, user, "dashboard page (first: figures worked out)", "/dashboard", "text/html", repeat * 4);
        }
    }

    private static void ledger(Statement sql, int customers, int documents, int paid) throws Exception {
        sql.execute("INSERT INTO customer (customer_code, name, email, language, currency, payment_terms_days, "
                + "confirmation_days, deemed_confirmed, netting_allowed, credit_limit, created_at, updated_at) "
                + "SELECT 'RB' || lpad(g::text, 7, '0'), '报表客户' || g, 'c' || g || '@example.cn', 'zh', 'CNY', 30, 10, "
                + "true, false, 50000, now(), now() FROM generate_series(1, " + customers + ") g");
        // customers in the order of their ids, as the application made them; documents spread over them and the year
        sql.execute("CREATE TEMP TABLE bench_customer AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM customer "
                + "WHERE customer_code LIKE 'RB%'");
        sql.execute("INSERT INTO document (document_no, customer_id, type, issue_date, due_date, currency, amount, "
                + "posted_at) SELECT 'RB-' || lpad(g::text, 8, '0'), c.id, CASE WHEN g % 20 = 0 THEN 'CREDIT_NOTE' "
                + "ELSE 'INVOICE' END, DATE '2025-11-01' + (g % 365)::int, DATE '2025-11-01' + (g % 365)::int + 30, 'CNY', "
                + "CASE WHEN g % 20 = 0 THEN 50 ELSE 100 + (g * 7919 % 1000000) / 100.0 END, now() "
                + "FROM generate_series(1::bigint, " + (documents + paid) + ") g JOIN bench_customer c ON c.n = 1 + (g * 31 % "
                + customers + ")");
        sql.execute("INSERT INTO bank_statement (format, file_name, file_sha256, statement_refs, accounts, "
                + "transactions, duplicates, imported_at) VALUES ('CSV', 'bench.csv', repeat('0', 64), '', '', " + paid
                + ", 0, now())");
        // every fifth invoice of the first ones paid in full, booked 20 days after its issue
        sql.execute("CREATE TEMP TABLE bench_paid AS SELECT d.id, d.customer_id, d.amount, d.issue_date, d.document_no "
                + "FROM document d WHERE d.document_no LIKE 'RB-%' AND d.type = 'INVOICE' ORDER BY d.id LIMIT " + paid);
        sql.execute("CREATE UNIQUE INDEX ON bench_paid (id)");
        sql.execute("ANALYZE bench_paid");
        sql.execute("INSERT INTO bank_transaction (bank_statement_id, account, bank_reference, booking_date, "
                + "value_date, amount, currency, remittance_info, dedup_key) SELECT (SELECT MAX(id) FROM bank_statement), "
                + "'BENCH', 'P-' || p.document_no, LEAST(p.issue_date + 20, DATE '2026-10-31'), "
                + "LEAST(p.issue_date + 20, DATE '2026-10-31'), p.amount, 'CNY', p.document_no, 'RBENCH' || p.id "
                + "FROM bench_paid p");
        sql.execute("INSERT INTO allocation (transaction_id, document_id, customer_id, currency, amount, writeoff, "
                + "method, rule, confidence, created_at) SELECT t.id, p.id, p.customer_id, 'CNY', p.amount, 0, "
                + "'AUTO', 'EXACT_REFERENCE', 0.99, now() FROM bench_paid p JOIN bank_transaction t "
                + "ON t.dedup_key = 'RBENCH' || p.id");
        // and a part of every tenth open invoice
        sql.execute("INSERT INTO bank_transaction (bank_statement_id, account, bank_reference, booking_date, "
                + "value_date, amount, currency, remittance_info, dedup_key) SELECT (SELECT MAX(id) FROM bank_statement), "
                + "'BENCH', 'Q-' || d.document_no, LEAST(d.issue_date + 10, DATE '2026-10-31'), "
                + "LEAST(d.issue_date + 10, DATE '2026-10-31'), 50, 'CNY', d.document_no, 'QBENCH' || d.id "
                + "FROM document d WHERE d.document_no LIKE 'RB-%' AND d.type = 'INVOICE' AND d.id % 10 = 0 "
                + "AND NOT EXISTS (SELECT 1 FROM bench_paid p WHERE p.id = d.id)");
        sql.execute("INSERT INTO allocation (transaction_id, document_id, customer_id, currency, amount, writeoff, "
                + "method, rule, confidence, created_at) SELECT t.id, d.id, d.customer_id, 'CNY', 50, 0, "
                + "'AUTO', 'EXACT_REFERENCE', 0.95, now() FROM bank_transaction t JOIN document d "
                + "ON t.dedup_key = 'QBENCH' || d.id");
        // what the application keeps beside documents and allocations, written as its migration writes it
        for (String statement : inserts("V19__receivable_units_and_days.sql", 3)) {
            sql.execute(statement);
        }
        sql.execute("VACUUM ANALYZE");
    }

    /** The INSERT statements of a migration that fills what the application keeps beside the ledger. */
    private static List<String> inserts(String migration, int expected) throws java.io.IOException {
        String script;
        try (var in = ReportBenchmark.class.getResourceAsStream("/db/migration/" + migration)) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (statement.strip().startsWith("INSERT")) {
                statements.add(statement.strip());
            }
        }
        if (statements.size() != expected) {
            throw new IllegalStateException("expected " + expected + " INSERTs in " + migration + ", found "
                    + statements.size());
        }
        return statements;
    }

    private static void measure(RunningApp app, String user, String what, String path, String accept, int repeat)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(app.base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + user).getBytes()))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            seconds.add(RunningApp.seconds(t0));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": "
                        + new String(answer.body()));
            }
            bytes = answer.body().length;
        }
        List<Double> rest = new ArrayList<>(seconds.subList(1, seconds.size()));
        Collections.sort(rest);
        System.out.printf("%-62s first %.2f s, then median %.2f s, slowest %.2f s (%s answers, %,d bytes)%n", what,
                seconds.get(0), rest.isEmpty() ? seconds.get(0) : rest.get(rest.size() / 2),
                rest.isEmpty() ? seconds.get(0) : rest.get(rest.size() - 1), seconds.size(), bytes);
    }
}
