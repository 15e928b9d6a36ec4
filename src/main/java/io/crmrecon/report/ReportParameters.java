package io.crmrecon.report;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportError;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Reading a report's query parameters: a wrong one is a 400 that names it and says what it takes. */
final class ReportParameters {

    private ReportParameters() {
    }

    static BadRequestException refuse(String parameter, String message) {
        return new BadRequestException(HttpStatus.BAD_REQUEST, parameter + ": " + message,
                List.of(new ImportError(null, parameter, null, message)));
    }

    /** A day as yyyy-MM-dd; blank gives {@code otherwise}. */
    static LocalDate date(String parameter, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw refuse(parameter, "'" + text + "' is not a date (yyyy-MM-dd, e.g. 2026-10-31)");
        }
    }

    /** A month as yyyy-MM. */
    static YearMonth month(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw refuse(parameter, "a month is required (yyyy-MM, e.g. 2026-10)");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw refuse(parameter, "'" + text + "' is not a month (yyyy-MM, e.g. 2026-10)");
        }
    }

    /** {@code from} not after {@code to}, and at most {@code maxDays} apart. */
    static void range(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw refuse("from", "from " + from + " is after to " + to);
        }
        if (from.plusDays(maxDays).isBefore(to)) {
            throw refuse("from", "the period from " + from + " to " + to + " is longer than " + maxDays + " days");
        }
    }
}
