package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.common.CopyIn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many allocations at once go through PostgreSQL's COPY: every value must arrive as given. */
class AllocationsIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Allocations allocations;

    @Test
    void aBulkOfAllocationsIsStoredExactlyAsGiven() {
        Api api = new Api(rest, "clerk");
        String p = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.upload("/api/customers/import", "c.csv", "customer_code,name,email\n" + p
                + ",批量核销有限公司,b@example.cn\n").status()).isEqualTo(200);
        assertThat(api.upload("/api/documents/import", "d.csv", "document_no,customer_code,type,issue_date,currency,"
                + "amount\n" + p + "-INV,"  + p + ",INVOICE,2026-10-01,CNY,100.00\n").status()).isEqualTo(200);
        assertThat(api.upload("/api/bank-statements", "b.csv", "transaction_id,account,booking_date,value_date,amount,"
                + "currency,counterparty_name,counterparty_account,remittance_info\n" + p
                + ",X,2026-11-02,2026-11-02,80.00,CNY,批量,1,\n").status()).isEqualTo(200);
        long tx = jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?", Long.class, p);
        long document = jdbc.queryForObject("SELECT id FROM document WHERE document_no = ?", Long.class, p + "-INV");
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, p);

        int rows = CopyIn.THRESHOLD + 1;
        String awkward = "备注\twith a tab, a back\\slash,\na new line";
        List<NewAllocation> bulk = new ArrayList<>();
        for (int i = 0; i < rows - 1; i++) {
            bulk.add(new NewAllocation(tx, document, customer, "CNY", new BigDecimal("0.01"), BigDecimal.ZERO,
                    NewAllocation.Method.MANUAL, null, null, null, i == 0 ? awkward : null, "clerk"));
        }
        bulk.add(new NewAllocation(tx, null, customer, "CNY", new BigDecimal("30.00"), null, NewAllocation.Method.AUTO,
                "REFERENCE", new BigDecimal("0.975"), null, "left on account", null));
        allocations.record(bulk);

        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(amount) AS cash, "
                + "COUNT(document_id) AS to_documents, COUNT(note) AS notes, COUNT(DISTINCT created_at) AS instants "
                + "FROM allocation WHERE transaction_id = ?", tx);
        assertThat(((Number) totals.get("n")).intValue()).isEqualTo(rows);
        assertThat((BigDecimal) totals.get("cash")).isEqualByComparingTo("80.00");
        assertThat(((Number) totals.get("to_documents")).intValue()).isEqualTo(rows - 1);
        assertThat(((Number) totals.get("notes")).intValue()).isEqualTo(2);
        assertThat(((Number) totals.get("instants")).intValue()).isOne();
        assertThat(jdbc.queryForList("SELECT note FROM allocation WHERE transaction_id = ? AND note LIKE '备注%'",
                String.class, tx)).containsExactly(awkward);
        Map<String, Object> onAccount = jdbc.queryForMap("SELECT method, rule, confidence, writeoff, created_by "
                + "FROM allocation WHERE transaction_id = ? AND document_id IS NULL", tx);
        assertThat(onAccount.get("method")).isEqualTo("AUTO");
        assertThat(onAccount.get("rule")).isEqualTo("REFERENCE");
        assertThat((BigDecimal) onAccount.get("confidence")).isEqualByComparingTo("0.975");
        assertThat((BigDecimal) onAccount.get("writeoff")).isEqualByComparingTo("0");
        assertThat(onAccount.get("created_by")).isNull();
        // the ledger sees them: 100.00 invoiced, 50.00 of it paid and 30.00 on account
        assertThat(api.get("/api/customers/" + p).json().get("balance").asText()).isEqualTo("20.00");
    }
}
