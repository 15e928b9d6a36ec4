package io.crmrecon.ledger;

import io.crmrecon.common.FieldRefusal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which months are closed (结账): the books are closed through one month, and every month before it is closed with
 * it. Nothing dated in a closed month is posted any more: an entry whose day falls there is posted on the first day
 * of the first open month instead (statements show it as a prior-period adjustment), and a document dated there is
 * refused. Plain rules, no Spring.
 *
 * @param closedThrough the latest closed month; null while every month is open
 */
public record ClosedBooks(YearMonth closedThrough) {

    public static final ClosedBooks OPEN = new ClosedBooks(null);

    public boolean isClosed(LocalDate day) {
        return closedThrough != null && !YearMonth.from(day).isAfter(closedThrough);
    }

    public boolean isClosed(YearMonth month) {
        return closedThrough != null && !month.isAfter(closedThrough);
    }

    /** The first day that can still be posted on; null while every month is open. */
    public LocalDate openFrom() {
        return closedThrough == null ? null : closedThrough.plusMonths(1).atDay(1);
    }

    /** The day an entry dated {@code day} is posted on: its own day, or the first open day if its month is closed. */
    public LocalDate postingDay(LocalDate day) {
        return isClosed(day) ? openFrom() : day;
    }

    /**
     * Refuses to close a month that has not ended yet (on {@code today}) or is already closed. Closing a month
     * after a gap closes the months of the gap as well.
     */
    public void checkClose(YearMonth month, LocalDate today) {
        if (!month.isBefore(YearMonth.from(today))) {
            throw new FieldRefusal("period", "period.close.not-ended", month, month.atEndOfMonth());
        }
        if (isClosed(month)) {
            throw new FieldRefusal("period", "period.close.already", month, closedThrough);
        }
    }

    /** Only the latest close can be undone, so that the months closed stay one run from the past. */
    public void checkReopen(YearMonth month) {
        if (closedThrough == null || !month.equals(closedThrough)) {
            throw new FieldRefusal("period", "period.reopen.not-latest", month,
                    closedThrough == null ? "–" : closedThrough);
        }
    }
}
