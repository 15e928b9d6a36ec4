package io.crmrecon.matching;

import io.crmrecon.matching.engine.MatchingPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** recon.matching.* binds to one record, under the property names the README documents. */
class MatchingSettingsTest {

    private static MatchingSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("recon.matching",
                MatchingSettings.class);
    }

    @Test
    void withoutSettingsTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(MatchingSettings.defaults());
        assertThat(MatchingSettings.defaults().policy()).isEqualTo(MatchingPolicy.defaults());
    }

    @Test
    void theDocumentedNamesAreRead() {
        MatchingSettings s = bind(Map.of("recon.matching.tolerance-absolute", "20.00",
                "recon.matching.tolerance-percent", "0.25", "recon.matching.combination-budget", "5000",
                "recon.matching.max-combination-size", "3", "recon.matching.settled-lookback-days", "90",
                "recon.matching.task-batch-size", "50"));
        assertThat(s.policy()).isEqualTo(new MatchingPolicy(new BigDecimal("20.00"), new BigDecimal("0.25"), 5000, 3));
        assertThat(s.settledLookback().toDays()).isEqualTo(90);
        assertThat(s.taskBatchSize()).isEqualTo(50);
    }

    @Test
    void aBatchOfNoTasksIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("recon.matching.task-batch-size", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("task-batch-size");
    }
}
