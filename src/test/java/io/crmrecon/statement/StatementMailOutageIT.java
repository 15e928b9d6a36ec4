package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail server is down for a whole statement run, then back: every statement's send job retries, then shows an
 * incident (what Cockpit lists) and the statement reads FAILED; once the server is back, a retry of each incident
 * (Cockpit's "Retry") sends each statement exactly once, with the Message-ID its outbox row was given.
 */
class StatementMailOutageIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
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
    void aRunWhileTheMailServerIsDownIsSentExactlyOnceWhenItIsBack() throws Exception {
        TestMailServer.stop();
        boolean down = true;
        try {
            String codes = String.join("\",\"", f.codes());
            Api.Response started = clerk.postJson("/api/statement-runs",
                    "{\"period\":\"" + f.period + "\",\"customerCodes\":[\"" + codes + "\"]}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            long runId = started.json().get("id").asLong();
            ProcessJobs.runAll(runtime, management, String.valueOf(runId));
            List<String> numbers = jdbc.queryForList(
                    "SELECT statement_no FROM statement_run_customer WHERE statement_run_id = ?", String.class, runId);
            assertThat(numbers).as("the fixture's customers with something to state").hasSizeGreaterThanOrEqualTo(3);

            for (String number : numbers) {
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                        .singleResult().getId();
                // generated and queued: the send job is next
                management.executeJob(job(instance).getId());
                Job send = job(instance);
                int retries = send.getRetries();
                assertThat(retries).as("the send job's tries (recon.statement.send-retry-cycle)").isEqualTo(4);
                for (int left = retries - 1; left >= 0; left--) {
                    // the job executor would wait PT1M, PT5M, PT30M in between; the test does not
                    Throwable failure = catchThrowable(() -> management.executeJob(send.getId()));
                    assertThat(failure).as("%s with the mail server down", number).isNotNull();
                    assertThat(job(instance).getRetries()).isEqualTo(left);
                }
                assertThat(jdbc.queryForObject("SELECT status FROM statement WHERE statement_no = ?", String.class,
                        number)).isEqualTo("FAILED");
                assertThat(jdbc.queryForObject("SELECT status || '/' || attempts FROM mail_outbox WHERE mail_key LIKE ?",
                        String.class, "%" + number + "%")).isEqualTo("QUEUED/" + retries);
            }
            List<Incident> incidents = incidentsOf(numbers);
            assertThat(incidents).hasSize(numbers.size()).allSatisfy(i -> {
                assertThat(i.getActivityId()).isEqualTo("deliverMail");
                assertThat(i.getIncidentType()).isEqualTo("failedJob");
            });
            Api.Response failed = clerk.get("/api/statement-runs/" + runId);
            assertThat(failed.json().get("failed").asInt()).as(failed.body()).isEqualTo(numbers.size());
            assertThat(failed.json().get("sent").asInt()).isZero();

            TestMailServer.startAgain();
            down = false;
            for (Incident incident : incidents) {
                // Cockpit's Retry: one more try for the failed job, which the job executor then runs
                management.setJobRetries(incident.getConfiguration(), 1);
                management.executeJob(incident.getConfiguration());
            }
            assertThat(incidentsOf(numbers)).isEmpty();
            Api.Response sent = clerk.get("/api/statement-runs/" + runId);
            assertThat(sent.json().get("sent").asInt()).as(sent.body()).isEqualTo(numbers.size());
            assertThat(sent.json().get("failed").asInt()).isZero();
            MimeMessage[] received = TestMailServer.server().getReceivedMessages();
            for (String number : numbers) {
                List<MimeMessage> mails = Arrays.stream(received).filter(m -> subject(m).contains(number)).toList();
                assertThat(mails).as("mails about %s", number).hasSize(1);
                assertThat(mails.get(0).getMessageID()).isEqualTo(jdbc.queryForObject(
                        "SELECT message_id FROM mail_outbox WHERE mail_key LIKE ?", String.class, "%" + number + "%"));
                assertThat(jdbc.queryForObject("SELECT status FROM statement WHERE statement_no = ?", String.class,
                        number)).isEqualTo("SENT");
            }
        } finally {
            if (down) {
                TestMailServer.startAgain();
            }
        }
    }

    private Job job(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    private List<Incident> incidentsOf(List<String> numbers) {
        return numbers.stream().flatMap(n -> runtime.createIncidentQuery().processInstanceId(runtime
                .createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult().getId()).list().stream())
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
