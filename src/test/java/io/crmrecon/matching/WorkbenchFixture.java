package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TwoCustomers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Two customers of their own per test (A with INV-1 1000.00 and INV-2 2000.00, B with INV-3 and INV-4 of 500.00
 * each), bank lines imported and matched, and a clerk's session on the workbench.
 */
abstract class WorkbenchFixture extends IntegrationTest {

    static final TwoCustomers.Customer SHANGHAI = new TwoCustomers.Customer("上海%s机电设备有限公司", "6222");
    static final TwoCustomers.Customer SHENZHEN = new TwoCustomers.Customer("深圳市%s电子科技有限公司", "6228");
    /** {p}-INV-1 … 4: two of A's, two of B's, one of them in November. */
    static final String[] INVOICES = {"A,2026-10-01,1000.00", "A,2026-10-02,2000.00", "B,2026-10-01,500.00",
        "B,2026-11-01,500.00"};

    @Autowired
    TestRestTemplate rest;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    Api clerk;
    String p;
    String accountA;
    String accountB;
    private String cookie;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        TwoCustomers ledger = TwoCustomers.imported(clerk, 'W', 6, SHANGHAI, SHENZHEN, INVOICES);
        p = ledger.p;
        accountA = ledger.accountA;
        accountB = ledger.accountB;
    }

    /** Imports the lines (references made unique per test), runs matching and the batches: the tasks by reference. */
    java.util.Map<String, Task> importAndMatch(String lines) {
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        String body = lines.replaceAll("(?m)^([A-Z]\\d),", "$1-" + p + ",");
        var response = clerk.upload("/api/bank-statements", "bank.csv", header + body);
        ok(response);
        String statement = response.json().get("bankStatementId").asText();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("paymentMatching")
                .processInstanceBusinessKey(statement).singleResult();
        ProcessJobs.runAll(runtime, management, pi.getBusinessKey());
        java.util.Map<String, Task> byReference = new java.util.HashMap<>();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(statement).taskDefinitionKey("manualMatch")
                .list()) {
            long tx = ((Number) tasks.getVariable(t.getId(), "transactionId")).longValue();
            byReference.put(jdbc.queryForObject("SELECT bank_reference FROM bank_transaction WHERE id = ?",
                    String.class, tx).replace("-" + p, ""), t);
        }
        return byReference;
    }

    ResponseEntity<String> completeViaRest(String user, String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    String csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        var response = rest.withBasicAuth("clerk", "clerk").exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** The workbench as the clerk's browser sees it, in a language, keeping the session between calls. */
    ResponseEntity<String> workbench(String method, String path, String language,
            LinkedMultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (form != null) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        ResponseEntity<String> response = rest.withBasicAuth("clerk", "clerk").exchange(path,
                HttpMethod.valueOf(method), new HttpEntity<>(form, headers), String.class);
        String set = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        if (set != null) {
            cookie = set.split(";", 2)[0];
        }
        return response;
    }

    String sessionCookie() {
        return cookie;
    }

    /** A form post from a page: its CSRF token and the fields given as name, value pairs. */
    static LinkedMultiValueMap<String, String> form(ResponseEntity<String> page, String... fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as(page.getBody()).isTrue();
        form.add("_csrf", token.group(1));
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return form;
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
