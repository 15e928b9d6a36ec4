package io.crmrecon.report;

import io.crmrecon.common.BadRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ageing buckets by days past the due date: {@code current} (not yet due), then one bucket up to each limit,
 * then the rest. Limits 30,60,90 give {@code current, d1_30, d31_60, d61_90, d90_plus} — the ledger's own
 * {@link io.crmrecon.ledger.Ageing} buckets.
 */
record AgeBands(List<Integer> limits) {

    static final AgeBands DEFAULT = new AgeBands(List.of(30, 60, 90));
    private static final int MAX_LIMITS = 12;

    AgeBands {
        limits = List.copyOf(limits);
    }

    /** {@code buckets=30,60,90,180}; blank: the default. */
    static AgeBands parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        List<Integer> limits = new ArrayList<>();
        for (String part : text.split(",")) {
            int days;
            try {
                days = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw refusal(text, "'" + part.strip() + "' is not a whole number of days");
            }
            if (days < 1 || days > 3650) {
                throw refusal(text, days + " is not between 1 and 3650 days");
            }
            if (!limits.isEmpty() && days <= limits.get(limits.size() - 1)) {
                throw refusal(text, "the limits must grow from left to right");
            }
            limits.add(days);
        }
        if (limits.size() > MAX_LIMITS) {
            throw refusal(text, "at most " + MAX_LIMITS + " limits");
        }
        return new AgeBands(limits);
    }

    private static BadRequestException refusal(String text, String why) {
        return ReportParameters.refuse("buckets", "'" + text + "': " + why + " (e.g. buckets=30,60,90,180)");
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("current");
        int from = 1;
        for (int limit : limits) {
            names.add("d" + from + "_" + limit);
            from = limit + 1;
        }
        names.add("d" + limits.get(limits.size() - 1) + "_plus");
        return names;
    }

    int size() {
        return limits.size() + 2;
    }

    /** The bucket of an item {@code daysOverdue} days past its due date (zero or less: not yet due). */
    int of(long daysOverdue) {
        if (daysOverdue <= 0) {
            return 0;
        }
        for (int i = 0; i < limits.size(); i++) {
            if (daysOverdue <= limits.get(i)) {
                return i + 1;
            }
        }
        return limits.size() + 1;
    }

    /**
     * The earliest due date of each overdue bucket as of {@code asOf}: an item is in bucket k+1 when its due date
     * is on or after the k-th date and it is not in an earlier bucket. Lets the database place items by comparing
     * dates, the same way on every database.
     */
    List<LocalDate> earliestDueDates(LocalDate asOf) {
        return limits.stream().map(limit -> asOf.minusDays(limit)).toList();
    }
}
