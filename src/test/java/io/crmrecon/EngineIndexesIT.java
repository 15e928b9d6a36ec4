package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job executor's question for due jobs is answered from the due-date index, not by reading every timer: the
 * index is on the engine's table, and with it the plan for thousands of timers that are not due (as a month's
 * statement run leaves them) reads only the due ones.
 */
class EngineIndexesIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dueJobsAreFoundThroughTheDueDateIndex() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'act_ru_job' "
                + "AND indexname = 'recon_idx_job_duedate'", Integer.class)).isOne();
        String plan = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            // a copy with the table's indexes, so that the jobs other tests left behind do not change the question;
            // timers due in a month, as reminders and answer periods are, and a few due now
            jdbc.execute("CREATE TEMP TABLE job_copy (LIKE act_ru_job INCLUDING INDEXES)");
            jdbc.update("INSERT INTO job_copy (id_, rev_, type_, exclusive_, retries_, duedate_, suspension_state_, "
                    + "priority_, handler_type_) SELECT 'idx-test-' || g, 1, 'timer', true, 3, "
                    + "now() + CASE WHEN g <= 3 THEN interval '-1 minute' ELSE interval '30 days' END, 1, 0, "
                    + "'timer-intermediate-transition' FROM generate_series(1, 5000) g");
            jdbc.execute("ANALYZE job_copy");
            return String.join("\n", jdbc.queryForList("EXPLAIN SELECT id_ FROM job_copy WHERE retries_ > 0 "
                    + "AND (duedate_ IS NULL OR duedate_ <= now()) AND (lock_owner_ IS NULL OR lock_exp_time_ < now()) "
                    + "AND suspension_state_ = 1 LIMIT 3", String.class));
        });
        assertThat(plan).containsPattern("Index Scan on job_copy_duedate_\\w*idx").doesNotContain("Seq Scan");
    }
}
