package io.crmrecon.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers at their statements for minutes on end: {@code clients} people at once, each opening a statement's page,
 * answering it (every fifth disputes a line, the others confirm), and opening the page again to see the answer,
 * {@code think} ms between requests, then the next statement; after the last statement they start over with the
 * first (the same answer again, the idempotent path). Prints each request kind's count, errors, p50 and p99, and the
 * statements' statuses; exits non-zero on any error. Run: {@code mvn -q -DskipTests package && mvn -q
 * exec:java@customer-load} ({@code -Dcustomers=2000 -Dlines=5 -Dclients=200 -Dminutes=5 -Dthink=1000}).
 */
public final class CustomerLoad {

    private static final Pattern DOCUMENT = Pattern.compile("name=\"documentNo\" value=\"([^\"]+)\"");

    private CustomerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 2_000);
        int lines = Integer.getInteger("lines", 5);
        int clients = Integer.getInteger("clients", 200);
        Duration length = Duration.ofMinutes(Long.getLong("minutes", 5));
        long think = Long.getLong("think", 1_000);
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        GreenMail smtp = RunningApp.mailServer();
        ScenarioChecks checks = new ScenarioChecks();
        try (RunningApp app = RunningApp.start(RunningApp.sendingTo(smtp,
                // every customer comes from this machine
                "--recon.statement.page-rate-limit=0"), Map.of());
                Connection db = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword)) {
            app.importMonth(customers, lines, period);
            HttpResponse<String> started = app.postJson("/api/statement-runs", "{\"period\":\"" + period + "\"}");
            checks.check(started.statusCode() == 202, "the statement run was not started: " + started.body());
            app.awaitRun(started.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(30),
                    Duration.ofSeconds(1));
            List<String> tokens = StatementRunBenchmark.tokens(smtp.getReceivedMessages(), customers);
            System.out.printf("%,d statements mailed; %d customers for %d minutes, %d ms between requests%n",
                    tokens.size(), clients, length.toMinutes(), think);

            Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            Map<String, String> firstError = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
            long end = System.nanoTime() + length.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> people = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                people.add(pool.submit(() -> {
                    Thread.sleep(think * client / clients);
                    while (System.nanoTime() < end) {
                        int i = next.getAndIncrement() % tokens.size();
                        String page = app.base + "/s/" + tokens.get(i);
                        String body = send(http, HttpRequest.newBuilder(URI.create(page)).build(), "page", nanos,
                                errors, firstError);
                        Thread.sleep(think);
                        Matcher document = DOCUMENT.matcher(body == null ? "" : body);
                        if (i % 5 == 0 && document.find()) {
                            send(http, form(page + "/dispute", "documentNo", document.group(1), "reason",
                                    "AMOUNT_WRONG", "comment", "load test"), "dispute", nanos, errors, firstError);
                        } else {
                            send(http, form(page + "/confirm", "confirmerName", "Load"), "confirm", nanos, errors,
                                    firstError);
                        }
                        Thread.sleep(think);
                        send(http, HttpRequest.newBuilder(URI.create(page)).build(), "page again", nanos, errors,
                                firstError);
                        Thread.sleep(think);
                    }
                    return null;
                }));
            }
            for (Future<?> person : people) {
                person.get();
            }
            pool.shutdown();
            int total = 0;
            int failed = 0;
            for (String kind : new TreeMap<>(nanos).keySet()) {
                List<Long> sorted = new ArrayList<>(nanos.get(kind));
                Collections.sort(sorted);
                int wrong = errors.getOrDefault(kind, new AtomicInteger()).get();
                total += sorted.size();
                failed += wrong;
                System.out.printf("  %-10s %,7d requests, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", kind,
                        sorted.size(), wrong, sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                        wrong > 0 ? " (first: " + firstError.get(kind) + ")" : "");
            }
            System.out.printf("  %,d requests, %d errors; statements by status: %s%n", total, failed,
                    statuses(db));
            checks.check(failed == 0, failed + " requests failed");
        } finally {
            smtp.stop();
        }
        checks.exit("no error");
    }

    private static HttpRequest form(String url, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** The answer's body; a status of 400 or more, or no answer, counts as an error of its kind. */
    private static String send(HttpClient http, HttpRequest request, String kind, Map<String, List<Long>> nanos,
            Map<String, AtomicInteger> errors, Map<String, String> firstError) {
        long t0 = System.nanoTime();
        String body = null;
        String error = null;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            body = answer.body();
            if (answer.statusCode() >= 400) {
                error = "HTTP " + answer.statusCode();
            }
        } catch (Exception e) {
            error = e.toString();
        }
        nanos.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
        if (error != null) {
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            firstError.putIfAbsent(kind, error);
        }
        return body;
    }

    private static Map<String, Long> statuses(Connection db) throws Exception {
        Map<String, Long> statuses = new TreeMap<>();
        try (var s = db.createStatement(); var rs = s.executeQuery("SELECT status, COUNT(*) FROM statement "
                + "GROUP BY status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getLong(2));
            }
        }
        return statuses;
    }
}
