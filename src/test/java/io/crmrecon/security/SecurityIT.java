package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.IntegrationTest;
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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

class SecurityIT extends IntegrationTest {

    // only processes that exist have filters; managers see the manual-matching exceptions read-only
    private static final List<String> CLERK_FILTERS = List.of("我的待办 / My tasks", "我的组任务 / My group tasks",
            "人工核销 / Manual matching");
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

    @Test
    void clerkReadsEngineRestTasks() {
        assertThat(get(engineRest("/task"), "clerk:clerk", h -> { }).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the default engine's short path passes security too (it answers 400 here only because the test
        // engine is not named "default")
        assertThat((HttpStatus) get("/engine-rest/task", "clerk:clerk", h -> { }).getStatusCode())
                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    @Test
    void clerkMayNotReadReports() {
        ResponseEntity<String> response = get("/api/reports/aging?asOf=2026-10-31", "clerk:clerk", h -> { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"status\":403");
    }

    @Test
    void managerGetsPastSecurityForReports() {
        for (String user : List.of("manager:manager", "admin:admin")) {
            HttpStatus status = (HttpStatus) get("/api/reports/aging?asOf=2026-10-31", user, h -> { })
                    .getStatusCode();
            assertThat(status).as(user).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void clerkGetsPastSecurityForImportsAndRunsButNotForOtherWrites() {
        for (String path : List.of("/api/customers/import", "/api/documents/import", "/api/documents",
                "/api/bank-statements", "/api/matching/runs", "/api/statement-runs")) {
            HttpStatus status = (HttpStatus) exchange(HttpMethod.POST, path, "clerk:clerk", h -> { })
                    .getStatusCode();
            assertThat(status).as(path).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        }
        assertThat(exchange(HttpMethod.DELETE, "/api/customers/C001", "clerk:clerk", h -> { }).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.DELETE, "/api/customers/C001", "manager:manager", h -> { })
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
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
        ResponseEntity<String> page = get("/s/anything", null, h -> h.setAccept(List.of(MediaType.TEXT_HTML)));
        assertThat(page.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.FOUND);
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        ResponseEntity<String> post = exchange(HttpMethod.POST, "/s/anything/confirm", null, h -> { });
        assertThat(post.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.FOUND);
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
        var model = Bpmn.createExecutableProcess("securityProbe")
                .startEvent()
                .userTask("probeTask").camundaCandidateGroups("clerks")
                .endEvent()
                .done();
        String deploymentId = repositoryService.createDeployment()
                .addModelInstance("securityProbe.bpmn", model).deploy().getId();
        try {
            String instanceId = runtimeService.startProcessInstanceByKey("securityProbe").getId();
            String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            String groupFilter = filterService.createFilterQuery().filterName("我的组任务 / My group tasks")
                    .singleResult().getId();

            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "clerk:clerk", h -> { }).getBody())
                    .contains(taskId);
            assertThat(get(engineRest("/filter/" + groupFilter + "/list"), "manager:manager", h -> { }).getBody())
                    .doesNotContain(taskId);

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
