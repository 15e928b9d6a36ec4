package io.crmrecon.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Days sales outstanding by the countback method: the receivables balance on a day is matched against the sales of
 * the months before it, newest first (the day's own month up to that day, then whole months); each month it uses
 * up counts all its days, the month where the balance runs out counts the share of its days that the rest of the
 * balance is of its sales. A month whose credit notes exceed its sales counts as a month without sales.
 */
final class Countback {

    /** {@code beyondLookback}: the sales of the whole lookback did not cover the balance; {@code days} is its length. */
    record Dso(BigDecimal days, boolean beyondLookback) {
    }

    /** The windows of a countback from {@code end}: the month of end (from its 1st), then whole months before it. */
    record Window(int index, LocalDate firstDay, LocalDate lastDay) {

        long days() {
            return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        }

        /** Days from this window's last day to the countback's end: the whole windows nearer to the end. */
        long daysAfter(LocalDate end) {
            return ChronoUnit.DAYS.between(lastDay, end);
        }
    }

    private Countback() {
    }

    static List<Window> windows(LocalDate end, int lookbackMonths) {
        List<Window> windows = new ArrayList<>(lookbackMonths);
        YearMonth month = YearMonth.from(end);
        for (int k = 0; k < lookbackMonths; k++) {
            YearMonth m = month.minusMonths(k);
            windows.add(new Window(k, m.atDay(1), k == 0 ? end : m.atEndOfMonth()));
        }
        return windows;
    }

    /** {@code salesByMonth}: net sales (invoices and debit notes less credit notes) by month of issue, up to end. */
    static Dso dso(BigDecimal balance, LocalDate end, Map<YearMonth, BigDecimal> salesByMonth, int lookbackMonths) {
        List<Window> windows = windows(end, lookbackMonths);
        BigDecimal[] sales = new BigDecimal[windows.size()];
        for (Window w : windows) {
            sales[w.index()] = salesByMonth.get(YearMonth.from(w.firstDay()));
        }
        return dso(balance, end, sales, windows);
    }

    /**
     * The same with the windows worked out once for many customers ({@link #windows}), and each window's sales at its
     * index (null for none).
     */
    static Dso dso(BigDecimal balance, LocalDate end, BigDecimal[] salesByWindow, List<Window> windows) {
        if (balance.signum() <= 0) {
            return new Dso(BigDecimal.ZERO.setScale(1), false);
        }
        BigDecimal remaining = balance;
        for (Window w : windows) {
            BigDecimal sales = salesByWindow[w.index()] == null ? BigDecimal.ZERO : salesByWindow[w.index()];
            if (sales.signum() > 0 && sales.compareTo(remaining) >= 0) {
                BigDecimal share = BigDecimal.valueOf(w.days()).multiply(remaining)
                        .divide(sales, 10, RoundingMode.HALF_UP);
                return new Dso(BigDecimal.valueOf(w.daysAfter(end)).add(share).setScale(1, RoundingMode.HALF_UP),
                        false);
            }
            if (sales.signum() > 0) {
                remaining = remaining.subtract(sales);
            }
        }
        Window last = windows.get(windows.size() - 1);
        return new Dso(BigDecimal.valueOf(ChronoUnit.DAYS.between(last.firstDay(), end) + 1).setScale(1), true);
    }
}
