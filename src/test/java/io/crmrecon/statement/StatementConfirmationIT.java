package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The whole conversation on PostgreSQL with the real processes and a real SMTP server: documents imported, a
 * statement run for their month, the statement mailed with its PDF and link, the link opened by the customer, who
 * confirms — or disputes lines — and the statement's status, evidence and process follow.
 */
class StatementConfirmationIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/s/([A-Za-z0-9_-]{22,})");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    StatementAnswers answers;
    @Autowired
    StatementRepository statements;
    @Autowired
    Clock clock;

    Api clerk;
    StatementFixture f;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        f.ledger();
    }

    @Test
    void aCustomerConfirmsThroughTheMailedLinkAndTheStatementKeepsTheEvidence() throws Exception {
        String statementNo = runAndSend("A");
        Statement sent = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(sent.status()).isEqualTo(StatementStatus.SENT);

        MimeMessage mail = onlyMailTo("a@example.cn", statementNo);
        byte[] attached = attachment(mail);
        assertThat(StatementFixture.sha256(attached)).isEqualTo(sent.pdfSha256());
        String token = token(mail);

        ResponseEntity<String> page = rest.getForEntity("/s/" + token, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(statementNo);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("confirmerName", "王晓明");
        form.add("confirmerTitle", "财务经理");
        ResponseEntity<String> confirmed = post("/s/" + token + "/confirm", form);
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isIn(200, 302, 303);

        assertThat(status("A")).isEqualTo("CONFIRMED");
        StatementAnswer answer = answers.answers(sent.id()).get(0);
        assertThat(answer.kind()).isEqualTo("CONFIRMED");
        assertThat(answer.confirmerName()).isEqualTo("王晓明");
        assertThat(answer.confirmerTitle()).isEqualTo("财务经理");
        assertThat(answer.clientIp()).isEqualTo("127.0.0.1");
        assertThat(answer.userAgent()).isEqualTo("statement-journey/1.0");
        assertThat(answer.pdfSha256()).isEqualTo(StatementFixture.sha256(attached));

        // the process heard the answer and ended; a second confirm shows the same confirmed page
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(statementNo).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(statementNo).finished()
                .count()).isEqualTo(1);
        ResponseEntity<String> again = post("/s/" + token + "/confirm", form);
        assertThat(again.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(answers.answers(sent.id())).hasSize(1);
    }

    @Test
    void aCustomerDisputesLinesAndTheStatementWaitsForTheDisputesOutcome() throws Exception {
        String statementNo = runAndSend("B");
        Statement sent = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        String token = token(onlyMailTo("b@example.cn", statementNo));
        disputeB1(token);

        assertThat(status("B")).isEqualTo("DISPUTED");
        // the statement's instance hands the dispute over in a job of its own, then waits
        ProcessJobs.runAll(runtime, management, statementNo);
        StatementAnswer answer = answers.answers(sent.id()).get(0);
        assertThat(answer.kind()).isEqualTo("DISPUTED");
        assertThat(answer.reason()).isEqualTo("AMOUNT_WRONG");
        assertThat(answer.comment()).contains("400.00");
        assertThat(answer.lines()).singleElement().satisfies(line -> {
            assertThat(line.documentNo()).isEqualTo(f.p + "-B1");
            assertThat(new java.math.BigDecimal(line.claimedAmount())).isEqualByComparingTo("400.00");
        });
        // waiting for disputeHandling's answer, as a BPMN message Cockpit shows
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(statementNo).singleResult()
                .getId();
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance)
                .eventName(StatementMessages.DISPUTE_RESOLVED).count()).isEqualTo(1);
    }

    /**
     * The whole dispute: the customer disputes a line, a clerk accepts it with a credit note above what was disputed
     * (so a manager approves, and a clerk cannot), the note is posted, a new version with it is mailed, the old
     * link dies, and the customer confirms the new one. Through the customer's page, engine-rest and the mail.
     */
    @Test
    void anAcceptedDisputeIssuesANewVersionWithTheCreditNoteThatTheCustomerConfirms() throws Exception {
        String statementNo = runAndSend("B");
        Statement first = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        String oldToken = token(onlyMailTo("b@example.cn", statementNo));
        disputeB1(oldToken);
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";

        Api manager = new Api(rest, "manager");
        String investigate = taskOf(disputeNo, "investigateDispute");
        Api.Response form = clerk.get("/engine-rest/task/" + investigate + "/form-variables");
        assertThat(form.body()).contains(f.p + "-B1").contains("400.00").contains("ordered 400");
        Api.Response unreadable = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"ACCEPT\"},\"adjustmentAmount\":{\"value\":\"1OO\"}}}");
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
        assertThat(unreadable.body()).contains("1OO");
        Api.Response proposed = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"ACCEPT\"},\"adjustmentAmount\":{\"value\":\"600.00\"},"
                        + "\"resolutionNote\":{\"value\":\"Freight charged twice; credited with goodwill.\"}}}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(204);

        // 600.00 is more than the 500.00 disputed: a manager must approve, a clerk cannot
        String approve = taskOf(disputeNo, "approveAdjustment");
        String yes = "{\"variables\":{\"approved\":{\"value\":true}}}";
        assertThat(clerk.postJson("/engine-rest/task/" + approve + "/submit-form", yes).status()).isEqualTo(403);
        Api.Response approved = manager.postJson("/engine-rest/task/" + approve + "/submit-form", yes);
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);
        ProcessJobs.runAll(runtime, management, statementNo);

        // the note is in the ledger, dated today and belonging to the disputed period
        var note = jdbc.queryForMap("SELECT type, amount, issue_date, adjusts_period FROM document "
                + "WHERE document_no = ?", "CN-" + disputeNo);
        assertThat(note.get("type")).isEqualTo("CREDIT_NOTE");
        assertThat((java.math.BigDecimal) note.get("amount")).isEqualByComparingTo("600.00");
        assertThat(note.get("issue_date").toString()).isEqualTo(java.time.LocalDate.now(clock).toString());
        assertThat(note.get("adjusts_period").toString()).isEqualTo(f.period.first().toString());
        var dispute = jdbc.queryForMap("SELECT status, investigated_by, approved_by, adjustment_document_no "
                + "FROM dispute WHERE dispute_no = ?", disputeNo);
        assertThat(dispute).containsEntry("status", "ACCEPTED").containsEntry("investigated_by", "clerk")
                .containsEntry("approved_by", "manager").containsEntry("adjustment_document_no", "CN-" + disputeNo);
        assertThat(jdbc.queryForList("SELECT e.action FROM dispute_event e JOIN dispute d ON d.id = e.dispute_id "
                + "WHERE d.dispute_no = ? ORDER BY e.id", String.class, disputeNo))
                .containsExactly("OPENED", "ROUTED", "PROPOSED_ACCEPT", "APPROVED", "ADJUSTED");

        // a new version: the old one's closing less the credit; the old link is dead, the new one works
        Statement second = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.closingBalance()).isEqualByComparingTo(first.closingBalance().subtract(
                new java.math.BigDecimal("600.00")));
        assertThat(statements.findById(first.id()).orElseThrow().status()).isEqualTo(StatementStatus.SUPERSEDED);
        assertThat(second.status()).isEqualTo(StatementStatus.SENT);
        assertThat(rest.getForEntity("/s/" + oldToken, String.class).getStatusCode().value()).isEqualTo(404);
        List<MimeMessage> mails = mailsAbout("b@example.cn", statementNo);
        assertThat(mails).hasSize(2);
        String newToken = token(mails.get(1));
        ResponseEntity<String> page = rest.getForEntity("/s/" + newToken, String.class);
        assertThat(page.getBody()).contains("CN-" + disputeNo);
        ResponseEntity<String> confirmed = post("/s/" + newToken + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(status("B")).isEqualTo("CONFIRMED");
    }

    /** REJECT: the version is open again, the customer is mailed the reason and can answer once more. */
    @Test
    void aRejectedDisputeReopensTheVersionAndTellsTheCustomerWhy() throws Exception {
        String statementNo = runAndSend("B");
        String token = token(onlyMailTo("b@example.cn", statementNo));
        disputeB1(token);
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";
        String investigate = taskOf(disputeNo, "investigateDispute");
        Api.Response noReason = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"REJECT\"}}}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        Api.Response rejected = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"REJECT\"},"
                        + "\"resolutionNote\":{\"value\":\"The order confirmation says 500.00.\"}}}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);
        ProcessJobs.runAll(runtime, management, statementNo);

        assertThat(status("B")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT status FROM dispute WHERE dispute_no = ?", String.class, disputeNo))
                .isEqualTo("REJECTED");
        List<MimeMessage> mails = mailsAbout("b@example.cn", statementNo);
        assertThat(mails).hasSize(2);
        List<String> texts = new ArrayList<>();
        collectText(mails.get(1), texts);
        assertThat(String.join("\n", texts)).contains("The order confirmation says 500.00.");
        // the same link works again, and the customer can confirm now
        ResponseEntity<String> confirmed = post("/s/" + token + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(status("B")).isEqualTo("CONFIRMED");
    }

    private void disputeB1(String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("documentNo", f.p + "-B1");
        form.add("reason", "AMOUNT_WRONG");
        form.add("comment", "We were invoiced 500.00 but ordered 400.00.");
        form.add("claimedAmount_" + f.p + "-B1", "400.00");
        ResponseEntity<String> disputed = post("/s/" + token + "/dispute", form);
        assertThat(disputed.getStatusCode().value()).as(disputed.getBody()).isIn(200, 302, 303);
    }

    /** The one open task of that key in the dispute's instance, as a clerk finds it through engine-rest. */
    private String taskOf(String disputeNo, String key) {
        Api.Response tasks = new Api(rest, "admin").get("/engine-rest/task?processInstanceBusinessKey=" + disputeNo
                + "&taskDefinitionKey=" + key);
        assertThat(tasks.json()).as(tasks.body()).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    private static List<MimeMessage> mailsAbout(String address, String statementNo) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestMailServer.to(address)) {
            if (m.getSubject() != null && m.getSubject().contains(statementNo)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** Runs a statement run for one customer of the fixture and the jobs of its statement; its number. */
    private String runAndSend(String customer) {
        Api.Response started = clerk.postJson("/api/statement-runs",
                "{\"period\":\"" + f.period + "\",\"customerCodes\":[\"" + f.p + customer + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.json().get("id").asLong();
        ProcessJobs.runAll(runtime, management, String.valueOf(runId));
        List<String> numbers = jdbc.queryForList(
                "SELECT statement_no FROM statement_run_customer WHERE statement_run_id = ?", String.class, runId);
        assertThat(numbers).hasSize(1);
        ProcessJobs.runAll(runtime, management, numbers.get(0));
        Api.Response run = clerk.get("/api/statement-runs/" + runId);
        assertThat(run.json().get("status").asText()).as(run.body()).isEqualTo("COMPLETED");
        assertThat(run.json().get("sent").asInt()).as(run.body()).isEqualTo(1);
        return numbers.get(0);
    }

    private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.USER_AGENT, "statement-journey/1.0");
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** The status the API reports for the fixture customer's newest statement. */
    private String status(String customer) {
        Api.Response page = clerk.get("/api/statements?customerCode=" + f.p + customer);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("content").get(0).get("status").asText();
    }

    private static MimeMessage onlyMailTo(String address, String statementNo) throws Exception {
        List<MimeMessage> mails = mailsAbout(address, statementNo);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String token(MimeMessage mail) throws Exception {
        List<String> texts = new ArrayList<>();
        collectText(mail, texts);
        Matcher m = LINK.matcher(String.join("\n", texts));
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    private static void collectText(Part part, List<String> texts) throws Exception {
        if (part.isMimeType("text/*") && part.getFileName() == null) {
            texts.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), texts);
            }
        }
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no PDF attached");
    }
}
