package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

class SecurityIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // a filter for each kind of task; managers see the clerks' tasks read-only
    private static final List<String> CLERK_FILTERS = List.of("我的待办 / My tasks", "我的组任务 / My group tasks",
            "人工核销 / Manual matching", "对账跟进 / Statement follow-up", "异议与审批 / Disputes and approvals",
            "催收与退款 / Collections and refunds");
    private static final List<String> MANAGER_FILTERS = CLERK_FILTERS;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    SecuritySetup setup;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    RestClient http;

    @BeforeEach
    void client() {
        // redirects are part of what is tested, so they are never followed silently
        HttpClient jdk = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(jdk))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    // --- API and engine-rest: HTTP Basic, 401 and 403 --------------------------------------------------------

    @Test
    void apiAndEngineRestAskForBasicCredentials() {
        for (String path : List.of("/api/customers", "/engine-rest/task")) {
            ResponseEntity<String> response = get(path, null, h -> { });
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path)
                    .isEqualTo("Basic realm=\"crm-recon\"");
            assertThat(response.getHeaders().getLocation()).as(path).isNull();
        }
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        // a user of its own: Camunda locks a user out for a while after a failed attempt
        String userId = "wrongpasswordtest";
        User user = identityService.newUser(userId);
        user.setPassword("right");
        identityService.saveUser(user);
        try {
            assertThat(get("/engine-rest/task", userId + ":wrong", h -> { }).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(get("/api/customers", "nobody:nothing", h -> { }).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            identityService.deleteUser(userId);
        }
    }

    /**
     * Guessing a clerk's password never locks the clerk out for good (Camunda's loginMaxAttempts would lock a user
     * until an administrator unlocks it): each wrong guess makes the next attempt wait longer, up to a minute, and
     * the right password works once that wait is over.
     */
    @Test
    void guessingAPasswordSlowsTheGuesserButNeverLocksTheUserOut() {
        String userId = "guessedclerk";
        User user = identityService.newUser(userId);
        user.setPassword("right-one");
        identityService.saveUser(user);
        try {
            // more wrong guesses than Camunda's default of 10 attempts, each after the previous wait ran out
            for (int i = 1; i <= 15; i++) {
                ClockUtil.offset(i * 61_000L);
                assertThat(get("/api/customers", userId + ":guess-" + i, h -> { }).getStatusCode()).as("guess %d", i)
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            // within the wait even the right password is refused: that is what slows a guesser down
            assertThat(get("/api/customers", userId + ":right-one", h -> { }).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            ClockUtil.offset(16 * 61_000L + 61_000L);
            assertThat(get("/api/customers", userId + ":right-one", h -> { }).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN); // a user of no group: known, and refused the clerks' API
        } finally {
            ClockUtil.reset();
            identityService.deleteUser(userId);
        }
    }

    /** A caller who has not signed in gets 401 before the server reads its body, and the server reads no more. */
    @Test
    void anUploadOfACallerWhoHasNotSignedInIsNeitherReadNorSwallowed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead(null, 1L << 30, false));
            out.flush();
            assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 401");
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            try {
                while (sent < 256L * 1024 * 1024) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException closed) {
                // the server closed the connection: what is wanted
            }
            // what the socket buffers took before the server's close reached this side; never the body
            assertThat(sent).as("bytes the server let this client send").isLessThan(64L * 1024 * 1024);
        }
    }

    /** A clerk's file that says it is over recon.import.max-file-size is refused before it is sent. */
    @Test
    void anOversizedUploadThatAsksToContinueIsRefusedBeforeItsBodyIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(uploadHead("clerk:clerk", 31L * 1024 * 1024, true));
            socket.getOutputStream().flush();
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
        }
    }

    private static byte[] uploadHead(String credentials, long length, boolean expectContinue) {
        return ("POST /api/bank-statements HTTP/1.1\r\nHost: localhost\r\n"
                + (credentials == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n")
                + (expectContinue ? "Expect: 100-continue\r\n" : "")
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The status line and headers of the answer. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void clerkReadsEngineRestTasks() {
        assertThat(get(engineRest("/task"), "clerk:clerk", h -> { }).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // --- the role table of CONTRACT.md §1, for the API's endpoints ----------------------------------------------

    private static final List<String> ROLES = List.of("clerk:clerk", "manager:manager", "admin:admin");

    @Test
    void everyoneLoggedInReadsTheListsAndNobodyAnonymous() {
        for (String path : List.of("/api/customers?size=1", "/api/allocations", "/api/receipts/unapplied?size=1")) {
            for (String user : ROLES) {
                assertThat(get(path, user, h -> h.setAccept(List.of(MediaType.APPLICATION_JSON))).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            assertThat(get(path, null, h -> { }).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // an unknown run or customer is 404 for every reader, not a security answer
        for (String path : List.of("/api/matching/runs/0", "/api/customers/NO-SUCH-CUSTOMER")) {
            for (String user : ROLES) {
                assertThat(get(path, user, h -> { }).getStatusCode()).as(user + " " + path)
                        .isEqualTo(HttpStatus.NOT_FOUND);
            }
        }
    }

    @Test
    void importsAndReversalsAreForClerksAndAdministratorsNotManagers() {
        // each request is harmless and gets its own answer once past security: an empty file, an empty array, an
        // allocation that does not exist
        Map<String, HttpStatus> past = Map.of(
                "/api/customers/import", HttpStatus.UNPROCESSABLE_ENTITY,
                "/api/documents/import", HttpStatus.UNPROCESSABLE_ENTITY,
                "/api/bank-statements", HttpStatus.UNPROCESSABLE_ENTITY,
                "/api/documents", HttpStatus.BAD_REQUEST,
                "/api/allocations/0/reversal", HttpStatus.NOT_FOUND);
        past.forEach((path, expected) -> {
            assertThat(write(path, "clerk:clerk").getStatusCode()).as("clerk " + path).isEqualTo(expected);
            assertThat(write(path, "admin:admin").getStatusCode()).as("admin " + path).isEqualTo(expected);
            ResponseEntity<String> manager = write(path, "manager:manager");
            assertThat(manager.getStatusCode()).as("manager " + path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(manager.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(write(path, null).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        });
        assertThat(exchange(HttpMethod.POST, "/api/matching/runs", "manager:manager", h -> { }).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void clerksCannotStartPaymentMatchingThemselvesButTheAppStartsItForThem() throws Exception {
        String forged = "{\"businessKey\":\"forged-by-hand\",\"variables\":{\"bankStatementId\":"
                + "{\"value\":1,\"type\":\"Long\"}}}";
        for (String user : List.of("clerk:clerk", "manager:manager")) {
            for (String path : List.of("/engine-rest/process-definition/key/paymentMatching/start",
                    engineRest("/process-definition/key/paymentMatching/start"))) {
                ResponseEntity<String> start = postJson(path, user, forged);
                assertThat(start.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            // and Tasklist offers clerks a statement run only, managers nothing
            com.fasterxml.jackson.databind.JsonNode startable = JSON.readTree(get(engineRest("/process-definition?startableInTasklist=true"
                    + "&startablePermissionCheck=true&latestVersion=true"), user, h -> { }).getBody());
            List<String> keys = new java.util.ArrayList<>();
            startable.forEach(d -> keys.add(d.get("key").asText()));
            assertThat(keys).as(user).isEqualTo(user.startsWith("clerk") ? List.of("statementRun") : List.of());
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("forged-by-hand")
                .count()).isZero();
        assertThat(authorizationService.isUserAuthorized("clerk", List.of("clerks"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "paymentMatching"))
                .isFalse();

        // a clerk's bank statement import starts paymentMatching: the application starts it
        String reference = "SEC-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> imported = upload("/api/bank-statements", "clerk:clerk", "bank.csv",
                "transaction_id,account,booking_date,amount,currency,counterparty_name,remittance_info\n"
                        + reference + ",SEC-ACC,2026-11-02,123.45,CNY,某公司,货款\n");
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);
        String statementId = JSON.readTree(imported.getBody()).get("bankStatementId").asText();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("paymentMatching")
                .processInstanceBusinessKey(statementId).count()).isOne();

        // and a matching run through the API still works for a clerk, once the runs waiting (the job executor is
        // off in these tests) are done: while one is going, the API answers 409
        ProcessJobs.runWaitingRuns(engine.getManagementService());
        ResponseEntity<String> run = exchange(HttpMethod.POST, "/api/matching/runs", "clerk:clerk", h -> { });
        assertThat(run.getStatusCode()).as(run.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = run.getHeaders().getLocation().toString();
        long runId = JSON.readTree(run.getBody()).get("id").asLong();
        ProcessJobs.runAll(engine.getRuntimeService(), engine.getManagementService(), "run-" + runId);
        assertThat(JSON.readTree(get(location, "clerk:clerk", h -> { }).getBody()).get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void nobodyButTheAppStartsItsProcessesOrMovesTheirInstances() {
        String variables = "{\"variables\":{\"bankStatementId\":{\"value\":1,\"type\":\"Long\"}}}";
        for (String user : List.of("clerk:clerk", "manager:manager")) {
            for (String key : AuthorizationSetup.STARTED_BY_THE_APP) {
                for (String how : List.of("/start", "/submit-form")) {
                    ResponseEntity<String> start = postJson(engineRest("/process-definition/key/" + key + how), user,
                            variables);
                    assertThat(start.getStatusCode()).as(user + " " + key + how).isEqualTo(HttpStatus.FORBIDDEN);
                }
            }
        }
        for (String key : AuthorizationSetup.STARTED_BY_THE_APP) {
            assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                    .startedBy("clerk").count()).as(key).isZero();
        }
        // a message sent through engine-rest (a customer's answer, a dispute's outcome, a payment) moves an instance
        // on with the sender's variables: that takes UPDATE on the instance or UPDATE_INSTANCE on its definition
        for (String group : List.of("clerks", "managers")) {
            String user = group.equals("clerks") ? "clerk" : "manager";
            assertThat(authorizationService.isUserAuthorized(user, List.of(group),
                    ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, "*")).as(group).isFalse();
            for (String key : AuthorizationSetup.STARTED_BY_THE_APP) {
                assertThat(authorizationService.isUserAuthorized(user, List.of(group),
                        ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, key))
                        .as(group + " " + key).isFalse();
            }
        }
    }

    @Test
    void theWebappsApiAndTheActuatorRefuseAnonymousCallers() {
        for (String path : List.of("/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/process-definition",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/admin/auth/user/default")) {
            ResponseEntity<String> response = get(path, null, h -> h.set(HttpHeaders.ACCEPT, "application/json"));
            assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isIn(401, 403, 404);
            assertThat(String.valueOf(response.getBody())).as(path).doesNotContain("\"id\":\"");
        }
        for (String path : List.of("/actuator/info", "/actuator/prometheus", "/actuator/metrics")) {
            assertThat(get(path, null, h -> { }).getStatusCode().value()).as(path).isIn(401, 404);
        }
    }

    @Test
    void crossSiteBrowserRequestsToTheApiAreRefused() {
        ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/matching/runs", "clerk:clerk",
                h -> h.set("Sec-Fetch-Site", "cross-site"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void engineRestRunsWithCamundaAuthorizationOfTheCaller() {
        String body = "{\"profile\":{\"id\":\"madebyclerk\"},\"credentials\":{\"password\":\"x\"}}";
        ResponseEntity<String> response = http.post().uri(engineRest("/user/create"))
                .headers(h -> basic(h, "clerk:clerk"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("AuthorizationException");
        assertThat(identityService.createUserQuery().userId("madebyclerk").count()).isZero();
        // and the thread's Camunda authentication does not outlive the request
        assertThat(identityService.getCurrentAuthentication()).isNull();
    }

    // --- Camunda webapps ---------------------------------------------------------------------------------------

    @Test
    void tasklistIsServedWithoutSpringLogin() {
        ResponseEntity<String> redirect = get("/camunda/app/tasklist/", null,
                h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(redirect.getStatusCode().is3xxRedirection()).isTrue();
        String engineApp = "/camunda/app/tasklist/" + engine.getName() + "/";
        assertThat(redirect.getHeaders().getLocation()).hasPath(engineApp);

        ResponseEntity<String> page = get(engineApp, null,
                h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("Camunda Tasklist");
    }

    @Test
    void webappsServeOurTranslationsConfigAndStyles() throws Exception {
        Path app = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
        for (String name : List.of("admin", "cockpit", "tasklist", "welcome")) {
            ResponseEntity<byte[]> zh = http.get().uri("/camunda/app/" + name + "/locales/zh.json").retrieve()
                    .toEntity(byte[].class);
            assertThat(zh.getStatusCode()).as(name).isEqualTo(HttpStatus.OK);
            assertThat(zh.getBody()).as(name).isEqualTo(Files.readAllBytes(app.resolve(name + "/locales/zh.json")));

            String config = get("/camunda/app/" + name + "/scripts/config.js", null, h -> { }).getBody();
            assertThat(config).as(name).contains("\"availableLocales\": [\"en\", \"zh\"]")
                    .contains("\"fallbackLocale\": \"en\"");

            String styles = get("/camunda/app/" + name + "/styles/user-styles.css", null, h -> { }).getBody();
            assertThat(styles).as(name).contains(".ce-eol-banner").contains("display: none");
        }
    }

    // --- pages -------------------------------------------------------------------------------------------------

    @Test
    void rootPageIsPublicAndLinksTheTools() {
        ResponseEntity<String> page = get("/", null, h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("/camunda/app/cockpit/", "/camunda/app/tasklist/",
                "/camunda/app/admin/", "/swagger-ui.html", "/receipts/unapplied", "/customers");
        // mail is sent, not captured, in this profile: the dev mailbox is linked only where it collects mail
        assertThat(page.getBody()).doesNotContain("/dev/mailbox");
    }

    @Test
    void customerPagesNeverAskForALogin() {
        // a token that does not exist: the same 404 as any bad token, never a login (no CSRF token needed either)
        ResponseEntity<String> page = get("/s/anything", null, h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        ResponseEntity<String> post = exchange(HttpMethod.POST, "/s/anything/confirm", null, h -> { });
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void staffPagesFollowTheRoleTable() {
        for (String path : List.of("/customers", "/receipts/unapplied")) {
            for (String user : ROLES) {
                assertThat(get(path, user, h -> h.setAccept(List.of(MediaType.TEXT_HTML))).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            ResponseEntity<String> anonymous = get(path, null, h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.FOUND);
            assertThat(anonymous.getHeaders().getLocation()).hasPath("/login");
        }
        // the workbench completes clerks' tasks: a task that does not exist is 404 for a clerk, managers may not
        String workbench = "/matching/workbench/no-such-task";
        for (String user : List.of("clerk:clerk", "admin:admin")) {
            assertThat(get(workbench, user, h -> h.setAccept(List.of(MediaType.TEXT_HTML))).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(get(workbench, "manager:manager", h -> h.setAccept(List.of(MediaType.TEXT_HTML))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void healthIsPublic() {
        // 200 or 503 (no SMTP server in tests), but never a login
        ResponseEntity<String> health = get("/actuator/health", null, h -> { });
        assertThat((HttpStatus) health.getStatusCode())
                .isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody()).contains("\"status\"");
    }

    @Test
    void staffPagesRedirectBrowsersToLoginAndAcceptBasic() {
        ResponseEntity<String> anonymous = get("/swagger-ui.html", null,
                h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation()).hasPath("/login");

        ResponseEntity<String> basic = get("/swagger-ui.html", "clerk:clerk",
                h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(basic.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        if (basic.getStatusCode().is3xxRedirection()) {
            assertThat(basic.getHeaders().getLocation().getPath()).isNotEqualTo("/login");
        }
        assertThat(get("/v3/api-docs", "clerk:clerk", h -> { }).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get("/login", null, h -> h.setAccept(List.of(MediaType.TEXT_HTML))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNoConfiguredProxyAreIgnored() {
        // the tests configure no proxy: the login redirect keeps the real scheme and host
        ResponseEntity<String> redirect = get("/swagger-ui.html", null, h -> {
            h.setAccept(List.of(MediaType.TEXT_HTML));
            h.set("X-Forwarded-Host", "evil.example");
            h.set("X-Forwarded-Proto", "https");
            h.set("Forwarded", "for=203.0.113.7;host=evil.example;proto=https");
        });
        assertThat(redirect.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(redirect.getHeaders().getLocation().toString()).doesNotContain("evil.example")
                .doesNotStartWith("https:");
    }

    // --- start-up: groups, users, filters, authorizations ------------------------------------------------------

    @Test
    void groupsAndDemoUsersExist() {
        assertThat(identityService.createGroupQuery().groupIdIn("clerks", "managers", "camunda-admin").count())
                .isEqualTo(3);
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getType())
                .isEqualTo("SYSTEM");
        assertThat(identityService.createGroupQuery().groupId("clerks").singleResult().getType())
                .isEqualTo("WORKFLOW");
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
        assertThat(identityService.createUserQuery().userId("clerk").memberOfGroup("clerks").count()).isOne();
        assertThat(identityService.createUserQuery().userId("manager").memberOfGroup("managers").count()).isOne();
        assertThat(identityService.createUserQuery().userId("clerk").singleResult().getEmail())
                .isEqualTo("clerk@example.com");
    }

    @Test
    void clerksAndManagersSeeTheirFiltersThroughEngineRest() {
        assertThat(filterNames("clerk:clerk")).containsExactlyInAnyOrderElementsOf(CLERK_FILTERS);
        assertThat(filterNames("manager:manager")).containsExactlyInAnyOrderElementsOf(MANAGER_FILTERS);
    }

    @Test
    void filtersCarryTheirTasklistProperties() {
        var filter = filterService.createFilterQuery().filterName("人工核销 / Manual matching").singleResult();
        assertThat(filter.getProperties()).containsEntry("refresh", true).containsKeys("priority", "description");
    }

    @Test
    void clerksMayUseTasklistAndCockpitButNotAdmin() {
        assertThat(authorizationService.isUserAuthorized("clerk", List.of("clerks"),
                Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("clerk", List.of("clerks"),
                Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isFalse();
        assertThat(authorizationService.isUserAuthorized("admin", List.of("camunda-admin"),
                Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isTrue();
    }

    @Test
    void startUpSetupIsIdempotent() throws Exception {
        long groups = identityService.createGroupQuery().count();
        long users = identityService.createUserQuery().count();
        long filters = filterService.createFilterQuery().count();
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long memberships = identityService.createUserQuery().memberOfGroup("clerks").count();

        setup.afterSingletonsInstantiated();
        setup.afterSingletonsInstantiated();

        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(identityService.createUserQuery().memberOfGroup("clerks").count()).isEqualTo(memberships);
        assertThat(filterService.createFilterQuery().filterName("我的待办 / My tasks").count()).isOne();
    }

    @Test
    void candidateGroupMembersSeeClaimAndCompleteTheirTasksOthersDoNot() {
        // a clerks' task and, beside it, a managers' one (as an adjustment's approval is)
        var model = Bpmn.createExecutableProcess("securityProbe")
                .startEvent()
                .parallelGateway("fork")
                .userTask("probeTask").camundaCandidateGroups("clerks")
                .endEvent()
                .moveToNode("fork")
                .userTask("probeApproval").camundaCandidateGroups("managers")
                .endEvent()
                .done();
        String deploymentId = repositoryService.createDeployment()
                .addModelInstance("securityProbe.bpmn", model).deploy().getId();
        try {
            String instanceId = runtimeService.startProcessInstanceByKey("securityProbe").getId();
            String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("probeTask")
                    .singleResult().getId();
            String approvalId = taskService.createTaskQuery().processInstanceId(instanceId)
                    .taskDefinitionKey("probeApproval").singleResult().getId();
            String groupFilter = filterService.createFilterQuery().filterName("我的组任务 / My group tasks")
                    .singleResult().getId();

            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "clerk:clerk", h -> { }).getBody())
                    .contains(taskId);
            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "manager:manager", h -> { }).getBody())
                    .doesNotContain(taskId);
            // a clerk sees no managers' task, in a filter or by asking for it
            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "clerk:clerk", h -> { }).getBody())
                    .doesNotContain(approvalId);
            assertThat(get(engineRest("/task?processInstanceId=" + instanceId), "clerk:clerk", h -> { }).getBody())
                    .contains(taskId).doesNotContain(approvalId);
            assertThat(get(engineRest("/task/" + approvalId), "clerk:clerk", h -> { }).getStatusCode().value())
                    .isIn(403, 404);
            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "manager:manager", h -> { }).getBody())
                    .contains(approvalId);

            String claim = engineRest("/task/" + taskId + "/claim");
            assertThat(postJson(claim, "manager:manager", "{\"userId\":\"manager\"}").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(postJson(claim, "clerk:clerk", "{\"userId\":\"clerk\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(postJson(engineRest("/task/" + taskId + "/complete"), "clerk:clerk", "{}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** engine-rest addressed by engine name: the integration tests' engine is not the "default" one. */
    private String engineRest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    private ResponseEntity<String> postJson(String path, String credentials, String json) {
        return http.post().uri(path)
                .headers(h -> basic(h, credentials))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(String.class);
    }

    /** A POST that each endpoint answers without side effects once past security. */
    private ResponseEntity<String> write(String path, String credentials) {
        if (path.endsWith("/import") || path.equals("/api/bank-statements")) {
            return upload(path, credentials, "empty.csv", "");
        }
        return postJson(path, credentials, path.equals("/api/documents") ? "[]" : "{}");
    }

    private ResponseEntity<String> upload(String path, String credentials, String fileName, String content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        return http.post().uri(path)
                .headers(h -> basic(h, credentials))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toEntity(String.class);
    }

    private List<String> filterNames(String credentials) {
        List<Map<String, Object>> filters = http.get().uri(engineRest("/filter"))
                .headers(h -> basic(h, credentials))
                .retrieve()
                .body(new ParameterizedTypeReference<>() { });
        return filters.stream().map(f -> (String) f.get("name")).toList();
    }

    private ResponseEntity<String> get(String path, String credentials, Consumer<HttpHeaders> headers) {
        return exchange(HttpMethod.GET, path, credentials, headers);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String credentials,
            Consumer<HttpHeaders> headers) {
        return http.method(method).uri(path)
                .headers(h -> {
                    basic(h, credentials);
                    headers.accept(h);
                })
                .retrieve()
                .toEntity(String.class);
    }

    private static void basic(HttpHeaders headers, String credentials) {
        if (credentials != null) {
            headers.set(HttpHeaders.AUTHORIZATION, "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
