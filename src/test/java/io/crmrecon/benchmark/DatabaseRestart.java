package io.crmrecon.benchmark;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL crashed under load and started again: the app must reconnect by itself, answer what was in flight with a
 * clean error (never hang), and lose or double no write. {@code clients} clients read customers and ageing and import
 * small customer and document files (each row numbered once) for {@code before} seconds; then PostgreSQL stops as
 * {@code pg_ctl stop -m immediate} stops it (no checkpoint: crash recovery at the next start), stays down {@code down}
 * seconds, starts again on the same data directory and port, and the load goes on {@code after} seconds. Prints what
 * the requests got and a summary table, and exits non-zero when a check fails. Run: {@code mvn -q -DskipTests package
 * && mvn -q exec:java@database-restart} ({@code -Dclients=8 -Dbefore=10 -Ddown=10 -Dafter=30 -Dthink=100}).
 *
 * <p>It needs the embedded PostgreSQL, the only one it can stop: with {@code RECON_BENCH_DB_URL} it does nothing.
 */
public final class DatabaseRestart {

    private static final ScenarioChecks CHECKS = new ScenarioChecks();
    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();
    private static final int CUSTOMERS = 50;
    private static final int ROWS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The first line of a stack trace in the log: the exception's class and its message. */
    private static final Pattern STACK_TRACE = Pattern.compile("[a-z][\\w.$]*\\.[A-Z]\\w*(Exception|Error)(: |$)");

    /**
     * One request: sent and answered in ns after the load began; status 0: no answer within TIMEOUT. {@code label}:
     * a write's, which its rows' numbers begin with ({@code RD…} documents, {@code RC…} customers); null: a read.
     */
    private record Call(String label, long sent, long answered, int status, String type) {

        String kind() {
            return label.startsWith("RD") ? "documents" : "customers";
        }

        boolean ok() {
            return status / 100 == 2;
        }

        double seconds() {
            return (answered - sent) / 1e9;
        }
    }

