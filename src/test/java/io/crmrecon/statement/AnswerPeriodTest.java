package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
    }

    @Test
    void theDaysCountFromTheDaySentInTheCompanysZoneNotInUtc() {
        // 1 Oct 2026 23:30 UTC is already 2 October in Shanghai
        Instant sent = Instant.parse("2026-10-01T23:30:00Z");
        assertThat(AnswerPeriod.due(sent, SHANGHAI, 15)).isEqualTo(LocalDate.of(2026, 10, 17));
        assertThat(AnswerPeriod.due(sent, ZoneId.of("UTC"), 15)).isEqualTo(LocalDate.of(2026, 10, 16));
    }

    @Test
    void theTimeEndsAtMidnightAfterTheLastDayInTheZone() {
        assertThat(AnswerPeriod.deadline(LocalDate.of(2026, 10, 16), SHANGHAI))
                .isEqualTo(Instant.parse("2026-10-16T16:00:00Z"));
    }

    @Test
    void monthAndYearEndsAndLeapDays() {
        assertThat(AnswerPeriod.due(at(SHANGHAI, 2027, 1, 31, 10, 0), SHANGHAI, 15)).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(AnswerPeriod.due(at(SHANGHAI, 2028, 2, 20, 10, 0), SHANGHAI, 10)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(AnswerPeriod.due(at(SHANGHAI, 2026, 12, 25, 10, 0), SHANGHAI, 15)).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(AnswerPeriod.deadline(LocalDate.of(2026, 12, 31), SHANGHAI))
                .isEqualTo(at(SHANGHAI, 2027, 1, 1, 0, 0));
    }

    @Test
    void aZoneThatChangesItsClocksStillEndsTheDayAtLocalMidnight() {
        // Berlin moves to summer time on 29 March 2026: that day has 23 hours
        assertThat(AnswerPeriod.deadline(LocalDate.of(2026, 3, 28), BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(AnswerPeriod.deadline(LocalDate.of(2026, 3, 29), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(AnswerPeriod.nextReminder(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 9), List.of(5),
                at(BERLIN, 2026, 3, 25, 12, 0), BERLIN)).contains(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void remindersGoOutInTheMorningOfTheirDayOneAfterAnother() {
        LocalDate sentOn = LocalDate.of(2026, 10, 1);
        LocalDate due = LocalDate.of(2026, 10, 16);
        List<Integer> days = List.of(10, 5);
        assertThat(AnswerPeriod.nextReminder(sentOn, due, days, at(SHANGHAI, 2026, 10, 1, 10, 0), SHANGHAI))
                .contains(at(SHANGHAI, 2026, 10, 6, 9, 0));
        // the reminder of day 5 has just gone out: the next is day 10
        assertThat(AnswerPeriod.nextReminder(sentOn, due, days, at(SHANGHAI, 2026, 10, 6, 9, 0), SHANGHAI))
                .contains(at(SHANGHAI, 2026, 10, 11, 9, 0));
        assertThat(AnswerPeriod.nextReminder(sentOn, due, days, at(SHANGHAI, 2026, 10, 11, 9, 1), SHANGHAI))
                .isEmpty();
    }

    @Test
    void noReminderOnOrAfterTheEndOfTheTimeToAnswer() {
        LocalDate sentOn = LocalDate.of(2026, 10, 30);
        LocalDate due = AnswerPeriod.due(at(SHANGHAI, 2026, 10, 30, 10, 0), SHANGHAI, 5);
        assertThat(due).isEqualTo(LocalDate.of(2026, 11, 4));
        // day 5 is the last day, its morning still inside; day 6 and later are not
        assertThat(AnswerPeriod.nextReminder(sentOn, due, List.of(6, 5, 12), at(SHANGHAI, 2026, 10, 30, 10, 0),
                SHANGHAI)).contains(at(SHANGHAI, 2026, 11, 4, 9, 0));
        assertThat(AnswerPeriod.nextReminder(sentOn, due, List.of(6, 12), at(SHANGHAI, 2026, 10, 30, 10, 0),
                SHANGHAI)).isEmpty();
        assertThat(AnswerPeriod.nextReminder(sentOn, due, List.of(), at(SHANGHAI, 2026, 10, 30, 10, 0),
                SHANGHAI)).isEmpty();
    }

    @Test
    void negativeConfirmationDaysAreRefused() {
        assertThatThrownBy(() -> AnswerPeriod.due(Instant.EPOCH, SHANGHAI, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
