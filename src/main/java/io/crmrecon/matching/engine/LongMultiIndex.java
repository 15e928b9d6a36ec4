package io.crmrecon.matching.engine;

import java.util.Arrays;

/**
 * An immutable multimap from 64-bit keys to int values, in flat arrays (open addressing, values grouped per key
 * in the order they were added): a few bytes per entry where a {@code HashMap<String, List<Integer>>} spends
 * a hundred. Keys are hashes, so callers verify what they get back: against the value itself, or against a
 * second, independent 64-bit hash stored with each value ({@link #check}) — 128 bits together, so that a
 * lookup never has to touch the string the key was made of.
 */
final class LongMultiIndex {

    private final long[] keys;
    private final int[] starts;
    private final int[] counts;
    private final int[] values;
    private final long[] checks;
    private final int mask;
    /**
     * One bit per key, set for every key held (16 bits a key, so about one absent key in sixteen passes): a
     * lookup of an absent key — most of a typo search's variants — reads one word of this small array instead of
     * walking a probe sequence through the large ones.
     */
    private final long[] filter;
    private final int filterMask;

    private LongMultiIndex(long[] keys, int[] starts, int[] counts, int[] values, long[] checks, long[] filter) {
        this.keys = keys;
        this.starts = starts;
        this.counts = counts;
        this.values = values;
        this.checks = checks;
        this.mask = keys.length - 1;
        this.filter = filter;
        this.filterMask = filter.length * 64 - 1;
    }

    private static int filterBit(long key, int filterMask) {
        // the high half of the key: the slot is taken from the low half
        return (int) (key >>> 32) & filterMask;
    }

    /** The slot holding the key, or -1. */
    int find(long key) {
        int bit = filterBit(key, filterMask);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int slot = (int) key & mask;
        while (counts[slot] != 0) {
            if (keys[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int start(int slot) {
        return starts[slot];
    }

    int count(int slot) {
        return counts[slot];
    }

    int value(int position) {
        return values[position];
    }

    /** The second hash stored with the value at this position (0 when the index keeps none). */
    long check(int position) {
        return checks == null ? 0 : checks[position];
    }

    static final class Builder {
        private long[] k;
        private int[] v;
        private long[] c;
        private int n;

        Builder(int expected) {
            k = new long[Math.max(16, expected)];
            v = new int[Math.max(16, expected)];
        }

        void add(long key, int value) {
            add(key, value, 0);
        }

        void add(long key, int value, long check) {
            if (n == k.length) {
                k = Arrays.copyOf(k, n * 2);
                v = Arrays.copyOf(v, n * 2);
                if (c != null) {
                    c = Arrays.copyOf(c, n * 2);
                }
            }
            if (check != 0 && c == null) {
                c = new long[k.length];
            }
            k[n] = key;
            v[n] = value;
            if (c != null) {
                c[n] = check;
            }
            n++;
        }

        LongMultiIndex build() {
            int capacity = 16;
            while (capacity * 3L < n * 4L) {
                capacity <<= 1;
            }
            long[] keys = new long[capacity];
            int[] counts = new int[capacity];
            int mask = capacity - 1;
            int[] slotOf = new int[n];
            int filterBits = 64;
            while (filterBits < n * 16L && filterBits < 1 << 30) {
                filterBits <<= 1;
            }
            long[] filter = new long[filterBits / 64];
            for (int i = 0; i < n; i++) {
                long key = k[i];
                int bit = filterBit(key, filterBits - 1);
                filter[bit >>> 6] |= 1L << bit;
                int slot = (int) key & mask;
                while (counts[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                counts[slot]++;
                slotOf[i] = slot;
            }
            int[] starts = new int[capacity];
            int position = 0;
            for (int s = 0; s < capacity; s++) {
                starts[s] = position;
                position += counts[s];
            }
            int[] fill = new int[capacity];
            int[] values = new int[n];
            long[] checks = c == null ? null : new long[n];
            for (int i = 0; i < n; i++) {
                int slot = slotOf[i];
                int at = starts[slot] + fill[slot]++;
                values[at] = v[i];
                if (checks != null) {
                    checks[at] = c[i];
                }
            }
            k = null;
            v = null;
            c = null;
            return new LongMultiIndex(keys, starts, counts, values, checks, filter);
        }
    }
}
