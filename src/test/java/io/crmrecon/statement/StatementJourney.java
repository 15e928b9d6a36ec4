package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * A statement's conversation as the tests drive it: a run for one customer of the {@link StatementFixture} with
 * its jobs, the mails it sent, the link in them, the customer's answers through the page, a dispute's tasks.
 */
final class StatementJourney {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/s/([A-Za-z0-9_-]{22,})");

    private final TestRestTemplate rest;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Api clerk;
    private final StatementFixture f;

    StatementJourney(TestRestTemplate rest, JdbcTemplate jdbc, RuntimeService runtime, ManagementService management,
            Api clerk, StatementFixture f) {
        this.rest = rest;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.clerk = clerk;
        this.f = f;
    }

    /** Runs a statement run for one customer of the fixture and the jobs of its statement; its number. */
    String runAndSend(String customer) {
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

    ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.USER_AGENT, "statement-journey/1.0");
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** The customer of B disputes B1: invoiced 500.00, it believes 400.00. */
    void disputeB1(String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("documentNo", f.p + "-B1");
        form.add("reason", "AMOUNT_WRONG");
        form.add("comment", "We were invoiced 500.00 but ordered 400.00.");
        form.add("claimedAmount_" + f.p + "-B1", "400.00");
        ResponseEntity<String> disputed = post("/s/" + token + "/dispute", form);
        assertThat(disputed.getStatusCode().value()).as(disputed.getBody()).isIn(200, 302, 303);
    }

    /** The status the API reports for the fixture customer's newest statement. */
    String status(String customer) {
        Api.Response page = clerk.get("/api/statements?customerCode=" + f.p + customer);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("content").get(0).get("status").asText();
    }

    /** The one open task of that key in the dispute's instance, as engine-rest lists it. */
    String taskOf(String disputeNo, String key) {
        Api.Response tasks = new Api(rest, "admin").get("/engine-rest/task?processInstanceBusinessKey=" + disputeNo
                + "&taskDefinitionKey=" + key);
        assertThat(tasks.json()).as(tasks.body()).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    static List<MimeMessage> mailsAbout(String address, String statementNo) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestMailServer.to(address)) {
            if (m.getSubject() != null && m.getSubject().contains(statementNo)) {
                mails.add(m);
            }
        }
        return mails;
    }

    static MimeMessage onlyMailTo(String address, String statementNo) throws Exception {
        List<MimeMessage> mails = mailsAbout(address, statementNo);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    static String token(MimeMessage mail) throws Exception {
        Matcher m = LINK.matcher(String.join("\n", texts(mail)));
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    /** The mail's text parts (HTML and plain), not its attachments. */
    static List<String> texts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        collectText(part, texts);
        return texts;
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
}
