package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementRunCronTest {

    @Test
    void aSpringCronBecomesTheEnginesCron() {
        assertThat(StatementRunCron.cycle("0 0 6 1 * *")).isEqualTo("0 0 6 1 * ?");
        assertThat(StatementRunCron.cycle("0 0 6 * * 1-5")).isEqualTo("0 0 6 ? * 2-6");
        assertThat(StatementRunCron.cycle("0 0 6 * * MON")).isEqualTo("0 0 6 ? * MON");
        assertThat(StatementRunCron.cycle("0 */15 * * * 0")).isEqualTo("0 */15 * ? * 1");
        assertThat(StatementRunCron.cycle("@monthly")).isEqualTo("0 0 0 1 * ?");
    }

    @Test
    void blankIsOffAndNonsenseIsRefusedNamingTheSetting() {
        assertThat(StatementRunCron.cycle("  ")).isEqualTo(StatementRunCron.OFF);
        assertThat(StatementRunCron.cycle(null)).isEqualTo(StatementRunCron.OFF);
        assertThatThrownBy(() -> StatementRunCron.cycle("monthly")).hasMessageContaining("recon.statement.run-cron");
        assertThatThrownBy(() -> StatementRunCron.cycle("0 0 6 1 * MON")).hasMessageContaining("not both");
    }
}
