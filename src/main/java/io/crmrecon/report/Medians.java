package io.crmrecon.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in days, one decimal: the median (what a typical case takes) and the mean. */
final class Medians {

    private final List<Long> seconds = new ArrayList<>();

    void add(Instant start, Instant end) {
        if (start != null && end != null && !end.isBefore(start)) {
            seconds.add(Duration.between(start, end).toSeconds());
        }
    }

    int count() {
        return seconds.size();
    }

    /** Null when there is nothing to measure. */
    BigDecimal medianDays() {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return days(middle);
    }

    BigDecimal meanDays() {
        if (seconds.isEmpty()) {
            return null;
        }
        return days(seconds.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    /** From one instant to another in days, one decimal as the others; null without a start or when it is later. */
    static BigDecimal daysBetween(Instant start, Instant end) {
        return start == null || end.isBefore(start) ? null : days(Duration.between(start, end).toSeconds());
    }

    private static BigDecimal days(double secondsValue) {
        return BigDecimal.valueOf(secondsValue / 86_400d).setScale(1, RoundingMode.HALF_UP);
    }
}
