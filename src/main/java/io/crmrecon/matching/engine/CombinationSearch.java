package io.crmrecon.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The smallest combinations of open items that sum exactly to a target, size by size, within a budget of
 * counted operations (never time, so the answer never depends on machine load).
 *
 * <p>The items come sorted by amount (ties by index), credit notes negative. For size k the search walks the
 * first k-1 items in index order and finds the last by binary search, pruning with the smallest and largest
 * sums the remaining items can still make. The first size with a solution decides: one solution is unique,
 * two or more are ambiguous (twins make two). If the budget runs out before a size is finished, the search
 * reports exhaustion: uniqueness is not proven.
 */
final class CombinationSearch {

    enum Kind { NONE, UNIQUE, AMBIGUOUS, EXHAUSTED }

    /** Operations left for one payment; shared by all searches of that payment. */
    static final class Budget {
        private long left;

        Budget(long left) {
            this.left = left;
        }

        boolean spend(long ops) {
            left -= ops;
            return left >= 0;
        }

        boolean exhausted() {
            return left < 0;
        }
    }

    /** The outcome: the kind and up to a few solutions (positions in the sorted arrays), smallest first. */
    record Result(Kind kind, List<int[]> solutions) {
    }

    /** Solutions kept: two prove ambiguity, a few more help the clerk. */
    private static final int KEEP = 6;

    private final long[] amounts;
    private final long[] prefix;
    private final Budget budget;
    private final List<int[]> found = new ArrayList<>();
    private final int[] chosen;
    private boolean stop;

    private CombinationSearch(long[] amounts, int maxK, Budget budget) {
        this.amounts = amounts;
        this.budget = budget;
        this.prefix = new long[amounts.length + 1];
        for (int i = 0; i < amounts.length; i++) {
            prefix[i + 1] = prefix[i] + amounts[i];
        }
        this.chosen = new int[Math.max(1, maxK)];
    }

    /**
     * @param amounts sorted ascending
     * @param minK    smallest size to try (≥ 1)
     */
    static Result search(long[] amounts, long target, int minK, int maxK, Budget budget) {
        int n = amounts.length;
        if (n == 0 || maxK < minK || minK < 1) {
            return new Result(Kind.NONE, List.of());
        }
        if (!budget.spend(n)) { // the prefix sums
            return new Result(Kind.EXHAUSTED, List.of());
        }
        CombinationSearch s = new CombinationSearch(amounts, maxK, budget);
        for (int k = minK; k <= Math.min(maxK, n); k++) {
            s.level(0, k, k, target);
            if (budget.exhausted()) {
                return new Result(Kind.EXHAUSTED, List.copyOf(s.found));
            }
            if (!s.found.isEmpty()) {
                return new Result(s.found.size() == 1 ? Kind.UNIQUE : Kind.AMBIGUOUS, List.copyOf(s.found));
            }
        }
        return new Result(Kind.NONE, List.of());
    }

