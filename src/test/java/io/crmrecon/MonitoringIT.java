package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.notification.OutgoingMail;
import io.crmrecon.notification.Outbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Health for probes and people, and the application's own figures on /actuator/prometheus. */
class MonitoringIT extends IntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(recon_[a-z_]+)(\\{[^}]*\\})? (\\S+)$");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void probesArePublicAndReadinessIsTheDatabaseAndTheEngine() {
        Api anonymous = new Api(rest, null);

        Api.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        JsonNode ready = readiness.json();
        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(names(ready.get("components"))).containsExactlyInAnyOrder("readinessState", "db", "processEngine");
        assertThat(ready.at("/components/processEngine/status").asText()).isEqualTo("UP");

        Api.Response liveness = anonymous.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");

        // the whole picture, mail included, is for staff; anyone else gets the status alone
        assertThat(anonymous.get("/actuator/health").json().has("components")).isFalse();
        JsonNode all = new Api(rest, "clerk").get("/actuator/health").json();
        assertThat(names(all.get("components"))).contains("db", "processEngine", "mail");
        assertThat(all.at("/components/mail/status").asText()).as("GreenMail is up").isEqualTo("UP");
        assertThat(all.at("/components/processEngine/details/name").asText()).isEqualTo("default");
    }

    @Test
    void prometheusNeedsALoginAndShowsTheApplicationsFigures() {
        Api.Response anonymous = new Api(rest, null).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        // a bank statement: one payment names its invoice (automatic), one nobody's (a clerk's task)
        Api clerk = new Api(rest, "clerk");
        TwoCustomers ledger = TwoCustomers.imported(clerk, 'O', 6,
                new TwoCustomers.Customer("上海%s机电设备有限公司", "6222"),
                new TwoCustomers.Customer("深圳市%s电子科技有限公司", "6228"), "A,2026-10-01,1000.00");
        String p = ledger.p;
        Api.Response imported = clerk.upload("/api/bank-statements", "bank.csv",
                "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                        + "counterparty_account,remittance_info\n"
                        + "T1-" + p + "," + ledger.accountA + ",2026-11-02,2026-11-02,1000.00,CNY,上海" + p + "机电,"
                        + ledger.accountA + ",支付" + p + "-INV-1货款\n"
                        + "T2-" + p + ",X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        ProcessJobs.runAll(runtime, management, imported.json().get("bankStatementId").asText());
        // and a mail waiting in the outbox
        new TransactionTemplate(transactions).executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(
                "test/monitoring/" + UUID.randomUUID(), "ap@example.cn", List.of(), "对账单", null, "您好",
                List.of(), Locale.SIMPLIFIED_CHINESE)));

        Api.Response scrape = clerk.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        Map<String, Double> figures = samples(scrape.body());

        assertThat(figures.get("recon_matching_auto_match_ratio")).as("1 of the run's 2 payments")
                .isCloseTo(0.5, within(1e-9));
        assertThat(figures.get("recon_matching_auto_matched_total{rule=\"REFERENCE\"}")).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("recon_open_tasks{task=\"manualMatch\"}")).isGreaterThanOrEqualTo(1);
        assertThat(figures).containsKeys("recon_open_tasks{task=\"followUpCustomer\"}",
                "recon_open_tasks{task=\"collectionFollowUp\"}", "recon_open_tasks{task=\"investigateDispute\"}");
        assertThat(figures.get("recon_outbox_backlog")).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("recon_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        // one status per statement number: its latest version's
        double statements = figures.entrySet().stream().filter(e -> e.getKey().startsWith("recon_statements{"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(figures).containsKeys("recon_statements{status=\"SENT\"}", "recon_statements{status=\"CONFIRMED\"}");
        assertThat(statements).isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT statement_no) FROM statement")
                .query(Long.class).single().doubleValue());
    }

    private static List<String> names(JsonNode components) {
        assertThat(components).as("components shown").isNotNull();
        List<String> out = new ArrayList<>();
        components.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** "name{tags}" (or "name") → value, for the application's own metrics. */
    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> out = new HashMap<>();
        Matcher m = SAMPLE.matcher(exposition);
        while (m.find()) {
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return out;
    }
}
