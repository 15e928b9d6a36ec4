package io.crmrecon.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** One calendar month in the company's zone ({@code recon.zone}): what a statement covers. */
record StatementPeriod(YearMonth month) {

    StatementPeriod {
        if (month == null) {
            throw new IllegalArgumentException("a statement period needs a month");
        }
    }

    /** {@code 2026-10}; anything else is refused with the text it was given. */
    static StatementPeriod parse(String text) {
        try {
            return new StatementPeriod(YearMonth.parse(text == null ? "" : text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a period (yyyy-MM): " + text, e);
        }
    }

    LocalDate first() {
        return month.atDay(1);
    }

    LocalDate last() {
        return month.atEndOfMonth();
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(first()) && !date.isAfter(last());
    }

    StatementPeriod previous() {
        return new StatementPeriod(month.minusMonths(1));
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