    private void level(int start, int remaining, int k, long need) {
        int n = amounts.length;
        if (stop) {
            return;
        }
        // the largest sum `remaining` items can make does not depend on where they start
        long max = prefix[n] - prefix[n - remaining];
        if (need > max) {
            return;
        }
        if (remaining == 1) {
            if (!budget.spend(1)) {
                stop = true;
                return;
            }
            int at = lowerBound(start, need);
            while (at < n && amounts[at] == need) {
                chosen[k - 1] = at;
                found.add(Arrays.copyOf(chosen, k));
                if (found.size() >= KEEP) {
                    stop = true;
                    return;
                }
                at++;
            }
            return;
        }
        for (int j = start; j <= n - remaining; j++) {
            if (!budget.spend(1)) {
                stop = true;
                return;
            }
            long min = prefix[j + remaining] - prefix[j];
            if (need < min) {
                return; // sorted: starting later only makes the smallest sum larger
            }
            chosen[k - remaining] = j;
            level(j + 1, remaining - 1, k, need - amounts[j]);
            if (stop) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ is a combination evidence at all?

    /**
     * The most items a combination may have and still be evidence: sizes from {@code minK} up to {@code maxK}
     * as long as the number of combinations of that size expected to make {@code target} by chance stays within
     * the limit for one item ({@code single}) or more ({@code several}). A customer with a hundred open items in
     * round amounts can make almost any round amount from three or four of them; finding one such combination
     * proves nothing. Costs one operation per item and size tried. Returns {@code minK - 1} when no size
     * qualifies.
     */
    static int significantSizes(long[] amounts, long target, int minK, int maxK, long unit, double single,
            double several, Budget budget) {
        int k = minK;
        while (k <= maxK && k <= amounts.length) {
            if (!budget.spend(amounts.length)) {
                break;
            }
            if (expectedByChance(amounts, target, k, unit) > (k == 1 ? single : several)) {
                break;
            }
            k++;
        }
        return k - 1;
    }

    /**
     * How many combinations of {@code k} of the (sorted) amounts are expected to sum to exactly {@code target} by
     * chance: those near the target (counted for one and two items, from a normal approximation for more) per
     * minor unit, times how much more likely an exact hit is when the target and the amounts are round.
     */
    static double expectedByChance(long[] amounts, long target, int k, long unit) {
        int n = amounts.length;
        double combinations = binomial(n, k);
        if (combinations <= 1) {
            return 0;
        }
        long window = Math.max(Math.abs(target) / 4, 1000 * unit);
        double perUnit;
        if (k == 1) {
            perUnit = countInRange(amounts, target - window, target + window) / (2.0 * window + 1);
        } else if (k == 2) {
            perUnit = pairsInRange(amounts, target - window, target + window) / (2.0 * window + 1);
        } else {
            double mean = 0;
            for (long a : amounts) {
                mean += a;
            }
            mean /= n;
            double variance = 0;
            for (long a : amounts) {
                variance += (a - mean) * (a - mean);
            }
            double sd = Math.sqrt(variance / n * k);
            double z = (target - k * mean) / Math.max(sd, 1);
            perUnit = combinations * Math.exp(-0.5 * z * z) / (Math.max(sd, 1) * Math.sqrt(2 * Math.PI));
        }
        return perUnit * roundness(amounts, target, k, unit);
    }

    /**
     * How much likelier an exact hit is than for amounts to the last minor unit: for a target that is a whole
     * multiple of g (1, 100 or 1,000 units), g × w^k + (1 − w^k), w being the share of amounts that are too.
     */
    private static double roundness(long[] amounts, long target, int k, long unit) {
        double factor = 1;
        for (long g : new long[] {unit, 100 * unit, 1000 * unit}) {
            if (g <= 1 || target % g != 0) {
                continue;
            }
            int round = 0;
            for (long a : amounts) {
                if (a % g == 0) {
                    round++;
                }
            }
            double w = Math.pow((double) round / amounts.length, k);
            factor = Math.max(factor, g * w + (1 - w));
        }
        return factor;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }

    private static int countInRange(long[] sorted, long lo, long hi) {
        return upperBound(sorted, hi) - lowerBound(sorted, lo);
    }

    /** Pairs i < j with lo ≤ a[i] + a[j] ≤ hi, by two pointers over the sorted amounts. */
    private static long pairsInRange(long[] sorted, long lo, long hi) {
        return pairsAtMost(sorted, hi) - pairsAtMost(sorted, lo - 1);
    }

    private static long pairsAtMost(long[] a, long limit) {
        long count = 0;
        int i = 0;
        int j = a.length - 1;
        while (i < j) {
            if (a[i] + a[j] <= limit) {
                count += j - i;
                i++;
            } else {
                j--;
            }
        }
        return count;
    }

    private static int lowerBound(long[] a, long value) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(long[] a, long value) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int lowerBound(int from, long value) {
        int lo = from;
        int hi = amounts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (amounts[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
