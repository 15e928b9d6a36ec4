package io.crmrecon.matching.engine;

/**
 * Counts the combinations of distinct items (by position, so equal amounts count separately) whose amounts sum to
 * a target: exhaustive over sizes 1 to 4, in O(n) for sizes 1–2 and O(n²) for sizes 3–4 (sums of pairs in a hash
 * table instead of nested loops). Amounts are in cents and may be negative (credit notes). Not thread-safe.
 */
final class ComboCounter {

    private final LongCountMap map = new LongCountMap(1024);

    /**
     * How many combinations of {@code size} distinct items among {@code values[0..n)} sum to {@code target}, counted
     * up to {@code limit} (the answer is min(count, limit)).
     */
    long count(long[] values, int n, long target, int size, long limit) {
        switch (size) {
            case 1 -> {
                long c = 0;
                for (int i = 0; i < n && c < limit; i++) {
                    if (values[i] == target) {
                        c++;
                    }
                }
                return c;
            }
            case 2 -> {
                map.reset(n);
                long c = 0;
                for (int j = 0; j < n && c < limit; j++) {
                    c += map.get(target - values[j]);
                    map.add(values[j]);
                }
                return Math.min(c, limit);
            }
            case 3 -> {
                // i < j < k: walk j downwards with the values after j in the table
                map.reset(n);
                long c = 0;
                for (int j = n - 1; j >= 0 && c < limit; j--) {
                    long rest = target - values[j];
                    for (int i = 0; i < j; i++) {
                        c += map.get(rest - values[i]);
                    }
                    map.add(values[j]);
                }
                return Math.min(c, limit);
            }
            case 4 -> {
                // a < b < c < d: at each c, the table holds the sums of all pairs a < b < c
                map.reset(n * (n - 1) / 2);
                long c = 0;
                for (int k = 0; k < n && c < limit; k++) {
                    for (int d = k + 1; d < n; d++) {
                        c += map.get(target - values[k] - values[d]);
                    }
                    for (int a = 0; a < k; a++) {
                        map.add(values[a] + values[k]);
                    }
                }
                return Math.min(c, limit);
            }
            default -> throw new IllegalArgumentException("size " + size);
        }
    }

    /** An open-addressing long → count table, emptied in O(1) by a generation stamp. */
    static final class LongCountMap {
        private long[] keys;
        private int[] counts;
        private int[] stamps;
        private int mask;
        private int generation = 1;

        LongCountMap(int expected) {
            allocate(expected);
        }

        private void allocate(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            counts = new int[capacity];
            stamps = new int[capacity];
            mask = capacity - 1;
            generation = 1;
        }

        void reset(int expected) {
            if (expected * 2L > keys.length) {
                allocate(expected);
            } else if (++generation == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamps, 0);
                generation = 1;
            }
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(long key) {
            for (int i = slot(key); stamps[i] == generation; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return counts[i];
                }
            }
            return 0;
        }

        void add(long key) {
            int i = slot(key);
            while (stamps[i] == generation) {
                if (keys[i] == key) {
                    counts[i]++;
                    return;
                }
                i = (i + 1) & mask;
            }
            stamps[i] = generation;
            keys[i] = key;
            counts[i] = 1;
        }
    }
}
