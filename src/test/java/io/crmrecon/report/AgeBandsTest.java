package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.ledger.Ageing;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandsTest {

    @Test
    void theDefaultIsTheLedgersAgeingAndPlacesDaysAsItDoes() {
        AgeBands bands = AgeBands.parse(null);
        assertThat(bands.names()).isEqualTo(Ageing.BUCKETS);
        for (long days : new long[] {-3, 0, 1, 30, 31, 60, 61, 90, 91, 400}) {
            assertThat(bands.names().get(bands.of(days))).as("%d days", days).isEqualTo(Ageing.bucket(days));
        }
    }

    @Test
    void otherLimitsAreNamedTheSameWay() {
        AgeBands bands = AgeBands.parse("30, 60,90,180");
        assertThat(bands.names()).containsExactly("current", "d1_30", "d31_60", "d61_90", "d91_180", "d180_plus");
        assertThat(bands.names().get(bands.of(120))).isEqualTo("d91_180");
        assertThat(bands.names().get(bands.of(181))).isEqualTo("d180_plus");
    }

    @Test
    void theEarliestDueDatesPlaceItemsAsTheirDaysDo() {
        AgeBands bands = AgeBands.DEFAULT;
        LocalDate asOf = LocalDate.of(2026, 10, 31);
        assertThat(bands.earliestDueDates(asOf)).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 8, 2));
    }

    @Test
    void limitsThatCannotBeBucketsAreRefusedNamingTheParameter() {
        for (String wrong : new String[] {"30,20", "abc", "0,30", "30,30", "1,2,3,4,5,6,7,8,9,10,11,12,13"}) {
            assertThatThrownBy(() -> AgeBands.parse(wrong)).as(wrong).isInstanceOf(BadRequestException.class)
                    .hasMessageStartingWith("buckets: ");
        }
    }
}
