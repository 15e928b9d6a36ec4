package io.crmrecon.benchmark;

import io.crmrecon.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged jar started as an operator starts it (the {@code postgres} profile, the 1 GB heap and the parallel
 * collector README's production section asks for, the job executor on) for a benchmark, and the HTTP calls a user or
 * a script makes to it. {@code -Dbench.heap=512m} starts it with the heap the figures measured before 2026-11-29's
 * evening had, {@code -Dbench.gc=} with the JVM's default collector (G1), which they had until 2026-11-29's night.
 *
 * <p>PostgreSQL: {@code RECON_BENCH_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) or an embedded PostgreSQL 16.
 */
final class RunningApp implements AutoCloseable {

    private static final String USER = "bench";

    /** The app's heap, as {@code -Xmx} takes it. */
    static final String HEAP = System.getProperty("bench.heap", "1g").strip();

    /** The app's collector, as the JVM takes it; blank: the JVM's default. */
    static final String GC = System.getProperty("bench.gc", "-XX:+UseParallelGC").strip();

    final String base;
    final Path log;
    final double startupSeconds;
    final String dbUrl;
    final String dbUser;
    final String dbPassword;
    private final ProcessBuilder command;
    private Process process;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(List<String> arguments, Map<String, String> environment, String password) throws Exception {
        this(arguments, environment, password, Database.fromEnvironment());
    }

    private RunningApp(List<String> arguments, Map<String, String> environment, String password, Database database)
            throws Exception {
        this.password = password;
        Path jar = findJar();
        dbUrl = database.url();
        dbUser = database.user();
        dbPassword = database.password();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        log = Files.createTempFile("recon-bench-", ".log");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + HEAP));
        if (!GC.isEmpty()) {
            command.add(GC);
        }
        // e.g. -Dbench.jvm="-XX:StartFlightRecording=filename=app.jfr" to profile the app under load
        String jvm = System.getProperty("bench.jvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.job-execution.enabled=true"));
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("RECON_DB_URL", dbUrl);
        pb.environment().put("RECON_DB_USER", dbUser);
        pb.environment().put("RECON_DB_PASSWORD", dbPassword);
        pb.environment().put("RECON_ADMIN_USER", USER);
        pb.environment().put("RECON_ADMIN_PASSWORD", password);
        pb.environment().putAll(environment);
        this.command = pb;
        long t0 = System.nanoTime();
        process = pb.start();
        waitUntilUp();
        startupSeconds = seconds(t0);
    }

    /**
     * {@code kill -9}: the JVM ends at once, in whatever it was doing (no shutdown hooks, no commit), and is started
     * again on the same database, as an operator's restart would; returns the seconds until it was ready again.
     */
    double killAndRestart() throws Exception {
        process.destroyForcibly();
        process.waitFor();
        long t0 = System.nanoTime();
        process = command.start();
        waitUntilUp();
        return seconds(t0);
    }

    /** Starts the jar with these extra arguments and environment; returns once it is ready to serve. */
    static RunningApp start(List<String> arguments, Map<String, String> environment) throws Exception {
        return new RunningApp(arguments, environment, UUID.randomUUID().toString());
    }

    /** Starts the jar on this database instead (e.g. one a scenario stops and starts again). */
    static RunningApp startOn(String dbUrl, String dbUser, String dbPassword, List<String> arguments)
            throws Exception {
        return new RunningApp(arguments, Map.of(), UUID.randomUUID().toString(),
                new Database(dbUrl, dbUser, dbPassword));
    }

    /**
     * A request to the app as its administrator, for a scenario that sends it with its own client (and sets its
     * own timeout on it).
     */
    HttpRequest.Builder administratorRequest(String path) {
        return request(path);
    }

    /**
     * Another node of the same cluster: the same database and administrator as {@code first} (Camunda's shared-database
     * cluster: both nodes' job executors take jobs from the same tables).
     */
    static RunningApp anotherNode(RunningApp first, List<String> arguments) throws Exception {
        return new RunningApp(arguments, Map.of(), first.password);
    }

    /** A multipart upload of one file as {@code file}; the answer's body, or an exception unless 200. */
    String upload(String path, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----recon" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return expect(200, send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))), path);
    }

    /**
     * The benchmark's customers and {@code lines} documents each in {@code period} (BenchmarkFiles, seed 42), then
     * a pause for the matching run the documents import starts, so that it does not share the machine.
     */
    void importMonth(int customers, int lines, java.time.YearMonth period) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        io.crmrecon.demo.BenchmarkFiles.writeCustomersCsv(out, customers, 42);
        upload("/api/customers/import", "customers.csv", out.toByteArray());
        out = new java.io.ByteArrayOutputStream();
        io.crmrecon.demo.BenchmarkFiles.writePeriodDocumentsCsv(out, customers, lines, period, 42);
        upload("/api/documents/import", "documents.csv", out.toByteArray());
        Thread.sleep(2_000);
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String get(String path) throws IOException, InterruptedException {
        return expect(200, send(request(path).GET()), path);
    }

    /**
     * Creates a user in one of the application's groups through engine-rest, as the administrator (what an operator
     * does in Camunda Admin; the postgres profile creates no users but the first administrator).
     */
    void createUser(String id, String userPassword, String group) throws IOException, InterruptedException {
        if (send(request("/engine-rest/user/" + id + "/profile").GET()).statusCode() == 200) {
            return; // a database of an earlier run (RECON_BENCH_DB_URL)
        }
        String path = "/engine-rest/user/create";
        expect(204, postJson(path, "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"" + id
                + "\",\"lastName\":\"Bench\",\"email\":\"" + id + "@example.com\"},\"credentials\":{\"password\":\""
                + userPassword + "\"}}"), path);
        path = "/engine-rest/group/" + group + "/members/" + id;
        expect(204, send(request(path).PUT(HttpRequest.BodyPublishers.noBody())), path);
    }

    /** The calls of another user (HTTP Basic), e.g. one {@link #createUser} created. */
    User as(String user, String userPassword) {
        return new User(user, userPassword);
    }

    /** HTTP calls as one user; the answers as they come (status and body). */
    final class User {

        private final String authorization;

        private User(String user, String userPassword) {
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + userPassword).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization).GET());
        }

        HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    /** Polls a run's URL until it no longer reads RUNNING; its JSON. */
    String awaitRun(String url, Duration atMost) throws IOException, InterruptedException {
        return awaitRun(url, atMost, Duration.ofMillis(50));
    }

    /**
     * {@code every}: how often the run is looked at. A statement run's progress counts its statements by status,
     * which at 10,000 statements asked every 50 ms took PostgreSQL a good share of a core away from the run.
     */
    String awaitRun(String url, Duration atMost, Duration every) throws IOException, InterruptedException {
        String path = url.startsWith("http") ? URI.create(url).getPath() : url;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            String body = get(path);
            if (!body.contains("\"RUNNING\"")) {
                return body;
            }
            Thread.sleep(every.toMillis());
        }
        throw new IllegalStateException("the run at " + path + " did not end within " + atMost);
    }

    /**
     * Waits until the job executor has nothing due (the exceptions of a run handed to clerks, for instance), so
     * that what is measured next does not share the machine with it; the seconds waited.
     */
    double awaitIdleJobExecutor(Duration atMost) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            while (System.nanoTime() < deadline) {
                // due now, or failed and waiting for its retry
                if (ScenarioChecks.count(db, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 "
                        + "AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP "
                        + "OR exception_msg_ IS NOT NULL)") == 0) {
                    return seconds(start);
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the job executor still had jobs due after " + atMost);
    }

    /** The lines of the app's log that contain {@code text}, from it on. */
    List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text))
                .map(l -> l.substring(l.indexOf(text))).toList();
    }

    /** The CPU time the app's JVM has used so far, all its threads. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Where the app keeps its data: {@code RECON_BENCH_DB_URL} (+ _USER, _PASSWORD) or the tests' embedded one. */
    private record Database(String url, String user, String password) {

        static Database fromEnvironment() {
            String url = System.getenv("RECON_BENCH_DB_URL");
            return url == null ? new Database(PostgresTestDatabase.url(), "postgres", "postgres")
                    : new Database(url, System.getenv().getOrDefault("RECON_BENCH_DB_USER", "postgres"),
                            System.getenv().getOrDefault("RECON_BENCH_DB_PASSWORD", ""));
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(int status, HttpResponse<String> response, String path) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void waitUntilUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped; see " + log);
            }
            try {
                // readiness, not the whole health: the app serves without a mail server (mail is reported apart)
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not start within 3 minutes; see " + log);
    }

    private static Path findJar() throws IOException {
        String chosen = System.getProperty("bench.jar", "").strip();
        if (!chosen.isEmpty()) { // another build's jar, to compare two builds one after the other
            return Path.of(chosen);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("crm-recon-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/crm-recon-*.jar: run 'mvn -DskipTests package' first"));
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * An SMTP server in this JVM on a free port of 127.0.0.1, started, for the app to send to ({@link #sendingTo}).
     * It logs at WARN: GreenMail logs each recipient it has not seen at INFO, a line per statement of a run, on the
     * machine the figures are measured on.
     */
    static com.icegreen.greenmail.util.GreenMail mailServer() throws IOException {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(freePort(),
                "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The app's arguments to send its mail to {@code smtp} instead of keeping it, then {@code more}. */
    static List<String> sendingTo(com.icegreen.greenmail.util.GreenMail smtp, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--recon.mail.capture=false", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
