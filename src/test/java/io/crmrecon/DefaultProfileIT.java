package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The zero-install run: the default profile on H2 (in a temporary directory rather than ./data), with the demo
 * data, the demo users and the Camunda webapps. Failsafe runs it in a JVM of its own (see pom.xml), as its engine
 * has the same name as the PostgreSQL tests'.
 */
// Spring Boot's tests turn metrics export off unless asked: /actuator/prometheus is checked here too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.prometheus.metrics.export.enabled=true")
class DefaultProfileIT {

    @DynamicPropertySource
    static void h2InATemporaryDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("recon-h2-");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("recon") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    org.springframework.mail.javamail.JavaMailSender mailSender;
    @Autowired
    io.crmrecon.notification.Outbox outbox;

    @Test
    void runsOnH2() {
        assertThat(jdbc.queryForObject("SELECT H2VERSION()", String.class)).startsWith("2.");
    }

    @Test
    void loadsTheDemoDataOnce() {
        JsonNode page = new Api(rest, "clerk").get("/api/customers?size=100").json();
        assertThat(page.get("page").get("totalElements").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(page.get("content").findValuesAsText("name")).anyMatch(n -> n.contains("有限公司"))
                .anyMatch(n -> n.matches("[A-Za-z ,.&]+"));
        assertThat(page.get("content").findValuesAsText("balance")).anyMatch(b -> !b.equals("0.00"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isBetween(200, 1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE type = 'CREDIT_NOTE'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE type = 'BILL'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE currency = 'CNY'", Integer.class))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void theDemoBankStatementIsMatchedByTheJobExecutorAndTheRestGoesToClerks() throws InterruptedException {
        // paymentMatching's auto-match is a job: the default profile runs the job executor
        int matched = 0;
        for (int i = 0; i < 100 && matched == 0; i++) {
            Thread.sleep(200);
            matched = jdbc.queryForObject("SELECT COUNT(DISTINCT transaction_id) FROM allocation WHERE method = 'AUTO'",
                    Integer.class);
        }
        int credits = jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE amount > 0", Integer.class);
        assertThat(matched).as("auto-matched demo payments of %d", credits).isGreaterThanOrEqualTo(credits * 3 / 4);
        int exceptions = jdbc.queryForObject("SELECT COUNT(*) FROM matching_outcome WHERE status IN "
                + "('SUGGESTED', 'UNMATCHED')", Integer.class);
        assertThat(exceptions).as("the demo has payments for a clerk (twins, unknown payers)").isPositive();
        int tasks = 0;
        for (int i = 0; i < 100 && tasks < exceptions; i++) {
            Thread.sleep(200);
            tasks = jdbc.queryForObject("SELECT COUNT(*) FROM manual_match_task", Integer.class);
        }
        assertThat(tasks).isEqualTo(exceptions);
    }

    @Test
    void theReportsAndTheDashboardWorkOnH2Too() {
        Api manager = new Api(rest, "manager");
        JsonNode aging = manager.get("/api/reports/aging").json();
        assertThat(aging.get("customers").size()).isPositive();
        assertThat(aging.get("total").get(0).get("currency").asText()).isEqualTo("CNY");
        // H2 reads some words PostgreSQL does not (DAY, VALUE…) as keywords: every report's SQL runs here too
        for (String report : new String[] {"reports/dso", "reports/customers", "reports/matching", "reports/disputes",
                "reports/reconciliation", "reports/aging/C0001", "postings"}) {
            var answer = manager.get("/api/" + report);
            assertThat(answer.status()).as(report + ": " + answer.body()).isEqualTo(200);
        }
        var page = rest.withBasicAuth("manager", "manager").getForEntity("/dashboard", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("id=\"chart-ageing\"");
    }

    @Test
    void aMonthIsClosedAndReopenedOnH2AndThePostingsStayWhereTheyWere() {
        Api manager = new Api(rest, "manager");
        String range = "/api/postings?from=" + java.time.LocalDate.now().minusYears(1) + "&to="
                + java.time.LocalDate.now();
        JsonNode before = manager.get(range).json().get("lines");
        var closed = manager.postJson("/api/periods/2001-01/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("openFrom").asText()).isEqualTo("2001-02-01");
        var after = manager.get(range);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("lines")).isEqualTo(before);
        var page = rest.withBasicAuth("manager", "manager").getForEntity("/periods", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("2001-01");
        assertThat(new Api(rest, "admin").postJson("/api/periods/2001-01/reopen", "{}").status()).isEqualTo(200);
    }

    @Test
    void hasTheDemoUsersInTheirGroups() {
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
        assertThat(identity.createUserQuery().userId("clerk").memberOfGroup("clerks").count()).isOne();
        assertThat(identity.createUserQuery().userId("manager").memberOfGroup("managers").count()).isOne();
        assertThat(identity.checkPassword("clerk", "clerk")).isTrue();
    }

    @Test
    void servesTheCamundaWebappsInChineseAndEnglish() {
        var tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        assertThat(tasklist.getBody()).contains("<html");
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            var zh = rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class);
            assertThat(zh.getStatusCode().value()).as(app).isEqualTo(200);
            assertThat(zh.getBody()).as(app).containsPattern("[\\u4e00-\\u9fff]");
            var en = rest.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class);
            assertThat(en.getStatusCode().value()).as(app).isEqualTo(200);
            var config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
            assertThat(config.getBody()).as(app).contains("\"zh\"");
            var styles = rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
            assertThat(styles.getBody()).as(app).contains(".ce-eol-banner");
        }
    }

    @Test
    void capturesOutgoingMailInTheDevMailbox() throws Exception {
        var message = mailSender.createMimeMessage();
        var helper = new org.springframework.mail.javamail.MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("recon@example.com");
        helper.setTo("ap@huadong.example.cn");
        helper.setSubject("对账单 ST-TEST-1");
        helper.setText("请确认 plain text", "<p>请确认 <b>html</b></p>");
        helper.addAttachment("ST-TEST-1.pdf", new org.springframework.core.io.ByteArrayResource(new byte[] {1, 2}));
        mailSender.send(message);

        var anonymous = rest.getForEntity("/dev/mailbox", String.class);
        assertThat(anonymous.getBody()).doesNotContain("ST-TEST-1").containsIgnoringCase("password");
        var list = rest.withBasicAuth("clerk", "clerk").getForEntity("/dev/mailbox", String.class);
        assertThat(list.getBody()).contains("对账单 ST-TEST-1", "ap@huadong.example.cn");
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM captured_mail", Long.class);
        var one = rest.withBasicAuth("clerk", "clerk").getForEntity("/dev/mailbox/" + id, String.class);
        assertThat(one.getBody()).contains("请确认 plain text", "ST-TEST-1.pdf");
    }

    @Test
    void theOutboxDeliversIntoTheDevMailboxWhoseFrameLetsTheMailsLinkOpenANewTab() {
        String key = "test/default-profile/" + System.nanoTime();
        long id = outbox.enqueue(new io.crmrecon.notification.OutgoingMail(key, "ap@huadong.example.cn",
                java.util.List.of("cfo@huadong.example.cn"), "对账单 S2610-00427 · 2026年10月 · 请确认",
                "<p><a href=\"http://localhost:8080/s/tok-1\" target=\"_blank\">查看并确认对账单</a></p>",
                "查看并确认对账单: http://localhost:8080/s/tok-1", java.util.List.of(), java.util.Locale.CHINA));
        assertThat(outbox.enqueue(new io.crmrecon.notification.OutgoingMail(key, "x@example.com", null, "again",
                null, "again", null, null))).as("the same key again").isEqualTo(id);

        outbox.deliver(id);
        outbox.deliver(id);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM captured_mail WHERE subject = ?", Integer.class,
                "对账单 S2610-00427 · 2026年10月 · 请确认")).isEqualTo(1);
        assertThat(outbox.delivery(id).orElseThrow().sent()).isTrue();
        Long captured = jdbc.queryForObject("SELECT MAX(id) FROM captured_mail", Long.class);
        var page = rest.withBasicAuth("clerk", "clerk").getForEntity("/dev/mailbox/" + captured, String.class);
        assertThat(page.getBody()).contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"",
                "target=&quot;_blank&quot;", "http://localhost:8080/s/tok-1");
    }

