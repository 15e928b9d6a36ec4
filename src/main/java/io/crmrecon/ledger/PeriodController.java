package io.crmrecon.ledger;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.ImportError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Period close over the API: which months are closed, closing one (managers), reopening the latest (admins). */
@RestController
@RequestMapping("/api/periods")
@Tag(name = "Period close · 结账", description = "Months closed for posting")
class PeriodController {

    private final ClosedPeriods periods;
    private final MessageSource messages;

    PeriodController(ClosedPeriods periods, MessageSource messages) {
        this.periods = periods;
        this.messages = messages;
    }

    record Books(String closedThrough, LocalDate openFrom, List<ClosedPeriods.Closing> closings) {
    }

    @Operation(summary = "Which months are closed", description = "`closedThrough`: the latest closed month (every "
            + "month before it is closed too), null while all are open; `openFrom`: the first day anything can be "
            + "posted on; `closings`: every close, newest first, with who reopened it if it was undone.")
    @GetMapping
    Books books() {
        return books(periods.now());
    }

    @Operation(summary = "Close a month (managers)", description = "Closes `period` (yyyy-MM) and every month before "
            + "it. The month must have ended. Afterwards nothing is posted on a day in it: allocations recorded later "
            + "are posted on `openFrom` (statements show them as prior-period adjustments), and a new document dated "
            + "in it is refused. 409 when it is closed already.")
    @PostMapping("/{period}/close")
    Books close(@PathVariable String period, Principal user) {
        return refused(() -> periods.close(month(period), user.getName()));
    }

    @Operation(summary = "Reopen the latest closed month (administrators)", description = "Undoes the latest close, "
            + "which must be of `period`; who closed and who reopened stay on record.")
    @PostMapping("/{period}/reopen")
    Books reopen(@PathVariable String period, Principal user) {
        return refused(() -> periods.reopen(month(period), user.getName()));
    }

    private Books refused(java.util.function.Supplier<ClosedBooks> action) {
        try {
            action.get();
            return books(periods.now());
        } catch (FieldRefusal refusal) {
            String message = messages.getMessage(refusal.code(), refusal.args(), LocaleContextHolder.getLocale());
            HttpStatus status = refusal.code().equals("period.close.already") ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST;
            throw new BadRequestException(status, message,
                    List.of(new ImportError(null, refusal.field(), null, message)));
        }
    }

    private Books books(ClosedBooks now) {
        return new Books(now.closedThrough() == null ? null : now.closedThrough().toString(), now.openFrom(),
                periods.history());
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            String message = "'" + text + "' is not a month (yyyy-MM, e.g. 2026-10)";
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "period: " + message,
                    List.of(new ImportError(null, "period", null, message)));
        }
    }
}
