package io.crmrecon.benchmark;

import io.crmrecon.PostgresTestDatabase;
import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The import figures of the foundation, end to end: the packaged jar started with -Xmx512m on PostgreSQL, files
 * posted over HTTP as a user would. Prints the figures; asserts nothing (see README, "Benchmarks").
 *
 * <p>PostgreSQL: {@code RECON_BENCH_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) or an embedded PostgreSQL 16.
 */
public final class ImportBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = UUID.randomUUID().toString();

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("documents", 100_000);
        int entries = Integer.getInteger("entries", 100_000);
        int customers = Integer.getInteger("customers", 2_000);
        Path jar = findJar();
        String dbUrl = System.getenv("RECON_BENCH_DB_URL");
        String dbUser = dbUrl == null ? "postgres" : System.getenv().getOrDefault("RECON_BENCH_DB_USER", "postgres");
        String dbPassword = dbUrl == null ? "postgres" : System.getenv().getOrDefault("RECON_BENCH_DB_PASSWORD", "");
        if (dbUrl == null) {
            dbUrl = PostgresTestDatabase.url();
        }
        int port = freePort();
        Path log = Files.createTempFile("recon-bench-", ".log");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar.toString(),
                "--spring.profiles.active=postgres", "--server.port=" + port,
                // the job executor on: the bank statement's matching run is its job
                "--camunda.bpm.job-execution.enabled=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("RECON_DB_URL", dbUrl);
        pb.environment().put("RECON_DB_USER", dbUser);
        pb.environment().put("RECON_DB_PASSWORD", dbPassword);
        pb.environment().put("RECON_ADMIN_USER", USER);
        pb.environment().put("RECON_ADMIN_PASSWORD", PASSWORD);
        long t0 = System.nanoTime();
        Process app = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(http, base, app, log);
            double startup = seconds(t0);
            System.out.printf("%nstart-up of the packaged jar on PostgreSQL (-Xmx512m, to /actuator/health UP): %.1f s%n",
                    startup);
            Files.readAllLines(log).stream().filter(l -> l.contains("Started ReconApplication"))
                    .forEach(l -> System.out.println("  " + l.substring(l.indexOf("Started"))));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BenchmarkFiles.writeCustomersCsv(out, customers, 42);
            post(http, base, "/api/customers/import", "customers.csv", out.toByteArray());

            out = new ByteArrayOutputStream();
            BenchmarkFiles.writeDocumentsCsv(out, documents, customers, 42);
            byte[] documentsCsv = out.toByteArray();
            long t1 = System.nanoTime();
            String answer = post(http, base, "/api/documents/import", "documents.csv", documentsCsv);
            System.out.printf("import of %,d documents (CSV, %.1f MB, HTTP, PostgreSQL): %.2f s  %s%n", documents,
                    documentsCsv.length / 1e6, seconds(t1), answer);
            long t2 = System.nanoTime();
            answer = post(http, base, "/api/documents/import", "documents.csv", documentsCsv);
            System.out.printf("the same %,d documents again (all unchanged): %.2f s  %s%n", documents, seconds(t2),
                    answer);

            out = new ByteArrayOutputStream();
            // entry k pays the documents file's k-th invoice: what matching settles is known
            BenchmarkFiles.writeCamt053(out, entries, 42, LocalDate.of(2026, 10, 30), customers);
            byte[] camt = out.toByteArray();
            long t3 = System.nanoTime();
            answer = post(http, base, "/api/bank-statements", "camt053.xml", camt);
            double imported = seconds(t3);
            System.out.printf("import of a camt.053 with %,d entries (%.1f MB): %.2f s  %s%n", entries,
                    camt.length / 1e6, imported, answer);
            // the run the import started, as a script waits for it: from the start of the upload to COMPLETED
            java.util.regex.Matcher run = java.util.regex.Pattern.compile("\"matchingRunUrl\":\"([^\"]+)\"")
                    .matcher(answer);
            if (run.find()) {
                String status = awaitRun(http, base + run.group(1));
                double total = seconds(t3);
                int transactions = Integer.parseInt(status.replaceAll(".*\"transactions\":(\\d+).*", "$1"));
                System.out.printf("upload start -> its matching run COMPLETED: %.2f s (import %.2f s, run %.2f s "
                        + "after the answer), %,.0f transactions/s end to end  %s%n", total, imported,
                        total - imported, transactions / total, status);
                Files.readAllLines(log).stream().filter(l -> l.contains("Matching run "))
                        .forEach(l -> System.out.println("  " + l.substring(l.indexOf("Matching run "))));
            }
            long t4 = System.nanoTime();
            answer = post(http, base, "/api/bank-statements", "camt053.xml", camt);
            System.out.printf("the same camt.053 again (all duplicates): %.2f s  %s%n", seconds(t4), answer);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static String post(HttpClient http, String base, String path, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----recon" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Polls the run until it is no longer RUNNING; its JSON. */
    private static String awaitRun(HttpClient http, String url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"RUNNING\"")) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the run at " + url + " did not end within 10 minutes");
    }

    private static void waitUntilUp(HttpClient http, String base, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app stopped; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
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

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Path findJar() throws IOException {
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
