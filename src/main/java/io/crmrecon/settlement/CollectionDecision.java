package io.crmrecon.settlement;

import io.crmrecon.common.FieldRefusal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.Locale;

/**
 * What a clerk decided on a collectionFollowUp task, checked (plain Java: the task listener turns a refusal into the
 * engine's form validation error). A promise needs a date after today and at most {@link #MAX_PROMISE_DAYS} ahead.
 */
record CollectionDecision(Outcome outcome, LocalDate promisedDate, String note, String decidedBy) {

    enum Outcome { PROMISED, PAID, ESCALATE, WRITE_OFF_REQUEST }

    static final int MAX_PROMISE_DAYS = 120;
    static final int MAX_NOTE = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    /** {@code promisedDate}: an ISO date string or a Date (Camunda Forms' datetime field) read in {@code zone}. */
    static CollectionDecision of(Object outcome, Object promisedDate, Object note, String user, LocalDate today,
            ZoneId zone) {
        Outcome chosen = parse(outcome);
        String text = note == null ? null : note.toString().strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new FieldRefusal("note", "settlement.followUp.noteTooLong", MAX_NOTE);
        }
        LocalDate date = null;
        if (chosen == Outcome.PROMISED) {
            date = date(promisedDate, zone);
            if (date == null) {
                throw new FieldRefusal("promisedDate", "settlement.followUp.dateMissing");
            }
            if (!date.isAfter(today)) {
                throw new FieldRefusal("promisedDate", "settlement.followUp.datePast", date, today);
            }
            if (date.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
                throw new FieldRefusal("promisedDate", "settlement.followUp.dateFar", date, MAX_PROMISE_DAYS);
            }
        }
        if (chosen == Outcome.WRITE_OFF_REQUEST && text == null) {
            throw new FieldRefusal("note", "settlement.followUp.writeOffNeedsNote");
        }
        return new CollectionDecision(chosen, date, text, user);
    }

    private static Outcome parse(Object outcome) {
        String text = outcome == null ? "" : outcome.toString().strip().toUpperCase(Locale.ROOT);
        for (Outcome o : Outcome.values()) {
            if (o.name().equals(text)) {
                return o;
            }
        }
        throw new FieldRefusal("outcome", "settlement.followUp.badOutcome", outcome == null ? "" : outcome.toString());
    }

    private static LocalDate date(Object value, ZoneId zone) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = value.toString().strip();
        try {
            // as the form asks (2026-12-20, 2026-1-5), or an ISO date-time from a script: never a date cut short
            int time = text.indexOf('T');
            return LocalDate.parse(time == 10 ? text.substring(0, 10) : text, DAY);
        } catch (DateTimeParseException e) {
            throw new FieldRefusal("promisedDate", "settlement.followUp.dateUnreadable", text);
        }
    }
}