    @Test
    void isReadyWithCapturedMailAndItsFiguresAreReadOnH2() {
        var readiness = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).contains("\"db\"", "\"processEngine\"").doesNotContain("\"mail\"");
        JsonNode health = new Api(rest, "clerk").get("/actuator/health").json();
        assertThat(health.at("/components/mail/details/delivery").asText()).contains("/dev/mailbox");

        String scrape = new Api(rest, "clerk").get("/actuator/prometheus").body();
        // the ratio may still be NaN while the demo's run is going; the other queries must have run on H2
        assertThat(scrape).contains("recon_matching_auto_match_ratio ");
        assertThat(scrape).containsPattern("(?m)^recon_outbox_backlog \\d")
                .containsPattern("(?m)^recon_outbox_oldest_age_seconds \\d")
                .containsPattern("(?m)^recon_statements\\{status=\"SENT\"} \\d")
                .containsPattern("(?m)^recon_open_tasks\\{task=\"manualMatch\"} \\d");
    }

    @Test
    void aClientThatAsksForTheCustomersPagesTooOftenIsToldToWaitAndTheStaffAreNot(
            @Autowired org.springframework.core.env.Environment environment) {
        int perMinute = environment.getRequiredProperty("recon.statement.page-rate-limit", Integer.class);
        assertThat(perMinute).as("the default limit is on").isPositive();
        // a token that opens nothing costs the same as one that does; the bucket refills while the loop runs
        int notFound = 0;
        org.springframework.http.ResponseEntity<String> refused = null;
        for (int i = 0; i < perMinute * 3 && refused == null; i++) {
            var answer = rest.getForEntity("/s/not-a-token-" + i, String.class);
            if (answer.getStatusCode().value() == 429) {
                refused = answer;
            } else {
                assertThat(answer.getStatusCode().value()).isEqualTo(404);
                notFound++;
            }
        }
        assertThat(refused).as("refused within three minutes' allowance").isNotNull();
        assertThat(notFound).isGreaterThanOrEqualTo(perMinute);
        assertThat(Integer.parseInt(refused.getHeaders().getFirst("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(refused.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(refused.getBody()).contains("请稍后再试", "try again").doesNotContain("not-a-token");
        assertThat(new Api(rest, "clerk").get("/api/customers?size=1").status()).isEqualTo(200);
        assertThat(new Api(rest, "clerk").get("/actuator/prometheus").body())
                .containsPattern("(?m)^recon_customer_page_refused_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void theRootPageSaysWhatItIsAndLinksOn() {
        var root = rest.getForEntity("/", String.class);
        assertThat(root.getStatusCode().value()).isEqualTo(200);
        assertThat(root.getBody()).contains("/camunda/app/tasklist", "/camunda/app/cockpit", "/swagger-ui.html",
                "/dev/mailbox");
    }
}
