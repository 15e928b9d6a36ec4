package io.crmrecon.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the ledger has something to say about in a period, per currency: documents issued or payments booked in
 * it, or a receivable balance that is not zero. Statement runs select their customers from this.
 */
@Component
@Transactional(readOnly = true)
public class LedgerActivity {

    /** A customer in one currency, ordered by customer code then currency. */
    public record CustomerCurrency(long customerId, String customerCode, String currency) {
    }

    private final JdbcClient jdbc;

    LedgerActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of documents by their numbers (numbers the ledger does not know are left out). */
    public Map<String, Long> documentIds(Collection<String> documentNos) {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = List.copyOf(documentNos);
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("SELECT document_no, id FROM document WHERE document_no IN (:nos)")
                    .param("nos", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query(rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return ids;
    }

    /** Every customer and currency with activity between {@code from} and {@code to} (inclusive) or an open balance. */
    public List<CustomerCurrency> activeOrOpen(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT c.id, c.customer_code, x.currency FROM ("
                        + "SELECT customer_id, currency FROM document WHERE issue_date BETWEEN :from AND :to "
                        + "UNION SELECT a.customer_id, a.currency FROM allocation a "
                        + "JOIN bank_transaction t ON t.id = a.transaction_id "
                        + "WHERE a.customer_id IS NOT NULL AND t.booking_date BETWEEN :from AND :to "
                        + "UNION SELECT customer_id, currency FROM allocation "
                        + "WHERE customer_id IS NOT NULL AND value_date BETWEEN :from AND :to "
                        + "UNION SELECT b.customer_id, b.currency FROM ("
                        + "  SELECT s.customer_id, s.currency, SUM(s.amount) AS balance FROM ("
                        + "    SELECT d.customer_id, d.currency, CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount "
                        + "      WHEN 'BILL' THEN 0 ELSE d.amount END AS amount FROM document d "
                        + "    UNION ALL SELECT a.customer_id, a.currency, -(a.amount + a.writeoff) FROM allocation a "
                        + "      WHERE a.customer_id IS NOT NULL) s "
                        + "  GROUP BY s.customer_id, s.currency) b WHERE b.balance <> 0"
                        + ") x JOIN customer c ON c.id = x.customer_id ORDER BY c.customer_code, x.currency")
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new CustomerCurrency(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
