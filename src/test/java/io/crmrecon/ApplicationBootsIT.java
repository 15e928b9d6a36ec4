package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApplicationBootsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void runsOnPostgresWithTheSchemaMigratedAndTheEngineUp() {
        String product = jdbc.queryForObject("SELECT version()", String.class);
        assertThat(product).startsWith("PostgreSQL 16");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_schema_history WHERE success", Integer.class))
                .isPositive();
        assertThat(engine.getName()).isEqualTo("default");
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    }

    @Test
    void pdfsAndQueuedMailAreStoredWithoutACompressionAttempt() {
        // 'e': out of line, uncompressed (a PDF does not compress; trying costs the database as much as storing it)
        assertThat(jdbc.queryForList("SELECT c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c "
                + "ON c.oid = a.attrelid WHERE a.attstorage = 'e' AND c.relname IN ('mail_outbox', 'statement_pdf')",
                String.class)).containsExactlyInAnyOrder("mail_outbox.mime", "statement_pdf.pdf");
    }
}
