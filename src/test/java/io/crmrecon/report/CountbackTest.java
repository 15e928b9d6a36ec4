package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountbackTest {

    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @Test
    void aBalanceCoveredByTheLastMonthsSalesIsItsShareOfThatMonth() {
        var dso = Countback.dso(new BigDecimal("310"), END, Map.of(YearMonth.of(2026, 10), new BigDecimal("1000")), 12);
        assertThat(dso.days()).isEqualByComparingTo("9.6");
        assertThat(dso.beyondLookback()).isFalse();
    }

    @Test
    void monthsUsedUpCountWholeAndAMonthWithoutSalesStillCountsItsDays() {
        // October 400 is used up (31 days), September sold nothing (30 days), August covers the last 1,000 (31 days)
        var sales = Map.of(YearMonth.of(2026, 10), new BigDecimal("400"), YearMonth.of(2026, 8),
                new BigDecimal("1000"));
        assertThat(Countback.dso(new BigDecimal("1400"), END, sales, 12).days()).isEqualByComparingTo("92.0");
        // a month whose credit notes exceed its sales counts as a month without sales
        var withCredits = Map.of(YearMonth.of(2026, 10), new BigDecimal("400"), YearMonth.of(2026, 9),
                new BigDecimal("-250"), YearMonth.of(2026, 8), new BigDecimal("1000"));
        assertThat(Countback.dso(new BigDecimal("1400"), END, withCredits, 12).days()).isEqualByComparingTo("92.0");
    }

    @Test
    void theMonthOfTheEndCountsOnlyUpToTheEnd() {
        LocalDate midMonth = LocalDate.of(2026, 10, 15);
        var sales = Map.of(YearMonth.of(2026, 10), new BigDecimal("100"), YearMonth.of(2026, 9), new BigDecimal("300"));
        // 15 days of October, then half of September's 30 days
        assertThat(Countback.dso(new BigDecimal("250"), midMonth, sales, 12).days()).isEqualByComparingTo("30.0");
    }

    @Test
    void nothingOwedIsZeroAndMoreThanTheLookbackSoldIsTheLookbackFlagged() {
        assertThat(Countback.dso(BigDecimal.ZERO, END, Map.of(), 12).days()).isEqualByComparingTo("0");
        assertThat(Countback.dso(new BigDecimal("-5"), END, Map.of(), 12).days()).isEqualByComparingTo("0");
        var beyond = Countback.dso(new BigDecimal("5000"), END, Map.of(YearMonth.of(2026, 9), new BigDecimal("100")), 3);
        assertThat(beyond.beyondLookback()).isTrue();
        // August, September, October 2026
        assertThat(beyond.days()).isEqualByComparingTo("92");
    }

    @Test
    void windowsRunBackFromTheEnd() {
        var windows = Countback.windows(LocalDate.of(2026, 3, 10), 3);
        assertThat(windows).extracting(Countback.Window::firstDay).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
        assertThat(windows).extracting(Countback.Window::days).containsExactly(10L, 28L, 31L);
        assertThat(windows).extracting(w -> w.daysAfter(LocalDate.of(2026, 3, 10))).containsExactly(0L, 10L, 38L);
    }
}
