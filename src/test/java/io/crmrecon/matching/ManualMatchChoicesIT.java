package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TwoCustomers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

/**
 * The manualMatch tasks of one batch share a process instance; each clerk's choice must stay on its own task. Once
 * it did not: a choice made in the workbench for one payment was read by the next task of the batch, and that
 * payment was posted to another customer's invoice. Every way of completing a task, in both orders, with two and
 * three tasks of one batch, on PostgreSQL with the real listeners.
 */
class ManualMatchChoicesIT extends IntegrationTest {

    private static final TwoCustomers.Customer TIANJIN = new TwoCustomers.Customer("天津滨海%s物流有限公司", "6217");
    private static final TwoCustomers.Customer GUANGZHOU = new TwoCustomers.Customer("广州%s贸易有限公司", "6226");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
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

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        TwoCustomers ledger = TwoCustomers.imported(clerk, 'K', 6, TIANJIN, GUANGZHOU, "A,2026-10-01,20000.00",
                "A,2026-10-02,3000.00", "B,2026-10-01,8600.00", "B,2026-10-05,8600.00");
        p = ledger.p;
        accountA = ledger.accountA;
        accountB = ledger.accountB;
    }

    /** Three payments no rule settles alone, so three manualMatch tasks in one batch. */
    private Map<String, Task> threeTasksOfOneBatch() {
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        var imported = clerk.upload("/api/bank-statements", "bank.csv", header
                // customer A by account, an amount none of its items make: A is identified, nothing applied
                + "A1-" + p + ",ACC,2026-11-02,2026-11-02,15600.00,CNY,天津滨海" + p + "物流," + accountA + ",货款\n"
                // customer B by account, twins: suggested, not applied
                + "B1-" + p + ",ACC,2026-11-03,2026-11-03,8600.00,CNY,广州" + p + "贸易," + accountB + ",货款\n"
                // nobody we know
                + "X1-" + p + ",ACC,2026-11-03,2026-11-03,66.00,CNY,无名氏,99" + Math.abs(p.hashCode()) + ",\n");
        ok(imported);
        String businessKey = imported.json().get("bankStatementId").asText();
        runJobs(businessKey);
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("manualMatch").list();
        assertThat(open).hasSize(3);
        assertThat(open).extracting(Task::getProcessInstanceId).as("one batch").containsOnly(
                open.get(0).getProcessInstanceId());
        Map<String, Task> byReference = new HashMap<>();
        for (Task t : open) {
            long transactionId = ((Number) tasks.getVariable(t.getId(), "transactionId")).longValue();
            String reference = jdbc.queryForObject("SELECT bank_reference FROM bank_transaction WHERE id = ?",
                    String.class, transactionId);
            byReference.put(reference.substring(0, 2), t);
        }
        return byReference;
    }

    @Test
    void twoTasksEngineRestThenTheTasklistForm() throws Exception {
        Map<String, Task> t = threeTasksOfOneBatch();
        var done = completeViaRest("complete", t.get("B1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-3\"},\"note\":{\"value\":\"B's twin, the older one\"}}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertNoChoiceVisible(t.get("B1").getProcessInstanceId(), t.get("A1"), t.get("X1"));

        // the form as Tasklist submits it, with nothing typed: A's payment stays on A's account
        var submitted = completeViaRest("submit-form", t.get("A1").getId(), "{}");
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
        String allocations = csv();
        assertThat(allocations).containsPattern("B1-" + p + "," + p + "-INV-3,8600\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + ",,15600\\.00,0\\.00,MANUAL,,")
                .doesNotContainPattern("A1-" + p + "," + p + "-INV");
        assertThat(notesOf("A1")).doesNotContain("B's twin, the older one");
    }

    @Test
    void twoTasksTheTasklistFormThenEngineRestInTheOtherOrder() throws Exception {
        Map<String, Task> t = threeTasksOfOneBatch();
        var submitted = completeViaRest("submit-form", t.get("A1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-2\"},\"note\":{\"value\":\"part of A's\"}}");
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
        assertNoChoiceVisible(t.get("A1").getProcessInstanceId(), t.get("B1"), t.get("X1"));

        var done = completeViaRest("complete", t.get("B1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-4\"}}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(csv()).containsPattern("A1-" + p + "," + p + "-INV-2,3000\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + ",,12600\\.00,0\\.00,MANUAL,,")
                .containsPattern("B1-" + p + "," + p + "-INV-4,8600\\.00,0\\.00,MANUAL,,")
                .doesNotContainPattern("B1-" + p + "," + p + "-INV-2");
        assertThat(notesOf("B1")).doesNotContain("part of A's");
    }

    /** The reported case: the workbench for one payment, then a mistyped number in the form for the next. */
    @Test
    void threeTasksTheWorkbenchThenATypoInTheFormThenJavaWithNothingChosen() throws Exception {
        Map<String, Task> t = threeTasksOfOneBatch();
        String batch = t.get("X1").getProcessInstanceId();
        // the unknown payer's 66.00: 50.00 to B's INV-4 in the workbench, the rest on B's account
        completeInWorkbench(t.get("X1").getId(), p + "B", p + "-INV-4", "50.00", "paid for B by a relative");
        assertNoChoiceVisible(batch, t.get("A1"), t.get("B1"));

        // A's 15,600.00 with a mistyped number: refused, nothing posted, the task stays open and clean
        var refused = completeViaRest("submit-form", t.get("A1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-9\"}}");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains(p + "-INV-9");
        assertThat(tasks.createTaskQuery().taskId(t.get("A1").getId()).count()).isOne();
        assertThat(csv()).doesNotContain("A1-" + p);
        assertNoChoiceVisible(batch, t.get("A1"), t.get("B1"));

        // a number that is another customer's invoice (B's), for A's identified payment: refused the same way
        var otherCustomers = completeViaRest("submit-form", t.get("A1").getId(), "{\"documentNos\":{\"value\":\""
                + p + "-INV-3\"}}");
        assertThat(otherCustomers.getStatusCode().value()).as(otherCustomers.getBody()).isEqualTo(400);
        assertThat(otherCustomers.getBody()).contains(p + "-INV-3", p + "B", p + "A");
        assertThat(csv()).doesNotContain("A1-" + p);
        assertNoChoiceVisible(batch, t.get("A1"), t.get("B1"));

        // corrected: A's payment to A's invoice only
        var corrected = completeViaRest("submit-form", t.get("A1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-1\"}}");
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(204);
        assertNoChoiceVisible(batch, t.get("B1"));

        // the last one, completed as a script would with nothing chosen: on the identified customer's account
        tasks.complete(t.get("B1").getId());
        String allocations = csv();
        assertThat(allocations).containsPattern("X1-" + p + "," + p + "-INV-4,50\\.00,0\\.00,MANUAL,,")
                .containsPattern("X1-" + p + ",,16\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + "," + p + "-INV-1,15600\\.00,0\\.00,MANUAL,,")
                .containsPattern("B1-" + p + ",,8600\\.00,0\\.00,MANUAL,,");
        assertThat(allocations.lines().filter(l -> l.startsWith("A1-" + p))).hasSize(1);
        assertThat(allocations.lines().filter(l -> l.startsWith("B1-" + p))).hasSize(1);
        assertThat(customerOf("X1")).isEqualTo(p + "B");
        assertThat(customerOf("A1")).isEqualTo(p + "A");
        assertThat(customerOf("B1")).isEqualTo(p + "B");
    }

    @Test
    void threeTasksInTheOtherOrderJavaThenTheFormThenTheWorkbench() throws Exception {
        Map<String, Task> t = threeTasksOfOneBatch();
        String batch = t.get("B1").getProcessInstanceId();
        tasks.complete(t.get("B1").getId(), Map.of("documentNos", p + "-INV-3", "note", "script"));
        assertNoChoiceVisible(batch, t.get("A1"), t.get("X1"));
        var submitted = completeViaRest("submit-form", t.get("A1").getId(), "{\"documentNos\":{\"value\":\"" + p
                + "-INV-2, " + p + "-INV-1\"}}");
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
        assertNoChoiceVisible(batch, t.get("X1"));
        completeInWorkbench(t.get("X1").getId(), p + "A", p + "-INV-1", "66.00", null);

        String allocations = csv();
        assertThat(allocations).containsPattern("B1-" + p + "," + p + "-INV-3,8600\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + "," + p + "-INV-2,3000\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + "," + p + "-INV-1,12600\\.00,0\\.00,MANUAL,,")
                .containsPattern("X1-" + p + "," + p + "-INV-1,66\\.00,0\\.00,MANUAL,,");
        assertThat(allocations.lines().filter(l -> l.startsWith("X1-" + p))).hasSize(1);
        assertThat(notesOf("A1")).doesNotContain("script");
    }

    /** Neither the batch nor any other open task of it shows a choice made on another task. */
    private void assertNoChoiceVisible(String batchInstanceId, Task... open) throws Exception {
        Map<String, Object> batchVariables = runtime.getVariables(batchInstanceId);
        for (String name : ManualMatchChoiceNames.ALL) {
            assertThat(batchVariables.get(name)).as("the batch's variable " + name).isNull();
        }
        for (Task task : open) {
            ResponseEntity<String> response = rest.withBasicAuth("clerk", "clerk").getForEntity(
                    "/engine-rest/task/" + task.getId() + "/variables", String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            JsonNode variables = JSON.readTree(response.getBody());
            for (String name : ManualMatchChoiceNames.ALL) {
                assertThat(variables.path(name).path("value").isMissingNode() || variables.path(name).path("value")
                        .isNull()).as("task " + task.getId() + " sees " + name + ": " + variables.path(name)).isTrue();
            }
        }
    }

    private void completeInWorkbench(String taskId, String customer, String documentNo, String amount, String note) {
        ResponseEntity<String> page = rest.withBasicAuth("clerk", "clerk").getForEntity(
                "/matching/workbench/" + taskId + "?customer=" + customer, String.class);
        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token.group(1));
        form.add("customer", customer);
        // every open item of the customer is a row of the form; only the chosen one gets an amount
        Matcher rows = Pattern.compile("name=\"documentNo\" value=\"([^\"]+)\"").matcher(page.getBody());
        List<String> documents = new ArrayList<>();
        while (rows.find()) {
            documents.add(rows.group(1));
        }
        assertThat(documents).contains(documentNo);
        for (String d : documents) {
            form.add("documentNo", d);
            form.add("amount", d.equals(documentNo) ? amount : "");
            form.add("writeOff", "");
        }
        if (note != null) {
            form.add("note", note);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String session = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        if (session != null) {
            headers.add(HttpHeaders.COOKIE, session.split(";", 2)[0]);
        }
        ResponseEntity<String> submitted = rest.withBasicAuth("clerk", "clerk").exchange(
                "/matching/workbench/" + taskId, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(302, 303, 200);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the workbench completed the task").isZero();
    }

    private ResponseEntity<String> completeViaRest(String how, String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("clerk", "clerk").exchange("/engine-rest/task/" + taskId + "/" + how,
                HttpMethod.POST, new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    /** The notes of a payment's allocations (null where none was written). */
    private List<String> notesOf(String reference) {
        List<String> notes = jdbc.queryForList("SELECT a.note FROM allocation a JOIN bank_transaction t "
                + "ON t.id = a.transaction_id WHERE t.bank_reference = ?", String.class, reference + "-" + p);
        assertThat(notes).isNotEmpty();
        return notes;
    }

    /** The customers a payment's allocations went to (one, or the test fails). */
    private String customerOf(String reference) {
        List<String> codes = jdbc.queryForList("SELECT DISTINCT c.customer_code FROM allocation a "
                + "JOIN bank_transaction t ON t.id = a.transaction_id JOIN customer c ON c.id = a.customer_id "
                + "WHERE t.bank_reference = ?", String.class, reference + "-" + p);
        assertThat(codes).hasSize(1);
        return codes.get(0);
    }

    private String csv() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        var response = rest.withBasicAuth("clerk", "clerk").exchange("/api/allocations", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** Runs the jobs of the statement's paymentMatching and of the batches it called, until none is left. */
    private void runJobs(String businessKey) {
        ProcessJobs.runAll(runtime, management, businessKey);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
