package io.crmrecon.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.benchmark.HandoverBenchmark.Customer;
import io.crmrecon.benchmark.HandoverReadings.Settlement;
import io.crmrecon.demo.BenchmarkFiles;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@link HandoverBenchmark} does over HTTP, as the people involved would: the back office importing the ledger,
 * the customers on their page (dispute, confirm), the clerk in Tasklist (engine-rest as the clerk), the bank's file,
 * and the operator's retry in Cockpit. The callers time these calls; nothing here measures.
 */
final class HandoverSteps {

    private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{22,})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPANY_ACCOUNT = "31000001";

    private final RunningApp app;
    private final RunningApp.User clerk;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Creates the clerk (group clerks) through engine-rest, as an operator would in Camunda Admin. */
    HandoverSteps(RunningApp app) throws Exception {
        this.app = app;
        app.createUser("clerk", "clerk", "clerks");
        this.clerk = app.as("clerk", "clerk");
    }

    /** The bank file: its references' run, the CSV, bank reference → settlement number, and those not paid. */
    record BankFile(String run, StringBuilder csv, Map<String, String> settlementOf, Map<String, Integer> notOwed) {
    }

    // ------------------------------------------------------------------------------------------------ the ledger

    /** Imports the customers and their documents of {@code period}, then runs the statements (which mail links). */
    void ledger(int customers, int lines, YearMonth period) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeCustomersCsv(out, customers, 42);
        app.upload("/api/customers/import", "customers.csv", out.toByteArray());
        out = new ByteArrayOutputStream();
        BenchmarkFiles.writePeriodDocumentsCsv(out, customers, lines, period, 42);
        String imported = app.upload("/api/documents/import", "documents.csv", out.toByteArray());
        JsonNode run = JSON.readTree(imported).path("matchingRunUrl");
        if (run.isTextual()) {
            app.awaitRun(run.asText(), Duration.ofMinutes(10));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> started = app.postJson("/api/statement-runs", "{\"period\":\"" + period + "\"}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the run was not started: " + started.statusCode() + " " + started.body());
        }
        String done = app.awaitRun(started.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(30));
        System.out.printf("ledger: %,d customers × %d documents in %s; statement run %.1f s: %s%n", customers, lines,
                period, RunningApp.seconds(t0), done);
    }

    /** Each customer's link token (by e-mail address, lower case), from the mails the SMTP server received. */
    static Map<String, String> links(MimeMessage[] mails) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (MimeMessage mail : mails) {
            Matcher m = LINK.matcher(text(mail));
            Address[] to = mail.getRecipients(MimeMessage.RecipientType.TO);
            if (m.find() && to != null && to.length > 0) {
                tokens.put(((InternetAddress) to[0]).getAddress().toLowerCase(), m.group(1));
            }
        }
        return tokens;
    }

    // -------------------------------------------------------------------------------------------- the customers

    /** The dispute of a line ({document number, amount}): 90% of it arrived. Built before the request is timed. */
    static String disputeForm(String[] line) {
        BigDecimal claimed = new BigDecimal(line[1]).multiply(new BigDecimal("0.9"))
                .setScale(2, RoundingMode.HALF_UP);
        return form("documentNo", line[0], "reason", "AMOUNT_WRONG", "comment",
                "Only 90% of the goods arrived.", "claimedAmount_" + line[0], claimed.toPlainString());
    }

    HttpResponse<String> dispute(Customer c, String form) throws Exception {
        return post("/s/" + c.token() + "/dispute", form);
    }

    /** Every customer agrees (those whose dispute was rejected on the same link, open again); how many failed. */
    int confirmAll(List<Customer> ledger) throws Exception {
        ExecutorService customers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> confirms = new ArrayList<>();
        for (Customer c : ledger) {
            confirms.add(customers.submit(() -> post("/s/" + c.token() + "/confirm", form("confirmerName", "Bench"))
                    .statusCode()));
        }
        int failed = 0;
        for (Future<Integer> f : confirms) {
            failed += f.get() >= 400 ? 1 : 0;
        }
        customers.shutdown();
        return failed;
    }

    /** A customer's form post on the customer's page (no login: the token is the credential). */
    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(app.base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------- the clerk

    /** The query of Tasklist's clerk (engine-rest as the clerk), for every dispute in {@code pending} at once. */
    HttpResponse<String> tasklist(List<String> pending) throws Exception {
        return clerk.get("/engine-rest/task?taskDefinitionKey=investigateDispute"
                + "&processInstanceBusinessKeyIn=" + URLEncoder.encode(String.join(",", pending),
                StandardCharsets.UTF_8));
    }

    /** The tasks in the answer of {@link #tasklist}. */
    static JsonNode tasks(HttpResponse<String> r) throws Exception {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("task query: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The clerk's decision: REJECT with a note, so no approval is needed. */
    HttpResponse<String> reject(String task) throws Exception {
        return clerk.postJson("/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"REJECT\"},\"resolutionNote\":{\"value\":"
                        + "\"The delivery note is signed for all the goods.\"}}}");
    }

    // -------------------------------------------------------------------------------------- the bank, the operator

    /**
     * ONE bank file paying every open settlement's net amount from the customer's account, quoting the statement
     * and the invoices; settlements not open or not owed anything are only counted (by status).
     */
    static BankFile bankFile(LocalDate today, List<Customer> ledger, List<Settlement> settlements) {
        Map<String, String> settlementOf = new LinkedHashMap<>(); // bank reference → settlement number
        StringBuilder csv = new StringBuilder("transaction_id,account,booking_date,value_date,amount,currency,"
                + "counterparty_name,counterparty_account,remittance_info\n");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Long, Customer> byId = ledger.stream().collect(Collectors.toMap(Customer::customerId, c -> c));
        Map<String, Integer> notOwed = new LinkedHashMap<>();
        for (Settlement s : settlements) {
            if (!"OPEN".equals(s.status()) || s.netAmount().signum() <= 0) {
                notOwed.merge(s.status(), 1, Integer::sum);
                continue;
            }
            Customer c = byId.get(s.customerId());
            String reference = "HB-" + run + "-" + s.settlementNo();
            settlementOf.put(reference, s.settlementNo());
            String account = c.account() != null ? c.account() : "6222" + String.format("%012d", c.customerId());
            csv.append(reference).append(',').append(COMPANY_ACCOUNT).append(',').append(today).append(',')
                    .append(today).append(',').append(s.netAmount().setScale(2, RoundingMode.HALF_UP)
                            .toPlainString()).append(",CNY,").append(quoted(c.name())).append(',').append(account)
                    .append(',').append(quoted("Payment " + s.statementNo() + " "
                            + (s.invoices() == null ? "" : s.invoices()))).append('\n');
        }
        return new BankFile(run, csv, settlementOf, notOwed);
    }

    /** A CSV cell in quotes (names may hold commas). */
    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** Uploads the bank file (POST /api/bank-statements; the caller times it, text to bytes included). */
    String upload(BankFile file) throws Exception {
        return app.upload("/api/bank-statements", "bank-" + file.run() + ".csv",
                file.csv().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The matching run an upload started (its URL), or null. */
    static String matchingRunUrl(String imported) throws Exception {
        return JSON.readTree(imported).path("matchingRunUrl").asText(null);
    }

    /** The failed mail deliveries retried at once (engine-rest's job execute, as in Cockpit); how many ran. */
    int retryFailedDeliveries() throws Exception {
        int executed = 0;
        for (JsonNode job : JSON.readTree(app.get("/engine-rest/job?activityId=deliverRequest&withException=true"))) {
            HttpResponse<String> r = app.postJson("/engine-rest/job/" + job.get("id").asText() + "/execute", "{}");
            executed += r.statusCode() == 204 ? 1 : 0;
        }
        return executed;
    }

    /** The payment requests (their subject names the settlement) among these mails. */
    static long paymentRequests(MimeMessage[] mails) {
        return Arrays.stream(mails).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains("SET-");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }

    // ------------------------------------------------------------------------------------------------ the mails

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
}
