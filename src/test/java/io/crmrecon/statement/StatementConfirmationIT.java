package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    private static final String CLERK_2 = "confirmationclerk2";

    private static final String MANAGER_2 = "confirmationmanager2";

    /** A user (password: the user name) in one group only. */
    private String userIn(String userId, String group) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            var user = identityService.newUser(userId);
            user.setPassword(userId);
            identityService.saveUser(user);
            identityService.createMembership(userId, group);
        }
        return userId;
    }

    /** A second clerk (password: the user name), in the clerks' group only. */
    private String clerkWhoDidNotPropose() {
        return userIn(CLERK_2, "clerks");
    }

    /**
     * Nobody investigates the dispute in time: it goes to the managers, and the manager who proposes the credit
     * cannot approve it over the API either (403, the task stays); another manager can.
     */
    @Test
    void aManagerWhoProposedAnEscalatedCreditCannotApproveItAnotherManagerCan() throws Exception {
        String statementNo = journey.runAndSend("B");
        journey.disputeB1(StatementJourney.token(StatementJourney.onlyMailTo("b@example.cn", statementNo)));
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(disputeNo).singleResult()
                .getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
        ProcessJobs.runAll(runtime, management, disputeNo);

        Api manager = new Api(rest, "manager");
        String review = journey.taskOf(disputeNo, "reviewEscalatedDispute");
        Api.Response proposed = manager.postJson("/engine-rest/task/" + review + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"ACCEPT\"},\"adjustmentAmount\":{\"value\":\"600.00\"},"
                        + "\"resolutionNote\":{\"value\":\"Escalated: credited with goodwill.\"}}}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);

        String approve = journey.taskOf(disputeNo, "approveAdjustment");
        String yes = "{\"variables\":{\"approved\":{\"value\":true}}}";
        Api.Response own = manager.postJson("/engine-rest/task/" + approve + "/submit-form", yes);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("four eyes");
        assertThat(journey.taskOf(disputeNo, "approveAdjustment")).isEqualTo(approve);

        Api other = new Api(rest, userIn(MANAGER_2, "managers"));
        Api.Response approved = other.postJson("/engine-rest/task/" + approve + "/submit-form", yes);
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);
        assertThat(jdbc.queryForMap("SELECT investigated_by, approved_by FROM dispute WHERE dispute_no = ?", disputeNo))
                .containsEntry("investigated_by", "manager").containsEntry("approved_by", MANAGER_2);
    }

    Api clerk;
    StatementFixture f;
    StatementJourney journey;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        f.ledger();
        journey = new StatementJourney(rest, jdbc, runtime, management, clerk, f);
    }

    @Test
    void aCustomerConfirmsThroughTheMailedLinkAndTheStatementKeepsTheEvidence() throws Exception {
        String statementNo = journey.runAndSend("A");
        Statement sent = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(sent.status()).isEqualTo(StatementStatus.SENT);

        MimeMessage mail = StatementJourney.onlyMailTo("a@example.cn", statementNo);
        byte[] attached = attachment(mail);
        assertThat(StatementFixture.sha256(attached)).isEqualTo(sent.pdfSha256());
        String token = StatementJourney.token(mail);

        ResponseEntity<String> page = rest.getForEntity("/s/" + token, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(statementNo);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("confirmerName", "王晓明");
        form.add("confirmerTitle", "财务经理");
        ResponseEntity<String> confirmed = journey.post("/s/" + token + "/confirm", form);
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isIn(200, 302, 303);

        assertThat(journey.status("A")).isEqualTo("CONFIRMED");
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
        ResponseEntity<String> again = journey.post("/s/" + token + "/confirm", form);
        assertThat(again.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(answers.answers(sent.id())).hasSize(1);
    }

    @Test
    void aCustomerDisputesLinesAndTheStatementWaitsForTheDisputesOutcome() throws Exception {
        String statementNo = journey.runAndSend("B");
        Statement sent = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        String token = StatementJourney.token(StatementJourney.onlyMailTo("b@example.cn", statementNo));
        journey.disputeB1(token);

        assertThat(journey.status("B")).isEqualTo("DISPUTED");
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

        // the statement's history keeps its variables but not each change of them, nor the log of jobs that ran as
        // planned; the dispute's process, which people work on, keeps both
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isPositive();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("generate")
                .count()).isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
        String dispute = runtime.createProcessInstanceQuery().processDefinitionKey("disputeHandling")
                .variableValueEquals("statementProcessInstanceId", instance).singleResult().getId();
        assertThat(history.createHistoricDetailQuery().processInstanceId(dispute).count()).isPositive();
    }

    /**
     * The whole dispute: the customer disputes a line, a clerk accepts it with a credit note above what was disputed
     * (so a manager approves, and a clerk cannot), the note is posted, a new version with it is mailed, the old
     * link dies, and the customer confirms the new one. Through the customer's page, engine-rest and the mail.
     */
    @Test
    void anAcceptedDisputeIssuesANewVersionWithTheCreditNoteThatTheCustomerConfirms() throws Exception {
        String statementNo = journey.runAndSend("B");
        Statement first = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        String oldToken = StatementJourney.token(StatementJourney.onlyMailTo("b@example.cn", statementNo));
        journey.disputeB1(oldToken);
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";

        Api manager = new Api(rest, "manager");
        String investigate = journey.taskOf(disputeNo, "investigateDispute");
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
        String approve = journey.taskOf(disputeNo, "approveAdjustment");
        String yes = "{\"variables\":{\"approved\":{\"value\":true}}}";
        assertThat(clerk.postJson("/engine-rest/task/" + approve + "/submit-form", yes).status()).isEqualTo(403);
        // nor can a clerk who had nothing to do with it: approving is no clerk's right, whoever proposed
        Api otherClerk = new Api(rest, clerkWhoDidNotPropose());
        assertThat(otherClerk.get("/api/customers").status()).as("a clerk like any other").isEqualTo(200);
        for (String how : List.of("/submit-form", "/complete", "/claim")) {
            Api.Response refused = otherClerk.postJson("/engine-rest/task/" + approve + how,
                    how.equals("/claim") ? "{\"userId\":\"" + CLERK_2 + "\"}" : yes);
            assertThat(refused.status()).as(how + " " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(how).doesNotContainIgnoringCase("four eyes");
        }
        assertThat(journey.taskOf(disputeNo, "approveAdjustment")).isEqualTo(approve);
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
        List<MimeMessage> mails = StatementJourney.mailsAbout("b@example.cn", statementNo);
        assertThat(mails).hasSize(2);
        String newToken = StatementJourney.token(mails.get(1));
        ResponseEntity<String> page = rest.getForEntity("/s/" + newToken, String.class);
        assertThat(page.getBody()).contains("CN-" + disputeNo);
        ResponseEntity<String> confirmed = journey.post("/s/" + newToken + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(journey.status("B")).isEqualTo("CONFIRMED");
    }

    /** REJECT: the version is open again, the customer is mailed the reason and can answer once more. */
    @Test
    void aRejectedDisputeReopensTheVersionAndTellsTheCustomerWhy() throws Exception {
        String statementNo = journey.runAndSend("B");
        String token = StatementJourney.token(StatementJourney.onlyMailTo("b@example.cn", statementNo));
        journey.disputeB1(token);
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";
        String investigate = journey.taskOf(disputeNo, "investigateDispute");
        Api.Response noReason = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"REJECT\"}}}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        Api.Response rejected = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"REJECT\"},"
                        + "\"resolutionNote\":{\"value\":\"The order confirmation says 500.00.\"}}}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);
        ProcessJobs.runAll(runtime, management, statementNo);

        assertThat(journey.status("B")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT status FROM dispute WHERE dispute_no = ?", String.class, disputeNo))
                .isEqualTo("REJECTED");
        List<MimeMessage> mails = StatementJourney.mailsAbout("b@example.cn", statementNo);
        assertThat(mails).hasSize(2);
        assertThat(String.join("\n", StatementJourney.texts(mails.get(1)))).contains("The order confirmation says 500.00.");
        // the same link works again, and the customer can confirm now
        ResponseEntity<String> confirmed = journey.post("/s/" + token + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        assertThat(journey.status("B")).isEqualTo("CONFIRMED");
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
