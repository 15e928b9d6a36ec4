package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.ledger.LedgerQueries;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The matching workbench and the ways a manualMatch task is completed, on PostgreSQL. */
class WorkbenchIT extends WorkbenchFixture {

    @Autowired
    LedgerQueries ledger;

    static final String B_PAYS_500 = ",2026-11-03,2026-11-03,500.00,CNY,深圳市电子,";

    @Test
    void theWorkbenchOpensForAPaymentWithSuggestionsAndOneWithoutAndSaysSoWhenTheTaskIsDone() {
        var open = importAndMatch("T2,X" + B_PAYS_500 + accountB + ",货款\n"
                + "U1,X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n");
        Task twins = open.get("T2");
        var zh = workbench("GET", "/matching/workbench/" + twins.getId(), "zh-CN,zh", null);
        assertThat(zh.getStatusCode().value()).as(zh.getBody()).isEqualTo(200);
        assertThat(zh.getBody()).contains(p + "-INV-3", p + "-INV-4", "发票", "逾期天数", "500.00", "金额相同",
                "按账号识别", "按到期日从早到晚核销").doesNotContain("INVOICE", "Exception", "· ·");
        // opening it claimed it for the clerk, who is told so
        assertThat(tasks.createTaskQuery().taskId(twins.getId()).singleResult().getAssignee()).isEqualTo("clerk");
        var en = workbench("GET", "/matching/workbench/" + twins.getId(), "en", null);
        assertThat(en.getBody()).contains("Invoice", "Days overdue", "Same amount as " + p + "-INV-",
                "recognised by account", "Apply oldest first").doesNotContain("INVOICE");

        var none = workbench("GET", "/matching/workbench/" + open.get("U1").getId(), "en", null);
        assertThat(none.getStatusCode().value()).as(none.getBody()).isEqualTo(200);
        assertThat(none.getBody()).contains("77.77", "No customer yet", "Not a customer payment", "Bank interest");

        assertThat(completeViaRest("clerk", twins.getId(), "{\"documentNos\":{\"value\":\"" + p + "-INV-3\"}}")
                .getStatusCode().value()).isEqualTo(204);
        var done = workbench("GET", "/matching/workbench/" + twins.getId(), "zh-CN,zh", null);
        assertThat(done.getStatusCode().value()).isEqualTo(404);
        assertThat(done.getBody()).contains("已完成", "返回任务列表").doesNotContain("Exception", "freemarker");
        assertThat(workbench("GET", "/matching/workbench/no-such-task", "en", null).getBody())
                .contains("has been completed or cancelled, or never existed");
    }

    @Test
    void anotherClerksTaskIsReadOnlyARefusalKeepsWhatWasTypedAndTheClerkGoesOnToTheBatchsNextTask() {
        var open = importAndMatch("T2,X" + B_PAYS_500 + accountB + ",货款\n"
                + "U1,X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n"
                + "U2,X,2026-11-04,2026-11-04,88.88,CNY,无名氏,999999,\n");
        Task twins = open.get("T2");
        assertThat(open.get("U1").getProcessInstanceId()).isEqualTo(twins.getProcessInstanceId())
                .isEqualTo(open.get("U2").getProcessInstanceId());
        tasks.setAssignee(open.get("U1").getId(), "admin");
        var others = workbench("GET", "/matching/workbench/" + open.get("U1").getId(), "zh-CN,zh", null);
        assertThat(others.getBody()).contains("此任务已由 admin 认领");
        assertThat(others.getBody()).containsPattern("id=\"submit-non-customer\"[^>]*disabled");
        var refusedForOthers = workbench("POST", "/matching/workbench/" + open.get("U1").getId(), "en",
                form(others, "customer", p + "A", "choice", "customer", "documentNo", p + "-INV-1", "amount", "77.77",
                        "writeOff", ""));
        assertThat(refusedForOthers.getStatusCode().value()).isEqualTo(409);
        assertThat(refusedForOthers.getBody()).contains("admin has claimed this task");
        assertThat(tasks.createTaskQuery().taskId(open.get("U1").getId()).singleResult().getAssignee())
                .isEqualTo("admin");

        var page = workbench("GET", "/matching/workbench/" + twins.getId(), "en", null);
        var tooMuch = workbench("POST", "/matching/workbench/" + twins.getId(), "en", form(page, "customer", p + "B",
                "choice", "customer", "documentNo", p + "-INV-3", "amount", "400.00", "writeOff", "",
                "documentNo", p + "-INV-4", "amount", "150.00", "writeOff", "", "note", "typed by the clerk"));
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMuch.getBody()).contains("The lines add up to 550.00, more than the payment of 500.00",
                "value=\"400.00\"", "value=\"150.00\"", "value=\"typed by the clerk\"");
        var notANumber = workbench("POST", "/matching/workbench/" + twins.getId(), "zh-CN,zh", form(page, "customer",
                p + "B", "choice", "customer", "documentNo", p + "-INV-3", "amount", "abc", "writeOff", ""));
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(notANumber.getBody()).contains("“abc”不是金额");

