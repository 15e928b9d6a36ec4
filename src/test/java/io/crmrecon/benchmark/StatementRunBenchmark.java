package io.crmrecon.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.crmrecon.demo.BenchmarkFiles;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement figures on PostgreSQL, end to end: the packaged jar, {@code customers} customers with
 * {@code lines} documents each in last month, a statement run for that month (snapshots, PDFs, every mail
 * accepted by a local SMTP server), then the customer's page and its confirm under {@code clients} concurrent
 * clients on loopback, {@code each} requests per client, every request on a link of its own (a customer opening
 * a statement nobody opened before), each measurement after unmeasured rounds of the same shape on other links
 * ({@code warmup} page views: a running server's compiled code, not the first minute's). With {@code warmrun}
 * above 0, as many more customers get their statements in a run of their own first, unmeasured: the measured run
 * then works on a running server's compiled code too, as a month's run after the month before does. Prints the
 * figures; asserts nothing (see README, "Benchmarks").
 */
public final class StatementRunBenchmark {

    /** What each client waits between two requests (a person reading); 0: one request after another. */
    private static final long THINK_MS = Long.getLong("think", 0);
    /** Page views before the page is measured: the JIT compiles a large application's hot code for thousands. */
    private static final int WARMUP = Integer.getInteger("warmup", 10_000);
    private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{22,})");

    private StatementRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 10_000);
        int lines = Integer.getInteger("lines", 20);
        int clients = Integer.getInteger("clients", 50);
        int each = Integer.getInteger("each", 20);
        int warmRun = Integer.getInteger("warmrun", 0);
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        GreenMail smtp = RunningApp.mailServer();
        try (RunningApp app = RunningApp.start(RunningApp.sendingTo(smtp,
                // every client comes from this machine
                "--recon.statement.page-rate-limit=0"), Map.of())) {
            System.out.printf("%nstart-up of the packaged jar on PostgreSQL: %.1f s%n", app.startupSeconds);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BenchmarkFiles.writeCustomersCsv(out, customers + warmRun, 42);
            app.upload("/api/customers/import", "customers.csv", out.toByteArray());
            out = new ByteArrayOutputStream();
            BenchmarkFiles.writePeriodDocumentsCsv(out, customers + warmRun, lines, period, 42);
            long t0 = System.nanoTime();
            app.upload("/api/documents/import", "documents.csv", out.toByteArray());
            System.out.printf("ledger: %,d customers, %,d documents in %s (imported in %.1f s)%n",
                    customers + warmRun, (customers + warmRun) * lines, period, RunningApp.seconds(t0));
            // the documents import started a matching run; let it end so it does not share the machine
            Thread.sleep(2_000);

            if (warmRun > 0) {
                // the last customers, by their codes; the measured run then skips their open statements
                List<String> codes = new ArrayList<>();
                for (int i = customers + 1; i <= customers + warmRun; i++) {
                    codes.add("\"" + BenchmarkFiles.customerCode(i) + "\"");
                }
                long tw = System.nanoTime();
                run(app, "{\"period\":\"" + period + "\",\"customerCodes\":[" + String.join(",", codes) + "]}");
                System.out.printf("(warming up: a statement run for %,d other customers, %.1f s)%n", warmRun,
                        RunningApp.seconds(tw));
                Thread.sleep(5_000);
            }
            int mailsBefore = smtp.getReceivedMessages().length;
            Timestamp since = new Timestamp(System.currentTimeMillis());
            long t1 = System.nanoTime();
            String done = run(app, "{\"period\":\"" + period + "\"}");
            double runSeconds = RunningApp.seconds(t1);
            int total = count(done, "total");
            int received = smtp.getReceivedMessages().length - mailsBefore;
            System.out.printf("statement run for %s: %,d statements of %d lines generated, rendered as PDF and "
                            + "accepted by the SMTP server in %.1f s = %.1f statements/s (%,d mails received)%n  %s%n",
                    period, total, lines, runSeconds, total / runSeconds, received, done);
            steps(app, since);

            int n = clients * each;
            List<String> tokens = tokens(smtp.getReceivedMessages(), 4 * n);
            if (tokens.size() < 4 * n) {
                System.out.printf("only %,d links in the mails: the page and confirm need %,d (4 × clients × each)%n",
                        tokens.size(), 4 * n);
                return;
            }
            Duration idle0 = app.cpu();
            Thread.sleep(5_000);
            System.out.printf("the app at rest after the run: %.0f ms of CPU a second%n",
                    app.cpu().minus(idle0).toNanos() / 1e6 / 5);
            // measured links first, then the warm-up rounds' own
            latency("GET /s/{token} (the statement page)", clients, each, tokens.subList(2 * n, 3 * n), false, app);
            Measured page = latency(clients, each, tokens.subList(0, n), false, THINK_MS, app);
            latency("POST /s/{token}/confirm", clients, each, tokens.subList(3 * n, 4 * n), true, app);
            Measured confirm = latency(clients, each, tokens.subList(n, 2 * n), true, THINK_MS, app);
            page.print("GET /s/{token} (the statement page)", clients);
            confirm.print("POST /s/{token}/confirm", clients);
            // before the app: it may still be sending the confirmations' mails, and a conversation the app's end
            // cuts off fails the SMTP server's thread, which the Maven goal reports as the benchmark's failure
            smtp.stop();
        } finally {
            smtp.stop();
        }
    }

    /** Starts a statement run and waits until it reads {@code COMPLETED}; returns its progress. */
    private static String run(RunningApp app, String body) throws Exception {
        HttpResponse<String> started = app.postJson("/api/statement-runs", body);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the run was not started: " + started.statusCode() + " "
                    + started.body());
        }
        return app.awaitRun(started.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(30),
                Duration.ofSeconds(1));
    }

    private static int count(String progress, String name) {
        return Integer.parseInt(progress.replaceAll("(?s).*\"" + name + "\":(\\d+).*", "$1"));
    }

    /** Each step's share of the measured run's statements' time, from the engine's history of their activities. */
    private static void steps(RunningApp app, Timestamp since) throws Exception {
        try (Connection c = DriverManager.getConnection(app.dbUrl, app.dbUser, app.dbPassword);
                PreparedStatement query = c.prepareStatement("SELECT proc_def_key_, act_id_, COUNT(*), "
                        + "SUM(duration_) FROM act_hi_actinst WHERE proc_def_key_ IN ('statementRun', "
                        + "'customerStatement') AND act_type_ = 'serviceTask' AND start_time_ >= ? "
                        + "GROUP BY proc_def_key_, act_id_ ORDER BY 4 DESC")) {
            query.setTimestamp(1, since);
            ResultSet rs = query.executeQuery();
            List<String[]> rows = new ArrayList<>();
            long sum = 0;
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1) + "." + rs.getString(2), rs.getString(3), rs.getString(4)});
                sum += rs.getLong(4);
            }
            System.out.println("  time in each step (sum over all instances, job threads):");
            for (String[] r : rows) {
                long ms = Long.parseLong(r[2]);
                System.out.printf("    %-36s %,7d × %6.1f ms = %5.1f %%%n", r[0], Long.parseLong(r[1]),
                        ms / (double) Long.parseLong(r[1]), 100.0 * ms / Math.max(1, sum));
            }
        }
    }

    static List<String> tokens(MimeMessage[] mails, int wanted) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (MimeMessage mail : mails) {
            String text = text(mail);
            Matcher m = LINK.matcher(text);
            if (m.find()) {
                tokens.add(m.group(1));
            }
            if (tokens.size() == wanted) {
                break;
            }
        }
        return tokens;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    /** Warm-up rounds: the same shape without waits between requests, not reported. */
    private static void latency(String what, int clients, int each, List<String> tokens, boolean confirm,
            RunningApp app) throws Exception {
        // a page may be opened again; a second confirm is the idempotent path, so confirms warm up once
        int rounds = confirm ? 1 : Math.max(1, WARMUP / tokens.size());
        System.out.printf("(warming up: %s, %,d requests)%n", what, rounds * tokens.size());
        for (int r = 0; r < rounds; r++) {
            latency(clients, each, tokens, confirm, 0, app);
        }
    }

    /**
     * One round's latencies (sorted), its length, the app's CPU time over it and the load generator's (this JVM), and
     * the latencies of each client's first request (sorted), which also opens its connection.
     */
    private record Measured(long[] nanos, double wall, double cpuMs, double clientCpuMs, int failed, long[] first) {

        void print(String what, int clients) {
            System.out.printf("%s, %d concurrent clients" + (THINK_MS > 0 ? ", each waiting " + THINK_MS
                            + " ms between requests" : "") + ", %,d requests in %.1f s (%.0f/s): p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms, failed %d; the app's CPU %.1f ms a request, the load "
                            + "generator's %.1f ms%n", what, clients,
                    nanos.length, wall, nanos.length / wall, nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, failed,
                    cpuMs / nanos.length, clientCpuMs / nanos.length);
            System.out.printf("  p90 %.1f ms, p95 %.1f ms; the clients' first requests (a new connection each, all at "
                    + "once) p50 %.1f ms, max %.1f ms%n", nanos[(int) (nanos.length * 0.90)] / 1e6,
                    nanos[(int) (nanos.length * 0.95)] / 1e6, first[first.length / 2] / 1e6,
                    first[first.length - 1] / 1e6);
        }
    }

    /**
     * {@code clients} threads, each making {@code each} requests one after another ({@code thinkMs} apart), one token
     * each. A confirm takes a token of its own (confirming twice is the idempotent path, not the one measured).
     */
    private static Measured latency(int clients, int each, List<String> tokens, boolean confirm, long thinkMs,
            RunningApp app) throws Exception {
        String base = app.base;
        // HTTP/1.1 as a browser speaks it to a plain-http server (no upgrade attempt on each new connection)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long[] nanos = new long[clients * each];
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        Duration cpu0 = app.cpu();
        Duration clientCpu0 = ownCpu();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                // people do not arrive in step: the clients' first requests are spread over one wait
                Thread.sleep(thinkMs * client / clients);
                for (int k = 0; k < each; k++) {
                    int i = client * each + k;
                    String token = tokens.get(i);
                    HttpRequest request = confirm
                            ? HttpRequest.newBuilder(URI.create(base + "/s/" + token + "/confirm"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("confirmerName=Bench")).build()
                            : HttpRequest.newBuilder(URI.create(base + "/s/" + token)).build();
                    long s = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 400) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - s;
                    if (thinkMs > 0) {
                        Thread.sleep(thinkMs);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double wall = RunningApp.seconds(t0);
        double cpuMs = app.cpu().minus(cpu0).toNanos() / 1e6;
        double clientCpuMs = ownCpu().minus(clientCpu0).toNanos() / 1e6;
        pool.shutdown();
        long[] first = new long[clients];
        for (int c = 0; c < clients; c++) {
            first[c] = nanos[c * each];
        }
        Arrays.sort(first);
        Arrays.sort(nanos);
        return new Measured(nanos, wall, cpuMs, clientCpuMs, failed.get(), first);
    }

    /** This JVM's CPU time so far: the clients' (and the SMTP server's, idle by then). */
    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
