package io.crmrecon.ledger;

import io.crmrecon.customer.CustomerBalances;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Balances straight from the ledger, in each customer's own currency. */
@Component
@Transactional(readOnly = true)
class LedgerBalances implements CustomerBalances {

    private final NamedParameterJdbcTemplate jdbc;

    LedgerBalances(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Documents less what was applied to them: cash received, credit notes used, write-offs, cash on account. */
    @Override
    public Map<Long, BigDecimal> receivableBalances(Collection<Long> customerIds) {
        Map<Long, BigDecimal> balances = sum(customerIds,
                "CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount WHEN 'BILL' THEN 0 ELSE d.amount END");
        if (customerIds.isEmpty()) {
            return balances;
        }
        jdbc.query("SELECT a.customer_id, SUM(a.amount + a.writeoff) AS applied FROM allocation a "
                        + "JOIN customer c ON c.id = a.customer_id AND c.currency = a.currency "
                        + "WHERE a.customer_id IN (:ids) GROUP BY a.customer_id",
                Map.of("ids", customerIds), rs -> {
                    balances.merge(rs.getLong("customer_id"), rs.getBigDecimal("applied").negate(), BigDecimal::add);
                });
        return balances;
    }

    /** BILLs less what of them was netted against receivables. */
    @Override
    public Map<Long, BigDecimal> payableBalances(Collection<Long> customerIds) {
        Map<Long, BigDecimal> balances = sum(customerIds, "CASE d.type WHEN 'BILL' THEN d.amount ELSE 0 END");
        if (customerIds.isEmpty()) {
            return balances;
        }
        jdbc.query("SELECT d.customer_id, SUM(a.amount) AS netted FROM allocation a "
                        + "JOIN document d ON d.id = a.document_id AND d.type = 'BILL' "
                        + "JOIN customer c ON c.id = d.customer_id AND c.currency = a.currency "
                        + "WHERE d.customer_id IN (:ids) GROUP BY d.customer_id",
                Map.of("ids", customerIds), rs -> {
                    balances.merge(rs.getLong("customer_id"), rs.getBigDecimal("netted").negate(), BigDecimal::add);
                });
        return balances;
    }

    private Map<Long, BigDecimal> sum(Collection<Long> customerIds, String signedAmount) {
        if (customerIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.query("SELECT d.customer_id, SUM(" + signedAmount + ") AS balance FROM document d "
                        + "JOIN customer c ON c.id = d.customer_id AND c.currency = d.currency "
                        + "WHERE d.customer_id IN (:ids) GROUP BY d.customer_id",
                Map.of("ids", customerIds), rs -> {
                    out.put(rs.getLong("customer_id"), rs.getBigDecimal("balance"));
                });
        return out;
    }
}
