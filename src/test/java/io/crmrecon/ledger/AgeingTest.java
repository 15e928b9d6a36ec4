package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeingTest {

    @Test
    void bucketsByDaysPastDue() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(Ageing.daysOverdue(LocalDate.of(2026, 12, 1), today)).isZero();
        assertThat(Ageing.bucket(Ageing.daysOverdue(today, today))).isEqualTo("current");
        assertThat(Ageing.bucket(1)).isEqualTo("d1_30");
        assertThat(Ageing.bucket(30)).isEqualTo("d1_30");
        assertThat(Ageing.bucket(31)).isEqualTo("d31_60");
        assertThat(Ageing.bucket(60)).isEqualTo("d31_60");
        assertThat(Ageing.bucket(61)).isEqualTo("d61_90");
        assertThat(Ageing.bucket(90)).isEqualTo("d61_90");
        assertThat(Ageing.bucket(91)).isEqualTo("d90_plus");
    }
}
