package io.crmrecon.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.IntegrationTest;
import io.crmrecon.receipts.ReceiptsFixture;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** /customers/{code}: open items with ageing, payments and what they paid, a reversal in the audit trail. */
class CustomerAccountIT extends IntegrationTest {

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

    @Test
    void showsOpenItemsWithAgeingPaymentsWithWhatTheyPaidAndReversals() {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        f.standardPayments();
        // A3: 70.00 to INV-2, the rest (7.77) on pA's account; A1's automatic match of INV-1 reversed
        var partly = f.complete(f.taskOf("A3"), "{\"allocations\":{\"value\":\"[{\\\"documentNo\\\":\\\"" + f.p
                + "-INV-2\\\",\\\"amount\\\":\\\"70.00\\\"}]\"}}");
        assertThat(partly.getStatusCode().value()).as(partly.getBody()).isEqualTo(204);
        long auto = f.allocationId("A1", f.p + "-INV-1");
        f.reverse(auto);

        String en = page("clerk", "/customers/" + f.p + "A?lang=en", 200);
        // INV-1: issued 60 days ago, due 30 days ago, open again after the reversal; INV-2 due 15 days ago
        assertThat(en).contains("id=\"balance\">2,922.23</strong>");
        assertThat(row(en, "data-document=\"" + f.p + "-INV-1\"")).contains("Invoice", "1,000.00", ">30<", "1–30 days");
        assertThat(row(en, "data-document=\"" + f.p + "-INV-2\"")).contains("2,000.00", "1,930.00", ">15<");
        assertThat(en).contains("data-bucket=\"d1_30\">1–30 days<strong>2,930.00</strong>")
                .contains("data-bucket=\"current\">Not yet due<strong>0.00</strong>");
        String a3 = row(en, "data-reference=\"A3-" + f.p + "\"");
        assertThat(a3).contains("77.77", f.p + "-INV-2 (Invoice): <strong>70.00</strong>",
                "On account: <strong>7.77</strong>");
        assertThat(row(en, "data-reference=\"A1-" + f.p + "\"")).contains("Reversed: nothing in force");
        long reversal = jdbc.queryForObject("SELECT id FROM allocation WHERE reverses_id = ?", Long.class, auto);
        assertThat(row(en, "id=\"allocation-" + reversal + "\"")).contains("class=\"reversal\"",
                "Reversal of No. " + auto, "-1,000.00");
        assertThat(row(en, "id=\"allocation-" + auto + "\"")).contains("class=\"reversed\"",
                "reversed by No. " + reversal, "Automatic");
        assertThat(en).doesNotContain("INVOICE<", "· ·", "null");

        String zh = page("clerk", "/customers/" + f.p + "A?lang=zh", 200);
        assertThat(zh).contains("客户往来", "发票", "冲回第 " + auto + " 号", "转预收", "1–30 天");

        // pB: the suggested payment waits, with its task for a clerk, not for a manager
        assertThat(page("clerk", "/customers/" + f.p + "B?lang=en", 200))
                .contains("/matching/workbench/" + f.taskOf("A2"), "Suggestion to confirm");
        assertThat(page("manager", "/customers/" + f.p + "B?lang=en", 200)).contains("A2-" + f.p)
                .doesNotContain("/matching/workbench/");

        assertThat(page("clerk", "/customers?lang=en", 200)).contains("Customers");
    }

    @Test
    void anUnknownCustomerIsAFriendly404InTheUsersLanguage() {
        assertThat(page("clerk", "/customers/NO-SUCH-CUSTOMER?lang=en", 404)).contains("Customer not found",
                "There is no customer with the code", "NO-SUCH-CUSTOMER");
        assertThat(page("clerk", "/customers/NO-SUCH-CUSTOMER?lang=zh", 404)).contains("找不到该客户");
        // what the address says is shown as text, never as markup
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(MediaType.parseMediaTypes("text/html"));
        ResponseEntity<String> tag = rest.withBasicAuth("clerk", "clerk").exchange(
                java.net.URI.create(rest.getRootUri() + "/customers/%3Cscript%3Ealert(1)%3Cb%3E?lang=en"),
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(tag.getStatusCode().value()).isEqualTo(404);
        assertThat(tag.getBody()).contains("&lt;script&gt;alert(1)&lt;b&gt;").doesNotContain("<script>alert");
    }

    /** The table row holding a marker, from its opening tag to its end. */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }

    private String page(String user, String path, int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(MediaType.parseMediaTypes("text/html"));
        ResponseEntity<byte[]> response = rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(response.getStatusCode().value()).as(body).isEqualTo(status);
        return body;
    }
}
