package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a manager sees of the clerks' work in Cockpit (through the engine's REST API, as Cockpit asks it): the
 * same tasks a clerk has in Tasklist, found by the bank statement's business key and its file's name, read-only.
 */
class ManagerCockpitIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    SecuritySetup setup;

    /** A bank statement of payments nobody can place: each becomes a clerk's manualMatch task. */
    static String exceptionsToClerks(TestRestTemplate rest, RuntimeService runtime, ManagementService management,
            String fileName) {
        String p = "CK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var response = new Api(rest, "clerk").upload("/api/bank-statements", fileName,
                "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                        + "counterparty_account,remittance_info\n"
                        + p + "-1,6222" + p + ",2026-11-02,2026-11-02,71.11,CNY,无名氏甲,900001,\n"
                        + p + "-2,6222" + p + ",2026-11-05,2026-11-05,72.22,CNY,无名氏乙,900002,\n"
                        + p + "-3,6222" + p + ",2026-11-09,2026-11-09,73.33,CNY,无名氏丙,900003,\n");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String businessKey = response.json().get("bankStatementId").asText();
        ProcessJobs.runAll(runtime, management, businessKey);
        return businessKey;
    }

    @Test
    void aManagerSeesTheClerksTasksOfABatchReadOnlyWithTheSameCounts() throws Exception {
        String key = exceptionsToClerks(rest, runtime, management, "招商银行对账单-2026-11.csv");
        ProcessInstance batch = runtime.createProcessInstanceQuery().processDefinitionKey("manualMatchBatch")
                .processInstanceBusinessKey(key).singleResult();
        assertThat(batch).as("the batch is found by the business key of CONTRACT.md §6").isNotNull();

        // what the clerk has in Tasklist, through the manual-matching filter, for this batch
        String filterId = filters.createFilterQuery().filterName("人工核销 / Manual matching").list().get(0).getId();
        long clerkTasklist = json("clerk", HttpMethod.POST, "/engine-rest/filter/" + filterId + "/count",
                "{\"processInstanceId\":\"" + batch.getId() + "\"}").get("count").asLong();
        assertThat(clerkTasklist).isEqualTo(3);

        // what Cockpit asks as the manager: the instance's user tasks, their count, and who they are offered to
        JsonNode managerTasks = json("manager", HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + batch.getId(), null);
        assertThat(managerTasks.size()).isEqualTo(clerkTasklist);
        assertThat(json("manager", HttpMethod.GET, "/engine-rest/task/count?processInstanceBusinessKey=" + key
                + "&taskDefinitionKey=manualMatch", null).get("count").asLong()).isEqualTo(clerkTasklist);
        String taskId = managerTasks.get(0).get("id").asText();
        assertThat(json("manager", HttpMethod.GET, "/engine-rest/task/" + taskId + "/identity-links", null).toString())
                .contains("clerks");
        // Cockpit's Human Tasks: open tasks by candidate group (the engine wants READ on every task)
        var report = call("manager", HttpMethod.GET, "/engine-rest/task/report/candidate-group-count", null);
        assertThat(report.getStatusCode().value()).as(report.getBody()).isEqualTo(200);
        long clerksInReport = 0;
        for (JsonNode group : JSON.readTree(report.getBody())) {
            if ("clerks".equals(group.path("groupName").asText())) {
                clerksInReport = group.get("taskCount").asLong();
            }
        }
        assertThat(clerksInReport).isGreaterThanOrEqualTo(clerkTasklist);

        // read only: the manager may not claim or complete a clerk's task
        assertThat(call("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"manager\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(call("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", "{}")
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void bothInstancesCarryWhatAPersonKnowsOfTheBankStatement() {
        String key = exceptionsToClerks(rest, runtime, management, "招商银行对账单-2026-11.csv");
        for (String process : List.of("paymentMatching", "manualMatchBatch")) {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(process)
                    .processInstanceBusinessKey(key).list().get(0);
            var variables = runtime.getVariables(pi.getId());
            assertThat(variables).as(process)
                    .containsEntry("bankFileName", "招商银行对账单-2026-11.csv")
                    .containsEntry("statementFrom", "2026-11-02")
                    .containsEntry("statementTo", "2026-11-09")
                    .hasEntrySatisfying("bankAccount", a -> assertThat((String) a).startsWith("6222CK"));
        }
        // and a manager finds them by it, as Cockpit's variable filter does
        assertThat(json("manager", HttpMethod.GET, "/engine-rest/process-instance/count?variables="
                + "bankFileName_eq_招商银行对账单-2026-11.csv&businessKey=" + key, null).get("count").asLong())
                .isEqualTo(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count());
    }

    @Test
    void filtersOfEarlierVersionsAreRemovedAtStartUpOnEveryNode() {
        // as an earlier version left them, once per node that started at the same time
        for (int node = 0; node < 2; node++) {
            var stale = filters.saveFilter(filters.newTaskFilter("异议处理 / Disputes")
                    .setQuery(tasks.createTaskQuery().taskDefinitionKey("investigateDispute")));
            var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization
                    .AUTH_TYPE_GRANT);
            grant.setGroupId("managers");
            grant.setResource(Resources.FILTER);
            grant.setResourceId(stale.getId());
            grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
        setup.afterSingletonsInstantiated();
        setup.afterSingletonsInstantiated();
        assertThat(filters.createFilterQuery().filterName("异议处理 / Disputes").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("人工核销 / Manual matching").count()).isOne();
        List<String> filterIds = filters.createFilterQuery().list().stream().map(f -> f.getId()).toList();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).list())
                .filteredOn(a -> !"*".equals(a.getResourceId()))
                .allSatisfy(a -> assertThat(filterIds).contains(a.getResourceId()));
    }

    private JsonNode json(String user, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = call(user, method, path, body);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