        var done = postWithoutRedirect("/matching/workbench/" + twins.getId(), form(page, "customer", p + "B",
                "choice", "customer", "documentNo", p + "-INV-3", "amount", "500.00", "writeOff", "",
                "documentNo", p + "-INV-4", "amount", "", "writeOff", ""));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        // U1 is admin's: the next task this clerk may work is U2
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/tasklist/default/#/?task=" + open.get("U2").getId());
        assertThat(csv("/api/allocations")).containsPattern("T2-" + p + "," + p + "-INV-3,500\\.00,0\\.00,MANUAL,,");
    }

    @Test
    void moneyThatIsNotACustomersPaymentIsBookedWithItsCategoryAndLeavesTheUnappliedList() {
        String balanceA = clerk.get("/api/customers/" + p + "A").json().get("balance").asText();
        Task interest = importAndMatch("I1,X,2026-11-05,2026-11-05,12.34,CNY,,,结息\n").get("I1");
        long transactionId = ((Number) tasks.getVariable(interest.getId(), "transactionId")).longValue();

        var mixed = completeViaRest("clerk", interest.getId(), "{\"nonCustomerCategory\":{\"value\":\"INTEREST\"},"
                + "\"documentNos\":{\"value\":\"" + p + "-INV-1\"}}");
        assertThat(mixed.getStatusCode().value()).isEqualTo(400);
        assertThat(mixed.getBody()).contains("非客户款项不能指定单据或客户", "names no documents and no customer");
        var unknown = completeViaRest("clerk", interest.getId(), "{\"nonCustomerCategory\":{\"value\":\"GIFT\"}}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody()).contains("GIFT");

        var booked = completeViaRest("clerk", interest.getId(), "{\"nonCustomerCategory\":{\"value\":\"INTEREST\"},"
                + "\"note\":{\"value\":\"Q4 interest\"}}");
        assertThat(booked.getStatusCode().value()).as(booked.getBody()).isEqualTo(204);
        assertThat(ledger.unappliedTransaction(transactionId)).isEmpty();
        JsonNode row = allocationOf("I1-" + p, false);
        assertThat(row.get("category").asText()).isEqualTo("INTEREST");
        assertThat(row.get("note").asText()).isEqualTo("Q4 interest");
        assertThat(row.get("amount").asText()).isEqualTo("12.34");
        assertThat(row.get("customerCode").isNull()).isTrue();
        assertThat(row.get("documentNo").isNull()).isTrue();
        assertThat(csv("/api/allocations").lines().findFirst().orElseThrow())
                .startsWith("transaction_id,document_no,amount,writeoff,method,rule,confidence,").contains(",category");
        assertThat(clerk.get("/api/customers/" + p + "A").json().get("balance").asText()).isEqualTo(balanceA);

        // undone like any allocation: the reversal keeps the category, and the money is unapplied again
        var reversal = clerk.postJson("/api/allocations/" + row.get("allocationId").asLong() + "/reversal", "{}");
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(ledger.unappliedTransaction(transactionId)).isPresent();
        assertThat(csv("/api/allocations?includeReversed=true"))
                .containsPattern("I1-" + p + ",,-12\\.34,.*,INTEREST,");
    }

    @Test
    void aPaymentStaysOnAccountOfTheCustomerNamedByCodeAndNeverOnAccountOfNobody() {
        Task task = importAndMatch("U1,X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n").get("U1");
        var nobody = completeViaRest("clerk", task.getId(), "{\"documentNos\":{\"value\":\"\"}}");
        assertThat(nobody.getStatusCode().value()).as(nobody.getBody()).isEqualTo(400);
        assertThat(nobody.getBody()).contains("这笔付款的客户未知", "No customer is known for this payment");
        var noSuchCode = completeViaRest("clerk", task.getId(), "{\"customerCode\":{\"value\":\"" + p + "-NOPE\"}}");
        assertThat(noSuchCode.getBody()).contains("There is no customer with code " + p + "-NOPE");
        var otherCustomers = completeViaRest("clerk", task.getId(), "{\"customerCode\":{\"value\":\"" + p + "A\"},"
                + "\"documentNos\":{\"value\":\"" + p + "-INV-3\"}}");
        assertThat(otherCustomers.getStatusCode().value()).isEqualTo(400);
        assertThat(otherCustomers.getBody()).contains(p + "-INV-3 belongs to customer " + p + "B, not to " + p + "A");
        assertThat(csv("/api/allocations?includeReversed=true")).doesNotContain("U1-" + p);

        var done = completeViaRest("clerk", task.getId(), "{\"customerCode\":{\"value\":\"" + p + "A\"},"
                + "\"documentNos\":{\"value\":\"\"},\"nonCustomerCategory\":{\"value\":\"\"}}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(csv("/api/allocations")).containsPattern("U1-" + p + ",,77\\.77,0\\.00,MANUAL,,,.*," + p + "A,");
        assertThat(clerk.get("/api/customers/" + p + "A").json().get("balance").asText()).isEqualTo("2922.23");
    }

    @Test
    void customersAreFoundByAnyPartOfTheirNameTheirCodeOrAPayerAccount() {
        assertThat(codes("/api/customers?q=" + p + "机电")).containsExactly(p + "A");
        assertThat(codes("/api/customers?q=" + p.toLowerCase() + "b")).containsExactly(p + "B");
        assertThat(codes("/api/customers?q=" + accountB.substring(2))).containsExactly(p + "B");
        assertThat(codes("/api/customers?q=" + p)).containsExactly(p + "A", p + "B");
        var page = workbench("GET", "/matching/workbench/customers?q=" + p + "电子", "en", null);
        assertThat(page.getBody()).contains("\"code\":\"" + p + "B\"").contains("深圳市" + p + "电子科技有限公司");
    }

    /** The response itself, not where it redirects to (the test client would follow it). */
    private java.net.http.HttpResponse<String> postWithoutRedirect(String path,
            org.springframework.util.LinkedMultiValueMap<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(v -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .header("Cookie", sessionCookie())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .build().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<String> codes(String path) {
        var response = clerk.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        java.util.List<String> out = new java.util.ArrayList<>();
        response.json().get("content").forEach(c -> out.add(c.get("customerCode").asText()));
        return out;
    }

    private JsonNode allocationOf(String bankReference, boolean includeReversed) {
        for (JsonNode row : clerk.get("/api/allocations?includeReversed=" + includeReversed).json()) {
            if (bankReference.equals(row.get("transactionId").asText())) {
                return row;
            }
        }
        throw new AssertionError("no allocation of " + bankReference);
    }
}
