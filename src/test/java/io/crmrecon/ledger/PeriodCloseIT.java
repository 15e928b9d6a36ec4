package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Period close as the accountant relies on it: once a month is closed its postings never change; what is recorded
 * later for a day in it is posted in the open month and shown on the next statement as a prior-period adjustment;
 * a new document dated in it is refused, the same document again is not. The months closed here are long past
 * (2020), so no other test's data is dated in them; every close is undone afterwards.
 */
class PeriodCloseIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Allocations allocations;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    Api clerk;
    Api manager;
    Api admin;
    String p;

    @BeforeEach
    void users() {
        clerk = new Api(rest, "clerk").language("en");
        manager = new Api(rest, "manager").language("en");
        admin = new Api(rest, "admin").language("en");
        reopenTheTestsCloses();
        StringBuilder prefix = new StringBuilder("PC");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> prefix.append((char) c));
        p = prefix.toString();
    }

    @AfterEach
    void reopenTheTestsCloses() {
        for (int i = 0; i < 5; i++) {
            JsonNode books = ok(manager.get("/api/periods"));
            String through = books.get("closedThrough").isNull() ? null : books.get("closedThrough").asText();
            if (through == null || !through.startsWith("2020")) {
                return;
            }
            ok(admin.postJson("/api/periods/" + through + "/reopen", "{}"));
        }
    }

    @Test
    void aClosedMonthsPostingsNeverChangeAndLateEntriesArePostedInTheOpenMonth() throws Exception {
        String account = customer("杭州" + p + "电子", p + "-1," + p + ",INVOICE,2020-02-10,2020-03-10,CNY,100.00\n"
                + p + "-2," + p + ",INVOICE,2020-02-20,2020-03-20,CNY,200.00\n");
        var bank = clerk.upload("/api/bank-statements", "b.csv", "transaction_id,account,booking_date,value_date,"
                + "amount,currency,counterparty_name,counterparty_account,remittance_info\n"
                + p + "-P1,CN0100,2020-02-25,2020-02-25,100.00,CNY,杭州" + p + "电子," + account + "," + p + "-1\n"
                + p + "-P2,CN0100,2020-02-27,2020-02-27,150.00,CNY,无名氏,9999" + Math.abs(p.hashCode()) + ",货款\n");
        ok(bank);
        ProcessJobs.runWaitingRuns(management);
        ProcessJobs.runAll(runtime, management, bank.json().get("bankStatementId").asText());
        long customer = id("SELECT id FROM customer WHERE customer_code = ?", p);
        long p1 = id("SELECT id FROM bank_transaction WHERE bank_reference = ?", p + "-P1");
        long p2 = id("SELECT id FROM bank_transaction WHERE bank_reference = ?", p + "-P2");
        if (count("SELECT COUNT(*) FROM allocation WHERE transaction_id = ?", p1) == 0) {
            record(p1, p + "-1", customer, "100.00");
        }
        assertThat(count("SELECT COUNT(*) FROM allocation WHERE transaction_id = ?", p2))
                .as("the second payment is nobody's until a clerk says so").isZero();

        List<String> february = postings("2020-02-01", "2020-02-29");
        assertThat(february).containsExactly("2020-02-25 PAYMENT 1002 100.00 - 2020-02-25",
                "2020-02-25 PAYMENT 1122 - 100.00 2020-02-25");

        // who may close, and which months
        assertThat(clerk.postJson("/api/periods/2020-02/close", "{}").status()).isEqualTo(403);
        Api.Response notEnded = manager.postJson("/api/periods/" + YearMonth.now() + "/close", "{}");
        assertThat(notEnded.status()).isEqualTo(400);
        assertThat(notEnded.json().get("errors").get(0).get("column").asText()).isEqualTo("period");
        assertThat(notEnded.json().get("detail").asText()).contains("has not ended yet");
        assertThat(manager.postJson("/api/periods/2020-13/close", "{}").status()).isEqualTo(400);

        JsonNode closed = ok(manager.postJson("/api/periods/2020-02/close", "{}"));
        assertThat(closed.get("closedThrough").asText()).isEqualTo("2020-02");
        assertThat(closed.get("openFrom").asText()).isEqualTo("2020-03-01");
        assertThat(closed.get("closings").get(0).get("closedBy").asText()).isEqualTo("manager");
        Api.Response again = manager.postJson("/api/periods/2020-01/close", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        // a new document dated in February is refused, naming row and column; the same document again is not
        Api.Response late = clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n"
                        + p + "-1," + p + ",INVOICE,2020-02-10,2020-03-10,CNY,100.00\n"
                        + p + "-3," + p + ",INVOICE,2020-02-15,2020-03-15,CNY,300.00\n"
                        + p + "-4," + p + ",INVOICE,2020-03-05,2020-04-05,CNY,400.00\n");
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        JsonNode error = late.json().get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("issue_date");
        assertThat(error.get("message").asText())
                .isEqualTo("issue_date 2020-02-15 is in 2020-02, which is closed; a new document, or its correction, "
                        + "is dated on or after 2020-03-01");
        assertThat(count("SELECT COUNT(*) FROM document WHERE document_no IN (?, ?)", p + "-3", p + "-4"))
                .as("nothing of the refused file is stored").isZero();
        JsonNode fine = ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n"
                        + p + "-1," + p + ",INVOICE,2020-02-10,2020-03-10,CNY,100.00\n"
                        + p + "-4," + p + ",INVOICE,2020-03-05,2020-04-05,CNY,400.00\n"));
        assertThat(fine.get("created").asInt()).isEqualTo(1);
        assertThat(fine.get("unchanged").asInt()).isEqualTo(1);
        Api.Response changed = clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n"
                        + p + "-1," + p + ",INVOICE,2020-02-10,2020-03-10,CNY,90.00\n");
        assertThat(changed.json().get("errors").get(0).get("message").asText())
                .startsWith("document '" + p + "-1' is already posted with other values (amount");

        // a clerk applies February's second payment now, and reverses the first: both are posted on 1 March
        record(p2, p + "-2", customer, "150.00");
        long first = id("SELECT id FROM allocation WHERE transaction_id = ? AND reverses_id IS NULL", p1);
        ok(clerk.postJson("/api/allocations/" + first + "/reversal", "{\"note\":\"wrong customer\"}"));
        assertThat(postings("2020-02-01", "2020-02-29")).as("a closed month's postings never change")
                .isEqualTo(february);
        assertThat(postings("2020-03-01", "2020-03-31")).containsExactlyInAnyOrder(
                "2020-03-01 PAYMENT 1002 150.00 - 2020-02-27", "2020-03-01 PAYMENT 1122 - 150.00 2020-02-27",
                "2020-03-01 REVERSAL_OF_PAYMENT 1122 100.00 - 2020-02-25",
                "2020-03-01 REVERSAL_OF_PAYMENT 1002 - 100.00 2020-02-25");
        assertThat(postings("2020-02-20", "2020-03-31")).as("a range across the close has each line once")
                .hasSize(6);

        // reopening: only the latest close, only by an administrator, and the record of it stays
        assertThat(manager.postJson("/api/periods/2020-02/reopen", "{}").status()).isEqualTo(403);
        assertThat(admin.postJson("/api/periods/2020-01/reopen", "{}").status()).isEqualTo(400);
        JsonNode reopened = ok(admin.postJson("/api/periods/2020-02/reopen", "{}"));
        assertThat(reopened.get("closings").get(0).get("reopenedBy").asText()).isEqualTo("admin");
        assertThat(postings("2020-03-01", "2020-03-31")).as("what was posted stays where it was posted")
                .hasSize(4);
    }

    @Test
    void theNextStatementShowsWhatWasRecordedAfterTheCloseAsAPriorPeriodAdjustment() throws Exception {
        customer("宁波" + p + "机械", p + "-1," + p + ",INVOICE,2020-04-10,2020-05-10,CNY,500.00\n");
        var bank = clerk.upload("/api/bank-statements", "b.csv", "transaction_id,account,booking_date,value_date,"
                + "amount,currency,counterparty_name,counterparty_account,remittance_info\n"
                + p + "-P1,CN0100,2020-04-28,2020-04-28,500.00,CNY,无名氏,9998" + Math.abs(p.hashCode()) + ",货款\n");
        ok(bank);
        ProcessJobs.runWaitingRuns(management);
        ProcessJobs.runAll(runtime, management, bank.json().get("bankStatementId").asText());
        String april = statement("2020-04");
        assertThat(new BigDecimal(JSON.readTree(snapshot(april)).get("closingBalance").asText()))
                .isEqualByComparingTo("500.00");

        ok(manager.postJson("/api/periods/2020-04/close", "{}"));
        record(id("SELECT id FROM bank_transaction WHERE bank_reference = ?", p + "-P1"), p + "-1",
                id("SELECT id FROM customer WHERE customer_code = ?", p), "500.00");

        JsonNode may = JSON.readTree(snapshot(statement("2020-05")));
        assertThat(new BigDecimal(may.get("openingBalance").asText())).isEqualByComparingTo("500.00");
        assertThat(may.get("adjustments")).hasSize(1);
        JsonNode adjustment = may.get("adjustments").get(0);
        assertThat(adjustment.get("date").asText()).isEqualTo("2020-04-28");
        assertThat(new BigDecimal(adjustment.get("amount").asText())).isEqualByComparingTo("-500.00");
        assertThat(new BigDecimal(may.get("closingBalance").asText())).isEqualByComparingTo("0.00");
        assertThat(postings("2020-05-01", "2020-05-31")).contains("2020-05-01 PAYMENT 1122 - 500.00 2020-04-28");
    }

    /** This test's customer (code p) with the documents of {@code documentRows}; its payer account. */
    private String customer(String name, String documentRows) {
        String account = "6228" + Math.abs(p.hashCode());
        ok(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email,currency,bank_accounts\n"
                + p + "," + name + ",ap@example.cn,CNY," + account + "\n"));
        ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n" + documentRows));
        return account;
    }

    private String statement(String period) {
        Api.Response started = clerk.postJson("/api/statement-runs",
                "{\"period\":\"" + period + "\",\"customerCodes\":[\"" + p + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.json().get("id").asLong();
        ProcessJobs.runAll(runtime, management, String.valueOf(runId));
        List<String> numbers = jdbc.queryForList("SELECT statement_no FROM statement_run_customer "
                + "WHERE statement_run_id = ?", String.class, runId);
        assertThat(numbers).as(clerk.get("/api/statement-runs/" + runId).body()).hasSize(1);
        String number = numbers.get(0);
        ProcessJobs.runAll(runtime, management, number);
        return number;
    }

    private String snapshot(String statementNo) {
        return jdbc.queryForObject("SELECT snapshot FROM statement WHERE statement_no = ? ORDER BY version DESC "
                + "LIMIT 1", String.class, statementNo);
    }

    /** This test's journal lines in the range: date, kind, account, debit, credit, value date. */
    private List<String> postings(String from, String to) {
        JsonNode lines = ok(manager.get("/api/postings?from=" + from + "&to=" + to)).get("lines");
        List<String> out = new ArrayList<>();
        lines.forEach(l -> {
            if (p.equals(l.path("customerCode").asText())) {
                out.add(l.get("date").asText() + " " + l.get("kind").asText() + " " + l.get("account").asText() + " "
                        + text(l.get("debit")) + " " + text(l.get("credit")) + " " + l.get("valueDate").asText());
            }
        });
        return out;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asText();
    }

    private void record(long transaction, String documentNo, long customer, String amount) {
        long document = id("SELECT id FROM document WHERE document_no = ?", documentNo);
        allocations.record(List.of(new NewAllocation(transaction, document, customer, "CNY", new BigDecimal(amount),
                BigDecimal.ZERO, NewAllocation.Method.MANUAL, null, null, null, null, "clerk", null)));
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.json();
    }
}
