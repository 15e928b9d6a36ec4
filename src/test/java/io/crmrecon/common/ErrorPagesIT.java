package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.IntegrationTest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * No error shows a browser or an API client an internal message or a stack trace: staff pages get a friendly page
 * in the user's language with an error id, the API a problem+json with the id, and the log line carries it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIT extends IntegrationTest {

    private static final Pattern ERROR_ID = Pattern.compile("(?:Error id: |错误编号：)([2-9A-Z]{10})");

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void aFailingStaffPageShowsAFriendlyPageInChineseWithAnIdThatIsInTheLog(CapturedOutput log) {
        ResponseEntity<String> page = page("/test-failure/page", "clerk:clerk", "zh-CN,zh;q=0.9");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<html lang=\"zh-CN\"", "系统出错了", "错误编号", "返回首页");
        assertFriendly(page.getBody());
        String id = errorId(page.getBody());
        assertThat(log.getAll()).contains("Error id " + id).contains(FailingTestController.SECRET)
                .contains("at io.crmrecon.common.FailingTestController");
    }

    @Test
    void aFailingStaffPageShowsAFriendlyPageInEnglish(CapturedOutput log) {
        ResponseEntity<String> page = page("/test-failure/page", "clerk:clerk", "en-US,en");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getBody()).contains("<html lang=\"en\"", "Something went wrong", "Error id",
                "Back to the start page");
        assertFriendly(page.getBody());
        assertThat(log.getAll()).contains("Error id " + errorId(page.getBody()));
    }

    @Test
    void aTemplateThatFailsHalfWaySendsNoHalfPageAndNoFreeMarkerTrace(CapturedOutput log) {
        ResponseEntity<String> page = page("/test-failure/template", "clerk:clerk", "en");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getBody()).contains("Something went wrong")
                .doesNotContain("HALF-PAGE-MARKER", "row written before the failure", "missing.value");
        assertFriendly(page.getBody());
        assertThat(log.getAll()).contains("Error id " + errorId(page.getBody()));
    }

    @Test
    void theApiAnswersAnUnexpectedFailureWithAGenericProblemAndAnId(CapturedOutput log) throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/test-failure")
                .headers(h -> basic(h, "clerk:clerk"))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = new ObjectMapper().readTree(response.getBody());
        String id = problem.get("errorId").asText();
        assertThat(id).matches("[2-9A-Z]{10}");
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("detail").asText()).contains(id);
        assertFriendly(response.getBody());
        assertThat(log.getAll()).contains("Error id " + id).contains(FailingTestController.SECRET);
    }

    @Test
    void anUnknownStaffPageAndAMissingMailAreFriendly404s() {
        for (String path : List.of("/no/such/page", "/dev/mailbox/987654321")) {
            ResponseEntity<String> page = page(path, "clerk:clerk", "zh-CN,zh");
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getBody()).as(path).contains("页面不存在", "错误编号");
            assertFriendly(page.getBody());
        }
        ResponseEntity<String> english = page("/no/such/page", "clerk:clerk", "en");
        assertThat(english.getBody()).contains("Page not found");
    }

    @Test
    void aPageTheUserMayNotOpenIsAFriendly403() {
        ResponseEntity<String> page = page("/matching/workbench/123", "manager:manager", "en");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("You may not open this page", "Error id");
        assertFriendly(page.getBody());
    }

    @Test
    void apiClientErrorsKeepTheirProblemBodies() throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/no-such-endpoint")
                .headers(h -> basic(h, "clerk:clerk"))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new ObjectMapper().readTree(response.getBody()).get("status").asInt()).isEqualTo(404);
    }

    private ResponseEntity<String> page(String path, String credentials, String languages) {
        return http.get().uri(path)
                .headers(h -> {
                    basic(h, credentials);
                    h.setAccept(List.of(MediaType.TEXT_HTML));
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, languages);
                })
                .retrieve().toEntity(String.class);
    }

    private static void assertFriendly(String body) {
        assertThat(body).doesNotContain("Exception", "at io.crmrecon", "FTL stack trace", "freemarker",
                FailingTestController.SECRET, "jdbc:");
    }

    private static String errorId(String body) {
        Matcher m = ERROR_ID.matcher(body);
        assertThat(m.find()).as("an error id in %s", body).isTrue();
        return m.group(1);
    }

    private static void basic(HttpHeaders headers, String credentials) {
        headers.set(HttpHeaders.AUTHORIZATION, "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
