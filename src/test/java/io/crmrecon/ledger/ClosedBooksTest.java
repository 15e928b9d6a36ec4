package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.FieldRefusal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ClosedBooksTest {

    private static final ClosedBooks OCTOBER = new ClosedBooks(YearMonth.of(2026, 10));

    @Test
    void closingAMonthClosesEveryMonthBeforeIt() {
        assertThat(OCTOBER.isClosed(LocalDate.of(2026, 10, 31))).isTrue();
        assertThat(OCTOBER.isClosed(LocalDate.of(2025, 3, 1))).isTrue();
        assertThat(OCTOBER.isClosed(LocalDate.of(2026, 11, 1))).isFalse();
        assertThat(ClosedBooks.OPEN.isClosed(LocalDate.of(1999, 1, 1))).isFalse();
        assertThat(ClosedBooks.OPEN.openFrom()).isNull();
    }

    @Test
    void anEntryDatedInAClosedMonthIsPostedOnTheFirstOpenDay() {
        assertThat(OCTOBER.postingDay(LocalDate.of(2026, 10, 28))).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(OCTOBER.postingDay(LocalDate.of(2026, 2, 3))).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(OCTOBER.postingDay(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(ClosedBooks.OPEN.postingDay(LocalDate.of(2026, 10, 28))).isEqualTo(LocalDate.of(2026, 10, 28));
    }

    @Test
    void onlyAMonthThatHasEndedAndIsStillOpenCanBeClosed() {
        OCTOBER.checkClose(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 1));
        OCTOBER.checkClose(YearMonth.of(2027, 1), LocalDate.of(2027, 2, 1));
        assertThatThrownBy(() -> OCTOBER.checkClose(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30)))
                .isInstanceOfSatisfying(FieldRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("period.close.not-ended");
                    assertThat(r.field()).isEqualTo("period");
                });
        assertThatThrownBy(() -> OCTOBER.checkClose(YearMonth.of(2026, 9), LocalDate.of(2026, 12, 1)))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        r -> assertThat(r.code()).isEqualTo("period.close.already"));
        assertThatThrownBy(() -> OCTOBER.checkClose(YearMonth.of(2026, 10), LocalDate.of(2026, 12, 1)))
                .isInstanceOf(FieldRefusal.class);
    }

    @Test
    void onlyTheLatestCloseCanBeUndone() {
        OCTOBER.checkReopen(YearMonth.of(2026, 10));
        assertThatThrownBy(() -> OCTOBER.checkReopen(YearMonth.of(2026, 9)))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        r -> assertThat(r.code()).isEqualTo("period.reopen.not-latest"));
        assertThatThrownBy(() -> ClosedBooks.OPEN.checkReopen(YearMonth.of(2026, 9)))
                .isInstanceOf(FieldRefusal.class);
    }
}
