package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for the whole application (CONTRACT §3): the Camunda webapps' login is the staff pages' login and the
 * other way round, and logging out of either ends both. A browser is a cookie jar here; WebappsBrowserIT and
 * OneLoginBrowserIT do the same with Chromium.
 */
class OneLoginIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identityService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    CookieManager cookies;
    HttpClient browser;

    @BeforeEach
    void browser() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aTasklistLoginIsTheStaffPagesLoginAndCamundasLogoutEndsIt() throws Exception {
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(302);

        // the webapp's own start: its page hands out the CSRF token its API calls must send back
        assertThat(get("/camunda/app/tasklist/" + engine.getName() + "/").statusCode()).isEqualTo(200);
        HttpResponse<String> login = camundaPost("/camunda/api/admin/auth/user/" + engine.getName()
                + "/login/tasklist", "username=clerk&password=clerk");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        HttpResponse<String> mailbox = get("/dev/mailbox");
        assertThat(mailbox.statusCode()).isEqualTo(200);
        assertThat(mailbox.body()).contains("Dev mailbox");
        // the staff pages know who it is, with the groups the webapp found
        assertThat(get("/matching/workbench/no-such-task").statusCode()).isEqualTo(404);

        get("/camunda/app/tasklist/" + engine.getName() + "/");
        HttpResponse<String> logout = camundaPost("/camunda/api/admin/auth/user/" + engine.getName() + "/logout", "");
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);

        HttpResponse<String> after = get("/dev/mailbox");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theAppsLoginIsTheWebappsLoginAndTheAppsLogoutEndsIt() throws Exception {
        logIn("clerk", "clerk");

        HttpResponse<String> webappUser = get("/camunda/api/admin/auth/user/" + engine.getName());
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"clerk\"").contains("tasklist");
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(200);

        HttpResponse<String> confirm = get("/logout");
        assertThat(confirm.statusCode()).isEqualTo(200);
        HttpResponse<String> logout = post("/logout", Map.of("_csrf", csrf(confirm.body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        assertThat(get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode()).isNotEqualTo(200);
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(302);
    }

    @Test
    void aLoginGetsANewSessionId() throws Exception {
        get("/login");
        String before = sessionId();
        logIn("manager", "manager");
        assertThat(sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aWrongPasswordIsSaidInTheUsersLanguage() throws Exception {
        // a user of its own: Camunda locks a user out for a while after a failed attempt
        String userId = "wrongloginpagetest";
        User user = identityService.newUser(userId);
        user.setPassword("right");
        identityService.saveUser(user);
        try {
            HttpResponse<String> page = get("/login?lang=en");
            HttpResponse<String> failed = post("/login",
                    Map.of("username", userId, "password", "wrong", "_csrf", csrf(page.body())));
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            assertThat(get("/login?error").body()).contains("Wrong user name or password");
            assertThat(get("/login?error&lang=zh").body()).contains("用户名或密码错误");
            assertThat(get("/dev/mailbox").statusCode()).isEqualTo(302);
        } finally {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void theLoginPageSpeaksChineseAndEnglish() throws Exception {
        String zh = get("/login?lang=zh").body();
        assertThat(zh).contains("<html lang=\"zh-CN\"", "用户名", "密码", "登录", "href=\"/login?lang=en\"");
        String en = get("/login?lang=en").body();
        assertThat(en).contains("<html lang=\"en\"", "User name", "Password", "Log in", "href=\"/login?lang=zh\"");
    }

    @Test
    void basicStillWorksForStaffPagesAndCreatesNoLogin() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/dev/mailbox"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(302);
        assertThat(get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode()).isNotEqualTo(200);
    }

    @Test
    void theStartPageIsPublicInBothLanguagesAndShowsTheDemoUsers() throws Exception {
        String zh = get("/?lang=zh").body();
        assertThat(zh).contains("<html lang=\"zh-CN\"", "CRM对账系统", "目前已有的功能", "使用手册", "演示用户", "clerk", "manager",
                "/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/", "/swagger-ui.html",
                "/receipts/unapplied", "/customers", "人工核销");
        String en = get("/?lang=en").body();
        assertThat(en).contains("<html lang=\"en\"", "CRM reconciliation", "What it does today", "user guide", "Demo users",
                "Unapplied receipts", "What to try first");
        // what has no page of its own is not linked: the reports are downloads, disputes are tasks
        assertThat(en).doesNotContain("href=\"/reports", "href=\"/disputes");
        logIn("clerk", "clerk");
        assertThat(get("/?lang=en").body()).contains("Logged in as clerk", "action=\"/logout\"");
    }

    @Test
    void everyFormASignedInUserPostsIsRefusedWithoutItsCsrfTokenAndChangesNothing() throws Exception {
        // a period nobody closes in the tests: closing it for real would take it from them
        String period = "1999-01";
        int closings = jdbc.queryForObject("SELECT COUNT(*) FROM closed_period", Integer.class);
        logIn("manager", "manager");
        // a page of a signed-in user carries the token the forms send back
        assertThat(csrf(get("/periods?lang=en").body())).isNotBlank();
        HttpResponse<String> close = post("/periods/" + period + "/close", Map.of());
        assertThat(close.statusCode()).as(close.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM closed_period", Integer.class)).isEqualTo(closings);
        HttpResponse<String> reopen = post("/periods/" + period + "/reopen", Map.of());
        assertThat(reopen.statusCode()).isEqualTo(403);
        // a logout another site triggers does not end the session
        assertThat(post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("/periods").statusCode()).isEqualTo(200);

        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        logIn("clerk", "clerk");
        // the workbench's allocation form: refused before the task or the choice is even looked at
        HttpResponse<String> allocate = post("/matching/workbench/no-such-task",
                Map.of("customerCode", "C0001", "amount_1", "1.00", "action", "customer"));
        assertThat(allocate.statusCode()).isEqualTo(403);
        // the same forms with their token get through to what they do
        HttpResponse<String> logout = post("/logout", Map.of("_csrf", csrf(get("/").body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(get("/periods").statusCode()).isEqualTo(302);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void logIn(String user, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> done = post("/login",
                Map.of("username", user, "password", password, "_csrf", csrf(page.body())));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> camundaPost(String path, String form) throws IOException, InterruptedException {
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token in %s", page).isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
