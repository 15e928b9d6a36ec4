package io.crmrecon.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lock of whoever applies money (the row {@code matching_lock} 1): a matching run, a clerk's decision, a netting,
 * a reversal, closing a month. Held until the holder's transaction ends; taking it again in the same transaction
 * costs nothing. So open amounts read under it stay true until the allocations are written, and allocation ids
 * grow in the order their transactions commit.
 */
@Component
public class ApplyingMoneyLock {

    private final JdbcTemplate jdbc;

    ApplyingMoneyLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for whoever holds it; needs a transaction. */
    public void hold() {
        jdbc.queryForObject("SELECT id FROM matching_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }
}
