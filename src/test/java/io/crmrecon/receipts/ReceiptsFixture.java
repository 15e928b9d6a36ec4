package io.crmrecon.receipts;

import io.crmrecon.ProcessJobs;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small ledger of its own for each test (codes and bank references carry a random prefix, so tests sharing the
 * database see only their own rows through {@code q=prefix}): two customers, four invoices and payments that
 * matching applies, suggests or cannot place.
 */
public final class ReceiptsFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final String p;
    final String accountA;
    public final String accountB;
    final LocalDate today = LocalDate.now(ZONE);
    private final TestRestTemplate rest;
    private final Api clerk;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    public ReceiptsFixture(TestRestTemplate rest, JdbcTemplate jdbc, RuntimeService runtime, ManagementService management,
            TaskService tasks) {
        this.rest = rest;
        this.clerk = new Api(rest, "clerk");
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        StringBuilder letters = new StringBuilder("R");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> letters.append((char) c));
        p = letters.toString();
        accountA = "6222" + Math.abs(p.hashCode());
        accountB = "6228" + Math.abs(p.hashCode());
    }

    /** Customers pA and pB; pA's invoices issued 60 and 45 days ago, pB's 40 and 20 days ago (terms 30). */
    public void ledger() {
        ok(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email,bank_accounts\n"
                + p + "A,上海" + p + "机电设备有限公司,a@example.cn," + accountA + "\n"
                + p + "B,深圳市" + p + "电子科技有限公司,b@example.cn," + accountB + "\n"));
        ok(clerk.upload("/api/documents/import", "d.csv", "document_no,customer_code,type,issue_date,currency,amount\n"
                + p + "-INV-1," + p + "A,INVOICE," + daysAgo(60) + ",CNY,1000.00\n"
                + p + "-INV-2," + p + "A,INVOICE," + daysAgo(45) + ",CNY,2000.00\n"
                + p + "-INV-3," + p + "B,INVOICE," + daysAgo(40) + ",CNY,500.00\n"
                + p + "-INV-4," + p + "B,INVOICE," + daysAgo(20) + ",CNY,500.00\n"));
    }

    public String daysAgo(int days) {
        return today.minusDays(days).toString();
    }

    /**
     * A1 pays INV-1 by reference (applied automatically); A2 is pB's 500.00 that fits two invoices (suggested); A3
     * and U5 come from nobody known (unmatched), U5 in USD.
     */
    public long standardPayments() {
        return importBank("A1," + accountA + "," + daysAgo(8) + "," + daysAgo(8) + ",1000.00,CNY,上海" + p + "机电,"
                + accountA + ",支付" + p + "-INV-1货款\n"
                + "A2," + accountB + "," + daysAgo(6) + "," + daysAgo(6) + ",500.00,CNY,深圳" + p + "," + accountB
                + ",货款\n"
                + "A3,X," + daysAgo(5) + "," + daysAgo(5) + ",77.77,CNY,无名氏" + p + ",999999,\n"
                + "U5,X," + daysAgo(3) + "," + daysAgo(3) + ",10.00,USD,Unknown " + p + " Ltd,GB00XX,invoice\n");
    }

    long importBank(String lines) {
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        String body = lines.replaceAll("(?m)^([A-Z]\\d),", "$1-" + p + ",");
        var response = clerk.upload("/api/bank-statements", "bank-" + p + ".csv", header + body);
        ok(response);
        long statement = response.json().get("bankStatementId").asLong();
        runJobs(statement);
        return statement;
    }

    /** Runs the jobs of the statement's paymentMatching and the batches it called, until none is left. */
    void runJobs(long statement) {
        ProcessJobs.runAll(runtime, management, Long.toString(statement));
    }

    long transactionId(String reference) {
        return jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?", Long.class,
                reference + "-" + p);
    }

    public String taskOf(String reference) {
        long id = transactionId(reference);
        return tasks.createTaskQuery().taskDefinitionKey("manualMatch").list().stream()
                .filter(t -> ((Number) tasks.getVariable(t.getId(), "transactionId")).longValue() == id)
                .findFirst().orElseThrow().getId();
    }

    public ResponseEntity<String> complete(String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("clerk", "clerk").exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    /** The allocation of a transaction to a document (null: the one left on account). */
    public long allocationId(String reference, String documentNo) {
        return jdbc.queryForObject("SELECT a.id FROM allocation a LEFT JOIN document d ON d.id = a.document_id "
                + "WHERE a.transaction_id = ? AND a.reverses_id IS NULL AND "
                + (documentNo == null ? "a.document_id IS NULL" : "d.document_no = '" + documentNo + "'"),
                Long.class, transactionId(reference));
    }

    public void reverse(long allocationId) {
        var response = clerk.postJson("/api/allocations/" + allocationId + "/reversal", "{\"note\":\"test\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
