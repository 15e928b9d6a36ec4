package io.crmrecon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/** GET /api/receipts/unapplied and /receipts/unapplied on PostgreSQL, after real imports and matching runs. */
class UnappliedReceiptsIT extends IntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    ReceiptsFixture f;
    Api clerk;
    Api manager;

    @BeforeEach
    void ledger() {
        f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        clerk = new Api(rest, "clerk");
        manager = new Api(rest, "manager");
    }

    @Test
    void listsExactlyTheUnappliedPaymentsWithFiltersSortingAndTotals() {
        f.standardPayments();
        JsonNode all = list(clerk, "");
        // A1 paid INV-1 in full automatically: not in the list
        assertThat(references(all)).containsExactly("A2", "A3", "U5");
        JsonNode a2 = all.get("content").get(0);
        assertThat(a2.get("amount").asText()).isEqualTo("500.00");
        assertThat(a2.get("remaining").asText()).isEqualTo("500.00");
        assertThat(a2.get("currency").asText()).isEqualTo("CNY");
        assertThat(a2.get("status").asText()).isEqualTo("SUGGESTED");
        assertThat(a2.get("customerCode").asText()).isEqualTo(f.p + "B");
        assertThat(a2.get("ageDays").asLong()).isEqualTo(6);
        assertThat(a2.get("bookingDate").asText()).isEqualTo(f.daysAgo(6));
        assertThat(a2.get("payerAccount").asText()).isEqualTo(f.accountB);
        assertThat(a2.get("bankStatementFile").asText()).isEqualTo("bank-" + f.p + ".csv");
        assertThat(a2.get("bestSuggestion").get("documentNos").toString()).contains(f.p + "-INV-");
        assertThat(a2.get("taskId").asText()).isEqualTo(f.taskOf("A2"));
        assertThat(a2.get("workbenchUrl").asText()).isEqualTo("/matching/workbench/" + f.taskOf("A2"));
        JsonNode a3 = all.get("content").get(1);
        assertThat(a3.get("status").asText()).isEqualTo("UNMATCHED");
        assertThat(a3.get("customerCode").isNull()).isTrue();
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(all.get("page").get("totalPages").asLong()).isEqualTo(1);
        assertThat(all.get("totals").toString())
                .contains("{\"currency\":\"CNY\",\"count\":2,\"amount\":\"577.77\",\"remaining\":\"577.77\"}")
                .contains("{\"currency\":\"USD\",\"count\":1,\"amount\":\"10.00\",\"remaining\":\"10.00\"}");

        assertThat(references(list(clerk, "&status=UNMATCHED"))).containsExactly("A3", "U5");
        assertThat(references(list(clerk, "&status=suggested"))).containsExactly("A2");
        assertThat(references(list(clerk, "&customer=" + f.p + "B"))).containsExactly("A2");
        assertThat(references(list(clerk, "&amountMin=77.77&amountMax=500"))).containsExactly("A2", "A3");
        assertThat(references(list(clerk, "&amountMax=77.77"))).containsExactly("A3", "U5");
        assertThat(references(list(clerk, "&from=" + f.daysAgo(5) + "&to=" + f.daysAgo(4)))).containsExactly("A3");
        assertThat(references(list(clerk, "&sort=amount,desc"))).containsExactly("A2", "A3", "U5");
        assertThat(references(list(clerk, "&sort=amount"))).containsExactly("U5", "A3", "A2");
        assertThat(references(list(clerk, "&sort=age"))).containsExactly("U5", "A3", "A2");
        assertThat(references(list(clerk, "&sort=bookingDate,desc"))).containsExactly("U5", "A3", "A2");
        JsonNode filtered = list(clerk, "&amountMax=100");
        assertThat(filtered.get("totals").toString()).contains("\"count\":1,\"amount\":\"77.77\"")
                .contains("\"count\":1,\"amount\":\"10.00\"");

        JsonNode second = list(clerk, "&size=2&page=1");
        assertThat(references(second)).containsExactly("U5");
        assertThat(second.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(second.get("page").get("number").asLong()).isEqualTo(1);
        assertThat(second.get("page").get("size").asLong()).isEqualTo(2);
    }

    @Test
    void csvAndXlsxParseBackToTheSameRows() throws Exception {
        f.standardPayments();
        ResponseEntity<byte[]> csv = get("clerk", "/api/receipts/unapplied?q=" + f.p, "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(records).extracting(r -> r.get("bank_reference"))
                .containsExactly("A2-" + f.p, "A3-" + f.p, "U5-" + f.p);
        assertThat(records.get(0).get("remaining")).isEqualTo("500.00");
        assertThat(records.get(0).get("status")).isEqualTo("SUGGESTED");
        assertThat(records.get(0).get("customer_code")).isEqualTo(f.p + "B");
        assertThat(records.get(0).get("task_id")).isEqualTo(f.taskOf("A2"));
        assertThat(records.get(1).get("payer_name")).isEqualTo("无名氏" + f.p);
        assertThat(records.get(2).get("currency")).isEqualTo("USD");

        // the browser's download link: the same file, marked UTF-8 for spreadsheets
        ResponseEntity<byte[]> download = get("clerk", "/receipts/unapplied/export?format=csv&q=" + f.p, "text/html");
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment");
        assertThat(new String(download.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFtransaction_id,").contains("A3-" + f.p);

        for (ResponseEntity<byte[]> xlsx : List.of(get("clerk", "/api/receipts/unapplied?q=" + f.p, XLSX),
                get("clerk", "/api/receipts/unapplied?format=xlsx&q=" + f.p, "*/*"))) {
            assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
            assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(XLSX);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(3);
                List<String> references = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    references.add(sheet.getRow(i).getCell(1).getStringCellValue());
                }
                assertThat(references).containsExactly("A2-" + f.p, "A3-" + f.p, "U5-" + f.p);
                Row a3 = sheet.getRow(2);
                assertThat(a3.getCell(5).getNumericCellValue()).isEqualTo(77.77);
                assertThat(a3.getCell(2).getLocalDateTimeCellValue().toLocalDate().toString()).isEqualTo(f.daysAgo(5));
                assertThat(a3.getCell(14).getStringCellValue()).isEqualTo("UNMATCHED");
            }
        }
    }

    @Test
    void badFilterValuesAre400ProblemsNamingTheParameter() {
        for (String[] bad : new String[][] {{"amountMin=abc", "amountMin"}, {"from=2026-13-01", "from"},
                {"to=yesterday", "to"}, {"status=LOST", "status"}, {"sort=colour", "sort"}, {"size=0", "size"},
                {"page=-1", "page"}, {"format=pdf", "format"}}) {
            for (String accept : List.of("application/json", "text/csv")) {
                ResponseEntity<byte[]> response = get("clerk", "/api/receipts/unapplied?" + bad[0], accept);
                String body = new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(response.getStatusCode().value()).as(bad[0] + " " + accept + ": " + body).isEqualTo(400);
                assertThat(response.getHeaders().getContentType().toString()).as(bad[0])
                        .startsWith("application/problem+json");
                assertThat(body).as(bad[0]).contains("\"detail\":\"" + bad[1] + ":");
            }
        }
        // the page: the same mistakes shown on the page, 400, never a 500
        ResponseEntity<byte[]> page = get("clerk", "/receipts/unapplied?amountMin=abc&from=2026-13-01&lang=en",
                "text/html");
        assertThat(page.getStatusCode().value()).isEqualTo(400);
        assertThat(new String(page.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("data-parameter=\"amountMin\"", "data-parameter=\"from\"", "Amount from: enter an amount");
    }

    @Test
    void aManagerReadsTheListButIsOfferedNoWorkbench() {
        f.standardPayments();
        JsonNode list = list(manager, "");
        assertThat(references(list)).containsExactly("A2", "A3", "U5");
        String page = page("manager", "/receipts/unapplied?q=" + f.p + "&lang=en");
        assertThat(page).contains("A2-" + f.p, "Suggestion to confirm", "No match found", "id=\"read-only\"")
                .doesNotContain("/matching/workbench/");
        String clerkPage = page("clerk", "/receipts/unapplied?q=" + f.p + "&lang=zh");
        assertThat(clerkPage).contains("/matching/workbench/" + f.taskOf("A2"), "有建议待确认", "未找到匹配")
                .doesNotContain("id=\"read-only\"");
    }

    @Test
    void aPaymentLeavesTheListWhenAClerkAppliesItAndComesBackAfterAReversal() {
        f.standardPayments();
        var done = f.complete(f.taskOf("A2"), "{\"documentNos\":{\"value\":\"" + f.p + "-INV-3\"}}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(references(list(clerk, ""))).containsExactly("A3", "U5");

        // 70.00 of A3 to INV-2, the rest on pA's account; then the part on account is reversed
        var partly = f.complete(f.taskOf("A3"), "{\"allocations\":{\"value\":\"[{\\\"documentNo\\\":\\\"" + f.p
                + "-INV-2\\\",\\\"amount\\\":\\\"70.00\\\"}]\"}}");
        assertThat(partly.getStatusCode().value()).as(partly.getBody()).isEqualTo(204);
        assertThat(references(list(clerk, ""))).containsExactly("U5");
        f.reverse(f.allocationId("A3", null));
        // and A1's automatic match is reversed: the payment waits for the next run
        f.reverse(f.allocationId("A1", f.p + "-INV-1"));

        JsonNode after = list(clerk, "");
        assertThat(references(after)).containsExactly("A1", "A3", "U5");
        JsonNode a1 = after.get("content").get(0);
        assertThat(a1.get("status").asText()).isEqualTo("WAITING");
        assertThat(a1.get("remaining").asText()).isEqualTo("1000.00");
        JsonNode a3 = after.get("content").get(1);
        assertThat(a3.get("status").asText()).isEqualTo("PARTLY_APPLIED");
        assertThat(a3.get("amount").asText()).isEqualTo("77.77");
        assertThat(a3.get("remaining").asText()).isEqualTo("7.77");
        assertThat(a3.get("customerCode").asText()).isEqualTo(f.p + "A");
        assertThat(a3.get("taskId").isNull()).isTrue();
        assertThat(references(list(clerk, "&status=PARTLY_APPLIED"))).containsExactly("A3");
        assertThat(after.get("totals").toString()).contains("\"count\":2,\"amount\":\"1077.77\",\"remaining\":\"1007.77\"");
    }

    private JsonNode list(Api user, String query) {
        Api.Response response = user.get("/api/receipts/unapplied?q=" + f.p + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> references(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("content").forEach(r -> out.add(r.get("bankReference").asText().replace("-" + f.p, "")));
        return out;
    }

    private ResponseEntity<byte[]> get(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(MediaType.parseMediaTypes(accept));
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private String page(String user, String path) {
        ResponseEntity<byte[]> response = get(user, path, "text/html");
        String body = new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatusCode().value()).as(body).isEqualTo(200);
        return body;
    }
}
