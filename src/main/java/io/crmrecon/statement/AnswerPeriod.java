package io.crmrecon.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

/**
 * The time a customer has to answer a statement (CONTRACT.md, customers' {@code confirmation_days}): it counts from
 * the day the statement is sent, in the company's zone, and ends at midnight after its last day. Reminders go out on
 * days of that period that the reminder table names, in the morning, and never once the period has run out.
 */
final class AnswerPeriod {

    /** Reminders are sent in the customer's working morning, not at midnight. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private AnswerPeriod() {
    }

    /** The last day to answer: the day it was sent (in {@code zone}) plus the confirmation days. */
    static LocalDate due(Instant sentAt, ZoneId zone, int confirmationDays) {
        if (confirmationDays < 0) {
            throw new IllegalArgumentException("confirmation days cannot be negative: " + confirmationDays);
        }
        return LocalDate.ofInstant(sentAt, zone).plusDays(confirmationDays);
    }

    /** The period runs out at the start of the day after the last day (midnight in {@code zone}). */
    static Instant deadline(LocalDate due, ZoneId zone) {
        return due.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The next reminder after {@code now}: on day {@code n} of the period (the sending day plus {@code n}) for one of
     * {@code days}, before the deadline; empty when none is left.
     */
    static Optional<Instant> nextReminder(LocalDate sentOn, LocalDate due, Collection<Integer> days, Instant now,
            ZoneId zone) {
        Instant deadline = deadline(due, zone);
        return days.stream().filter(d -> d != null && d > 0).distinct().sorted()
                .map(d -> sentOn.plusDays(d).atTime(REMINDER_TIME).atZone(zone).toInstant())
                .filter(at -> at.isAfter(now) && at.isBefore(deadline))
                .findFirst();
    }
}
