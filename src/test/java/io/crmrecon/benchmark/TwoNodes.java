package io.crmrecon.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.crmrecon.demo.BenchmarkFiles;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Two nodes of the app on one PostgreSQL (Camunda's shared-database cluster): a statement run for half the customers
 * on one node, then one for the other half with both nodes' job executors at work. Both runs must give each
 * customer one statement, mailed once, and the second must have had jobs done by both nodes. Prints the
 * throughput of each and exits non-zero when a check fails. Run: {@code mvn -q -DskipTests package && mvn -q
 * exec:java@two-nodes} ({@code -Dcustomers=10000 -Dlines=20}: each run takes half). On 2 cores the second node
 * brings no speed, only the proof that jobs done at least once on either node have no duplicate effect.
 */
public final class TwoNodes {

    private static final ScenarioChecks CHECKS = new ScenarioChecks();

    private TwoNodes() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 10_000);
        int lines = Integer.getInteger("lines", 20);
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        GreenMail smtp = RunningApp.mailServer();
        try (RunningApp a = RunningApp.start(node(smtp, "node-a"), Map.of());
                Connection db = DriverManager.getConnection(a.dbUrl, a.dbUser, a.dbPassword)) {
            a.importMonth(customers, lines, period);

            List<String> first = codes(1, customers / 2 + 1);
            List<String> second = codes(customers / 2 + 1, customers + 1);
            double one = run(a, db, smtp, period, first, "one node (node-a)");
            try (RunningApp b = RunningApp.anotherNode(a, node(smtp, "node-b"))) {
                double two = run(a, db, smtp, period, second, "two nodes (node-a, node-b)");
                Map<String, Long> byNode = jobsByNode(db);
                System.out.printf("customerStatement jobs done, by node, both runs: %s%n", byNode);
                CHECKS.check(byNode.getOrDefault("node-b", 0L) > 0, "node-b did no job of the second run");
                System.out.printf("one node %.1f statements/s, two nodes %.1f statements/s%n", one, two);
            }
        } finally {
            smtp.stop();
        }
        CHECKS.exit("no duplicate effect");
    }

    private static List<String> node(GreenMail smtp, String name) {
        // the name the engine writes into its job log (ACT_HI_JOB_LOG.HOSTNAME_)
        return RunningApp.sendingTo(smtp, "--camunda.bpm.generic-properties.properties.hostname=" + name);
    }

    /** The codes of the benchmark customers {@code from} (1-based) up to {@code to}, exclusive. */
    private static List<String> codes(int from, int to) {
        return IntStream.range(from, to).mapToObj(BenchmarkFiles::customerCode).toList();
    }

    /** A statement run for these customers, started on {@code app}; its statements per second. */
    private static double run(RunningApp app, Connection db, GreenMail smtp, YearMonth period, List<String> codes,
            String nodes) throws Exception {
        long t0 = System.nanoTime();
        String json = codes.stream().collect(Collectors.joining("\",\"", "{\"period\":\"" + period
                + "\",\"customerCodes\":[\"", "\"]}"));
        HttpResponse<String> started = app.postJson("/api/statement-runs", json);
        CHECKS.check(started.statusCode() == 202, "the run was not started: " + started.body());
        String done = app.awaitRun(started.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(60),
                Duration.ofSeconds(1));
        double seconds = RunningApp.seconds(t0);
        long runId = Long.parseLong(done.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        long selected = ScenarioChecks.count(db, "SELECT COUNT(*) FROM statement_run_customer WHERE statement_run_id = " + runId);
        long statements = ScenarioChecks.count(db, "SELECT COUNT(*) FROM statement WHERE statement_run_id = " + runId);
        long twice = ScenarioChecks.count(db, "SELECT COUNT(*) FROM (SELECT customer_id, currency, period FROM statement "
                + "GROUP BY customer_id, currency, period HAVING COUNT(*) > 1) x");
        Set<String> numbers = new HashSet<>(jdbcList(db, "SELECT statement_no FROM statement_run_customer "
                + "WHERE statement_run_id = " + runId));
        ScenarioChecks.Mails mails = ScenarioChecks.mails(smtp, numbers::contains);
        long asTwo = mails.sentAsTwo();
        System.out.printf("%s: %,d statements in %.1f s = %.1f/s; %s%n  %,d selected, %,d statements, %d customers "
                        + "with two; %,d mailed, %d as two different mails, %,d copies received%n", nodes, statements,
                seconds, statements / seconds, done, selected, statements, twice, mails.ids().size(), asTwo,
                mails.copies());
        CHECKS.check(done.contains("\"COMPLETED\"") && statements == selected && twice == 0, nodes + ": statements");
        CHECKS.check(mails.ids().size() == selected && asTwo == 0, nodes + ": mails");
        return statements / seconds;
    }

    private static Map<String, Long> jobsByNode(Connection db) throws SQLException {
        Map<String, Long> byNode = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT hostname_, COUNT(*) "
                + "FROM act_hi_job_log WHERE process_def_key_ = 'customerStatement' AND job_state_ = 2 "
                + "GROUP BY hostname_")) {
            while (rs.next()) {
                byNode.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byNode;
    }

    private static List<String> jdbcList(Connection db, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
