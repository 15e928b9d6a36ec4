package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ageing by days past the due date (one rule for the account page, statements and reports): not yet due (current), 1–30, 31–60, 61–90 and over 90 days. */
public final class Ageing {

    public static final List<String> BUCKETS = List.of("current", "d1_30", "d31_60", "d61_90", "d90_plus");

    private Ageing() {
    }

    public static long daysOverdue(LocalDate due, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(due, today));
    }

    public static String bucket(long daysOverdue) {
        if (daysOverdue <= 0) {
            return "current";
        }
        if (daysOverdue <= 30) {
            return "d1_30";
        }
        if (daysOverdue <= 60) {
            return "d31_60";
        }
        return daysOverdue <= 90 ? "d61_90" : "d90_plus";
    }

    /** Sums of signed open amounts per bucket, every bucket present (zero where empty), in order. */
    public static Map<String, BigDecimal> sums(Map<String, BigDecimal> byBucketParts) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String b : BUCKETS) {
            out.put(b, byBucketParts.getOrDefault(b, BigDecimal.ZERO));
        }
        return out;
    }
}
