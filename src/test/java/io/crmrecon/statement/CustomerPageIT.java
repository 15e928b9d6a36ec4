package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.crmrecon.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's side on PostgreSQL, over HTTP as a browser sends it: the statement behind its link, a confirmation
 * with its evidence, a dispute with lines, reason and claimed amounts, answers given twice or from two tabs, bad
 * input, the links that open nothing, the headers, and the process told after the answer committed.
 */
@ExtendWith(OutputCaptureExtension.class)
class CustomerPageIT extends IntegrationTest {

    static final String AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementRepository repository;
    @Autowired
    Statements statements;
    @Autowired
    StatementTokens tokens;
    @Autowired
    StatementAnswers answers;
    @Autowired
    StatementDocuments documents;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repositoryService;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();
    CustomerPageFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CustomerPageFixture(jdbc, repository, statements, tokens, documents, tx, clock);
    }

    @Test
    void aCustomerConfirmsWithOneClickAndTheEvidenceIsKept(CapturedOutput output) throws Exception {
        var s = fixture.sent("zh-CN");
        HttpResponse<String> page = get("/s/" + s.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(s.statementNo(), "13,800.00", "确认对账单", "INV-1015", "提出异议",
                "/css/customer.css").doesNotContain("<style", "style=\"", "<script>");
        assertSecurityHeaders(page);

        // a forwarded address from a peer that is no trusted proxy is not believed
        HttpResponse<String> confirmed = post("/s/" + s.token() + "/confirm",
                Map.of("confirmerName", "王芳", "confirmerTitle", "财务经理"), "X-Forwarded-For", "203.0.113.9");
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/s/" + s.token());
        assertSecurityHeaders(confirmed);

        Map<String, Object> answer = jdbc.queryForMap("SELECT * FROM statement_answer WHERE statement_id = ?",
                s.statementId());
        assertThat(answer).containsEntry("kind", "CONFIRMED").containsEntry("confirmer_name", "王芳")
                .containsEntry("confirmer_title", "财务经理").containsEntry("client_ip", "127.0.0.1")
                .containsEntry("user_agent", AGENT).containsEntry("open_for", s.statementId());
        String pdfHash = jdbc.queryForObject("SELECT pdf_sha256 FROM statement WHERE id = ?", String.class,
                s.statementId());
        byte[] statementPdf = jdbc.queryForObject("SELECT pdf FROM statement_pdf WHERE statement_id = ?", byte[].class,
                s.statementId());
        assertThat(answer.get("pdf_sha256")).isEqualTo(pdfHash).isEqualTo(CustomerPageFixture.sha256(statementPdf));
        assertThat(status(s)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT actor FROM statement_event WHERE statement_id = ? AND status = "
                + "'CONFIRMED'", String.class, s.statementId())).isEqualTo("customer");
        assertThat(jdbc.queryForObject("SELECT answered_at FROM statement WHERE id = ?", Object.class,
                s.statementId())).isNotNull();

        HttpResponse<String> after = get("/s/" + s.token());
        assertThat(after.body()).contains("您已确认本对账单", "王芳", "下载确认回执").doesNotContain("id=\"confirm-form\"");

        // the same click again, and a dispute from a tab opened before: the same confirmed page, nothing stored
        HttpResponse<String> again = post("/s/" + s.token() + "/confirm", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("?r=already-confirmed");
        HttpResponse<String> lateDispute = post("/s/" + s.token() + "/dispute",
                Map.of("documentNo", "INV-1015", "reason", "AMOUNT_WRONG"));
        assertThat(lateDispute.headers().firstValue("Location").orElseThrow()).endsWith("?r=already-confirmed");
        assertThat(get("/s/" + s.token() + "?r=already-confirmed").body()).contains("此前已确认", "您已确认本对账单");
        assertThat(count(s)).isEqualTo(1);
        assertThat(status(s)).isEqualTo("CONFIRMED");

        // the receipt: for the customer and, the same document, for staff
        HttpResponse<byte[]> receipt = http.send(request("/s/" + s.token() + "/receipt.pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertSecurityHeaders(receipt);
        String text = text(receipt.body());
        assertThat(text).contains(s.statementNo(), "13,800.00", "王芳", "财务经理", "127.0.0.1", pdfHash,
                "对账确认回执");
        HttpResponse<byte[]> staff = http.send(request("/statements/" + s.statementNo() + "/v/1/receipt.pdf")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(text(staff.body())).contains(s.statementNo(), pdfHash);

        HttpResponse<byte[]> pdf = http.send(request("/s/" + s.token() + "/statement.pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.body()).isEqualTo(statementPdf);
        assertSecurityHeaders(pdf);
        // the link that worked, and what the customer typed, are not in the log either
        assertThat(output.getAll()).doesNotContain(s.token(), "王芳", "财务经理");
        // each PDF sets up PDF's standard fonts, and PDFBox warned for every statement that Symbol has no file here
        assertThat(output.getAll()).doesNotContain("Using fallback font");
    }

    @Test
    void aDisputeKeepsItsLinesReasonCommentAndClaimedAmountsAndARejectionReopensTheVersion(CapturedOutput output)
            throws Exception {
        var s = fixture.sent("en");
        assertThat(get("/s/" + s.token()).body()).contains("Confirm the statement", "Dispute lines");
        HttpResponse<String> disputed = post("/s/" + s.token() + "/dispute", List.of(
                Map.entry("documentNo", "INV-1015"), Map.entry("documentNo", "CN-1020"),
                Map.entry("reason", "AMOUNT_WRONG"), Map.entry("comment", "We agreed 1,200.00 on the phone."),
                Map.entry("claimedAmount_INV-1015", "1,200.00"), Map.entry("claimedAmount_CN-1020", ""),
                Map.entry("claimedAmount_INV-1002", "5")));
        assertThat(disputed.statusCode()).isEqualTo(303);
        assertSecurityHeaders(disputed);
        assertThat(status(s)).isEqualTo("DISPUTED");
        Map<String, Object> answer = jdbc.queryForMap("SELECT * FROM statement_answer WHERE statement_id = ?",
                s.statementId());
        assertThat(answer).containsEntry("kind", "DISPUTED").containsEntry("reason", "AMOUNT_WRONG")
                .containsEntry("comment", "We agreed 1,200.00 on the phone.");
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT document_no, amount, claimed_amount FROM "
                + "statement_answer_line WHERE answer_id = ? ORDER BY line_no", answer.get("id"));
        assertThat(lines).extracting(l -> l.get("document_no")).containsExactly("INV-1015", "CN-1020");
        assertThat(lines.get(0).get("amount").toString()).isEqualTo("1280.5000");
        assertThat(lines.get(0).get("claimed_amount").toString()).isEqualTo("1200.0000");
        assertThat(lines.get(1).get("amount").toString()).isEqualTo("-280.5000");
        assertThat(lines.get(1).get("claimed_amount")).isNull();
        assertThat(get("/s/" + s.token()).body()).contains("we have your dispute", "The amount is wrong",
                "1,200.00", "We agreed 1,200.00 on the phone.");

        // a confirmation from another tab: "already disputed", nothing stored
        HttpResponse<String> lateConfirm = post("/s/" + s.token() + "/confirm", Map.of());
        assertThat(lateConfirm.headers().firstValue("Location").orElseThrow()).endsWith("?r=already-disputed");
        assertThat(count(s)).isEqualTo(1);
        assertThat(outcome(s.statementId())).hasValue(StatementStatus.DISPUTED);

        // rejected: open again, the customer told why, and may confirm now
        answers.reopen(s.statementId(), "The delivery note shows 1,280.50.");
        assertThat(status(s)).isEqualTo("SENT");
        assertThat(outcome(s.statementId())).isEmpty();
        assertThat(get("/s/" + s.token()).body()).contains("Your dispute was reviewed",
                "The delivery note shows 1,280.50.", "Confirm the statement");
        assertThat(post("/s/" + s.token() + "/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(status(s)).isEqualTo("CONFIRMED");
        assertThat(answers.answers(s.statementId())).extracting(StatementAnswer::kind, StatementAnswer::open)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DISPUTED", false),
                        org.assertj.core.groups.Tuple.tuple("CONFIRMED", true));
        assertThat(answers.deem(s.statementId(), java.time.LocalDate.now(clock))).isFalse();
        // neither the link nor the customer's words reach the log
        assertThat(output.getAll()).doesNotContain(s.token(), "We agreed 1,200.00 on the phone.");
    }

    @Test
    void badInputShowsThePageAgainWithTheFieldsNamedAndStoresNothing() throws Exception {
        var s = fixture.sent("en");
        HttpResponse<String> noLines = post("/s/" + s.token() + "/dispute", Map.of("reason", "", "comment", "x"));
        assertThat(noLines.statusCode()).isEqualTo(422);
        assertSecurityHeaders(noLines);
        assertThat(noLines.body()).contains("id=\"error-documentNo\"", "Tick at least one document",
                "id=\"error-reason\"", "Choose a reason.", ">x</textarea>");
        HttpResponse<String> badAmount = post("/s/" + s.token() + "/dispute", List.of(
                Map.entry("documentNo", "INV-1002"), Map.entry("reason", "OTHER"),
                Map.entry("claimedAmount_INV-1002", "12.345")));
        assertThat(badAmount.statusCode()).isEqualTo(422);
        assertThat(badAmount.body()).contains("Write an amount such as", "value=\"12.345\"");
        HttpResponse<String> notOnStatement = post("/s/" + s.token() + "/dispute",
                Map.of("documentNo", "INV-NOT-HERE", "reason", "OTHER"));
        assertThat(notOnStatement.statusCode()).isEqualTo(422);
        HttpResponse<String> longName = post("/s/" + s.token() + "/confirm", Map.of("confirmerName", "x".repeat(201)));
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(count(s)).isZero();
        assertThat(status(s)).isEqualTo("SENT");
    }

    @Test
    void twoConfirmationsAtTheSameMomentStoreOneAnswer() throws Exception {
        var s = fixture.sent("zh-CN");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StatementAnswers.Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String ip = "192.0.2." + i;
                Callable<StatementAnswers.Result> confirm = () -> {
                    start.await();
                    return answers.confirm(s.statementId(), new StatementAnswers.Evidence(null, null, ip, AGENT));
                };
                results.add(pool.submit(confirm));
            }
            start.countDown();
            List<StatementAnswers.Result> got = new ArrayList<>();
            for (Future<StatementAnswers.Result> r : results) {
                got.add(r.get());
            }
            assertThat(got).containsExactlyInAnyOrder(StatementAnswers.Result.RECORDED,
                    StatementAnswers.Result.ALREADY_CONFIRMED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(s)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_event WHERE statement_id = ? AND status = "
                + "'CONFIRMED'", Integer.class, s.statementId())).isEqualTo(1);
    }

    @Test
    void unknownExpiredAndSupersededLinksGetTheSame404AndNoTokenReachesTheLog(CapturedOutput output)
            throws Exception {
        var expired = fixture.sent("zh-CN");
        jdbc.update("UPDATE statement SET sent_at = sent_at - INTERVAL '121 days' WHERE id = ?", expired.statementId());
        var superseded = fixture.sent("en");
        jdbc.update("UPDATE statement SET status = 'SUPERSEDED' WHERE id = ?", superseded.statementId());
        String unknown = StatementTokens.newToken(new java.security.SecureRandom());

        List<HttpResponse<String>> pages = new ArrayList<>();
        for (String token : List.of(unknown, expired.token(), superseded.token(), "x", "%E4%B8%AD" + "a".repeat(300))) {
            pages.add(get("/s/" + token));
            pages.add(post("/s/" + token + "/confirm", Map.of()));
        }
        HttpResponse<String> first = pages.get(0);
        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(first.body()).contains("此链接无法打开对账单", "This link does not open a statement");
        for (HttpResponse<String> p : pages) {
            assertThat(p.statusCode()).isEqualTo(404);
            assertThat(p.body()).isEqualTo(first.body());
            assertSecurityHeaders(p);
        }
        for (String pdf : List.of("/statement.pdf", "/receipt.pdf")) {
            HttpResponse<String> r = get("/s/" + expired.token() + pdf);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo(first.body());
        }
        // a method the page does not take goes to the error page: it names no URL, and the log has no token
        HttpResponse<String> wrongMethod = get("/s/" + expired.token() + "/confirm");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).doesNotContain(expired.token());
        assertSecurityHeaders(wrongMethod);
        assertThat(output.getAll()).doesNotContain(expired.token(), superseded.token(), unknown);
    }

    /** A process that waits for the confirmation and ends when told. */
    private String waitingForConfirmation() {
        String key = "customerPageAnswerWait";
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).startEvent().intermediateCatchEvent("wait")
                            .message(StatementMessages.CONFIRMED).endEvent().done()).deploy();
        }
        return key;
    }

    @Test
    void moreCustomersConfirmingAtOnceThanTheDatabaseHasConnectionsAllGetTheirAnswer() throws Exception {
        String key = waitingForConfirmation();
        int customers = 2 * dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<CustomerPageFixture.Sent> sent = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            var s = fixture.sent(i % 2 == 0 ? "zh-CN" : "en");
            String instance = runtime.startProcessInstanceByKey(key, s.statementNo()).getId();
            jdbc.update("UPDATE statement SET process_instance_id = ? WHERE id = ?", instance, s.statementId());
            sent.add(s);
            instances.add(instance);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (var s : sent) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/s/" + s.token() + "/confirm", Map.of()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                // a request waiting for a second connection would wait out the pool's timeout, then fail
                assertThat(answer.get(25, TimeUnit.SECONDS)).isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent).allSatisfy(s -> assertThat(status(s)).isEqualTo("CONFIRMED"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances))
                .count()).isZero();
    }

    @Test
    void theWaitingProcessIsToldAfterTheAnswerCommitted() throws Exception {
        String key = waitingForConfirmation();
        var s = fixture.sent("zh-CN");
        String instance = runtime.startProcessInstanceByKey(key, s.statementNo()).getId();
        jdbc.update("UPDATE statement SET process_instance_id = ? WHERE id = ?", instance, s.statementId());
        assertThat(post("/s/" + s.token() + "/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        // an instance that does not wait (yet): the answer is stored all the same, the instance asks for it
        var early = fixture.sent("en");
        jdbc.update("UPDATE statement SET process_instance_id = 'not-waiting' WHERE id = ?", early.statementId());
        assertThat(post("/s/" + early.token() + "/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(status(early)).isEqualTo("CONFIRMED");
        assertThat(outcome(early.statementId())).hasValue(StatementStatus.CONFIRMED);
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        // no session: a customer's visit leaves nothing on the server but an answer
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "style-src 'self'", "img-src 'self' data:", "form-action 'self'",
                        "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe-inline");
        // no framing for browsers that know no frame-ancestors either
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private java.util.Optional<StatementStatus> outcome(long statementId) {
        return tx.execute(t -> answers.outcome(statementId));
    }

    private String status(CustomerPageFixture.Sent s) {
        return jdbc.queryForObject("SELECT status FROM statement WHERE id = ?", String.class, s.statementId());
    }

    private int count(CustomerPageFixture.Sent s) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM statement_answer WHERE statement_id = ?", Integer.class,
                s.statementId());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("User-Agent", AGENT);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        return post(path, new ArrayList<>(form.entrySet()), headers);
    }

    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> form, String... headers)
            throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return java.text.Normalizer.normalize(new PDFTextStripper().getText(document),
                    java.text.Normalizer.Form.NFKC);
        }
    }
}
