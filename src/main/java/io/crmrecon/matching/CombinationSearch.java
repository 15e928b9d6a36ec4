package io.crmrecon.matching;

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
