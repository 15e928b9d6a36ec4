package io.crmrecon.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.FieldRefusal;
import org.junit.jupiter.api.Test;

class DisputeDecisionTest {

    @Test
    void theAdjustmentAmountIsTakenAsTheFormShowsAmountsOrAsTheApiSendsThem() {
        assertThat(DisputeDecision.investigation("ACCEPT", "8,158.64", null, null, "clerk", "CNY")
                .adjustmentAmount()).isEqualTo("8158.64");
        assertThat(DisputeDecision.investigation("ACCEPT", 8158.64, null, null, "clerk", "CNY")
                .adjustmentAmount()).isEqualTo("8158.64");
        assertThat(DisputeDecision.investigation("ACCEPT", 500, null, null, "clerk", "JPY")
                .adjustmentAmount()).isEqualTo("500");
    }

    @Test
    void anAmountThatCouldBeReadTwoWaysOrHasTooManyDecimalsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> DisputeDecision.investigation("ACCEPT", "8,15", null, null, "clerk", "CNY"))
                .isInstanceOfSatisfying(FieldRefusal.class, e -> {
                    assertThat(e.field()).isEqualTo("adjustmentAmount");
                    assertThat(e.code()).isEqualTo("dispute.decision.amountUnreadable");
                });
        assertThatThrownBy(() -> DisputeDecision.investigation("ACCEPT", "8.158", null, null, "clerk", "CNY"))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        e -> assertThat(e.code()).isEqualTo("dispute.decision.amountDigits"));
    }
}