    private DatabaseRestart() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("RECON_BENCH_DB_URL") != null) {
            System.out.println("the database restart needs the embedded PostgreSQL (it stops and starts it); "
                    + "RECON_BENCH_DB_URL is set: nothing done");
            return;
        }
        int clients = Integer.getInteger("clients", 8);
        // zonky reports its own stop of the crashed server as an error; the server's own log is RestartablePostgres.log
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(Level.OFF);
        GreenMail smtp = RunningApp.mailServer();
        try (RestartablePostgres db = new RestartablePostgres();
                RunningApp app = RunningApp.startOn(db.url(), "postgres", "postgres", RunningApp.sendingTo(smtp))) {
            System.out.printf("%nstart-up: %.1f s; PostgreSQL's log: %s%n", app.startupSeconds, db.log);
            ByteArrayOutputStream customers = new ByteArrayOutputStream();
            BenchmarkFiles.writeCustomersCsv(customers, CUSTOMERS, 42);
            app.upload("/api/customers/import", "customers.csv", customers.toByteArray());

            Load load = new Load(app, clients, Long.getLong("think", 100));
            Thread.sleep(Long.getLong("before", 10) * 1000);
            long down = load.now();
            db.crash();
            Thread.sleep(Long.getLong("down", 10) * 1000);
            long restart = load.now();
            db.start();
            long up = load.now();
            Thread.sleep(Long.getLong("after", 30) * 1000);
            List<Call> calls = load.stop();

            boolean recovered = Files.readString(db.log).contains("automatic recovery in progress");
            figure("PostgreSQL", String.format("stopped at +%.1f s (SIGQUIT: immediate), started again at +%.1f s, "
                    + "ready at +%.1f s (%s)", down / 1e9, restart / 1e9, up / 1e9,
                    recovered ? "after crash recovery" : "NO CRASH RECOVERY"));
            CHECKS.check(recovered, "PostgreSQL started without crash recovery: it was not stopped as in a crash");
            requests(calls, down, up, clients);
            figure("/actuator/health (asked every 250 ms, 5 s to answer)", load.health.entrySet().stream()
                    .map(e -> String.format("%s at +%.1f s", e.getValue(), e.getKey() / 1e9))
                    .collect(Collectors.joining(" -> ")));
            CHECKS.check(List.copyOf(load.health.values()).get(load.health.size() - 1).equals("UP"),
                    "/actuator/health is not UP again");
            try (Connection c = DriverManager.getConnection(db.url(), "postgres", "postgres")) {
                writes(app, c, calls);
            }
            HttpResponse<String> started = app.postJson("/api/matching/runs", "");
            String run = app.awaitRun(started.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(2));
            figure("a matching run afterwards (the job executor)", status(run));
            CHECKS.check(status(run).equals("COMPLETED"), "the job executor did not run the matching run");
            figure("the app's log", String.format("%d ERROR lines, %d stack traces", app.logLines(" ERROR ").size(),
                    Files.readAllLines(app.log).stream().filter(l -> STACK_TRACE.matcher(l).lookingAt()).count()));
        } finally {
            smtp.stop();
        }
        System.out.printf("%n| figure | measured |%n| --- | --- |%n");
        SUMMARY.forEach((name, value) -> System.out.printf("| %s | %s |%n", name, value));
        CHECKS.exit("reconnected by itself; nothing lost, doubled or half-stored");
    }

    /** Prints a figure and keeps it for the summary table. */
    private static void figure(String name, String value) {
        System.out.println(name + ": " + value);
        SUMMARY.put(name, value);
    }

    /** What the requests got, by phase: those in flight fail cleanly, and the app comes back by itself. */
    private static void requests(List<Call> calls, long down, long up, int clients) {
        List<Call> during = calls.stream().filter(c -> c.sent < up && c.answered > down).toList();
        List<Call> after = calls.stream().filter(c -> c.sent > up).toList();
        List<Call> failed = calls.stream().filter(c -> !c.ok()).toList();
        Map<String, Long> serverErrors = new TreeMap<>(calls.stream().filter(c -> c.status >= 500)
                .collect(Collectors.groupingBy(Call::type, Collectors.counting())));
        Map<Integer, Long> failures = new TreeMap<>(calls.stream().filter(c -> !c.ok() && c.status != 0)
                .collect(Collectors.groupingBy(Call::status, Collectors.counting())));
        double firstOk = (calls.stream().filter(c -> c.ok() && c.answered > up).mapToLong(Call::answered).min()
                .orElse(Long.MAX_VALUE) - up) / 1e9;
        figure("requests (" + clients + " clients)", classes(calls));
        figure("answered before the stop", classes(calls.stream().filter(c -> c.answered < down).toList()));
        figure("in flight while PostgreSQL was down", String.format("%s, the longest %.1f s", classes(during),
                during.stream().mapToDouble(Call::seconds).max().orElse(0)));
        figure("5xx by Content-Type", serverErrors.toString());
        figure("failures by status", failures.toString());
        figure("failed answers", String.format("%d, +%.1f to +%.1f s after the stop; the longest request of all "
                + "%.1f s, none unanswered in %d s", failed.size(), (failed.stream().mapToLong(Call::answered).min()
                .orElse(down) - down) / 1e9, (failed.stream().mapToLong(Call::answered).max().orElse(down) - down)
                / 1e9, calls.stream().mapToDouble(Call::seconds).max().orElse(0), TIMEOUT.toSeconds()));
        figure("PostgreSQL ready -> first 2xx", String.format("%.2f s", firstOk));
        figure("sent after PostgreSQL was ready", classes(after));
        CHECKS.check(calls.stream().noneMatch(c -> c.status == 0), "a request got no answer within " + TIMEOUT);
        CHECKS.check(serverErrors.keySet().stream().allMatch(t -> t.startsWith("application/problem+json")),
                "a 5xx came without problem+json");
        // an outage is no caller's mistake (no 401 or 4xx) and no bug (no 500): 503, to be tried again
        CHECKS.check(failures.keySet().stream().allMatch(status -> status == 503),
                "a request failed with another status than 503: " + failures);
        CHECKS.check(firstOk < 10, "no request succeeded within 10 s of PostgreSQL being ready");
        CHECKS.check(after.stream().allMatch(Call::ok), "requests sent after PostgreSQL was ready failed");
    }

    /** Each write answered 2xx stored once, each failed one all or nothing; a failed one sent again stores it. */
    private static void writes(RunningApp app, Connection db, List<Call> calls) throws Exception {
        List<Call> writes = calls.stream().filter(c -> c.label != null).toList();
        List<Call> failed = writes.stream().filter(c -> !c.ok()).toList();
        long okOnce = writes.stream().filter(c -> c.ok() && stored(db, c) == ROWS).count();
        long whole = failed.stream().filter(c -> stored(db, c) == ROWS).count();
        long none = failed.stream().filter(c -> stored(db, c) == 0).count();
        figure("writes (imports of " + ROWS + " numbered rows)", String.format("%d answered 2xx, %d of them stored "
                + "once; %d failed: %d stored whole, %d left nothing, %d partly", writes.size() - failed.size(), okOnce,
                failed.size(), whole, none, failed.size() - whole - none));
        CHECKS.check(okOnce == writes.size() - failed.size(), "a write answered 2xx is missing or doubled");
        CHECKS.check(whole + none == failed.size(), "a failed write left part of its rows");
        HttpClient http = HttpClient.newHttpClient();
        long again = 0;
        for (Call c : failed) {
            again += http.send(upload(app, c.kind(), c.label), HttpResponse.BodyHandlers.discarding()).statusCode()
                    / 100 == 2 ? 1 : 0;
        }
        long once = failed.stream().filter(c -> stored(db, c) == ROWS).count();
        figure("the failed writes sent again", String.format("%d answered 2xx, %d stored once", again, once));
        CHECKS.check(again == failed.size() && once == failed.size(), "a failed write sent again was not stored once");
    }

    /** The rows a write stored: those whose numbers begin with its label. */
    private static long stored(Connection db, Call write) {
        return ScenarioChecks.count(db, write.kind().equals("documents")
                ? "SELECT COUNT(*) FROM document WHERE document_no LIKE '" + write.label + "-%'"
                : "SELECT COUNT(*) FROM customer WHERE customer_code LIKE '" + write.label + "-%'");
    }

    private static String classes(List<Call> calls) {
        return calls.size() + " " + new TreeMap<>(calls.stream().collect(Collectors.groupingBy(
                c -> c.status == 0 ? "no answer" : c.status / 100 + "xx", Collectors.counting())));
    }

    /** The first {@code status} of a JSON answer (a run's, the health's). */
    private static String status(String json) {
        return json.replaceAll("(?s).*?\"status\":\"([A-Z_]+)\".*", "$1");
    }

    /** A customers or documents file of ROWS rows whose numbers begin with {@code label}, as a multipart upload. */
    private static HttpRequest upload(RunningApp app, String kind, String label) {
        boolean documents = kind.equals("documents");
        StringBuilder csv = new StringBuilder(documents ? "document_no,customer_code,type,issue_date,currency,amount\n"
                : "customer_code,name,email\n");
        for (int k = 1; k <= ROWS; k++) {
            String no = label + "-" + k;
            csv.append(documents ? no + "," + BenchmarkFiles.customerCode(k) + ",INVOICE,2026-01-15,CNY,100.00\n"
                    : no + ",Restart " + no + "," + no + "@example.com\n");
        }
        String boundary = "----restart" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return app.administratorRequest("/api/" + kind + "/import").timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The clients, and a watcher of /actuator/health that notes each change of its status. */
    private static final class Load {

        final Map<Long, String> health = Collections.synchronizedMap(new TreeMap<>());
        private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final ExecutorService pool;
        private final long t0 = System.nanoTime();
        private volatile boolean running = true;

        Load(RunningApp app, int clients, long think) {
            AtomicInteger next = new AtomicInteger();
            pool = Executors.newFixedThreadPool(clients + 1);
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (running) {
                        int n = next.getAndIncrement();
                        String code = BenchmarkFiles.customerCode(1 + n % CUSTOMERS);
                        switch (n % 5) {
                            case 0 -> send("RD" + n, upload(app, "documents", "RD" + n));
                            case 1 -> send("RC" + n, upload(app, "customers", "RC" + n));
                            case 2 -> send(null, get(app, "/api/customers?size=20&page=" + n % 3));
                            case 3 -> send(null, get(app, "/api/customers/" + code));
                            default -> send(null, get(app, "/api/reports/aging/" + code));
                        }
                        Thread.sleep(think);
                    }
                    return null;
                });
            }
            pool.submit(() -> {
                String last = "";
                while (running) {
                    String now = health(app);
                    if (!now.equals(last)) {
                        health.put(now(), now);
                        last = now;
                    }
                    Thread.sleep(250);
                }
                return null;
            });
        }

        long now() {
            return System.nanoTime() - t0;
        }

        /** Stops the clients once their requests are answered; every request made. */
        List<Call> stop() throws InterruptedException {
            running = false;
            pool.shutdown();
            CHECKS.check(pool.awaitTermination(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS), "the clients hang");
            return List.copyOf(calls);
        }

        private HttpRequest get(RunningApp app, String path) {
            return app.administratorRequest(path).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        }

        private void send(String label, HttpRequest request) {
            long sent = now();
            int status = 0;
            String type = "";
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                type = answer.headers().firstValue("Content-Type").orElse("none");
            } catch (IOException | InterruptedException noAnswer) {
                // status 0: timed out, or the connection dropped
            }
            calls.add(new Call(label, sent, now(), status, type));
        }

        /** As a load balancer's probe asks: without a login, giving up after 5 s. */
        private String health(RunningApp app) {
            try {
                return status(http.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException | InterruptedException e) {
                return "no answer in 5 s";
            }
        }
    }
}
