package io.crmrecon.matching;

import io.crmrecon.ledger.ApplyingMoneyLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whoever applies money holds this lock until its transaction ends: a run, a clerk's decision, or a settlement
 * that nets payables against receivables. So open amounts
 * read under it stay true until the allocations are written, and the same money is never applied twice.
 */
@Component
public class MatchingLock {

    private final JdbcTemplate jdbc;
    private final ApplyingMoneyLock applying;

    MatchingLock(JdbcTemplate jdbc, ApplyingMoneyLock applying) {
        this.jdbc = jdbc;
        this.applying = applying;
    }

    /** Waits for the run, clerk or settlement that holds it; needs a transaction. */
    public void hold() {
        applying.hold();
    }

    /**
     * Starting a run: held only while a start looks for a run that is going and records its own, so two starts
     * never both see none. Never held while applying money, so a start does not wait for a run.
     */
    void holdStart() {
        jdbc.queryForObject("SELECT id FROM matching_lock WHERE id = 2 FOR UPDATE", Integer.class);
    }
}
