package io.crmrecon.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A small deterministic random source (SplitMix64). Unlike {@code java.util.Random} it can be derived from a
 * seed and any number of salts, so that the n-th row of a streamed file is a pure function of (seed, n) and
 * the same row is produced in every pass and on every JVM.
 */
final class Rng implements RandomGenerator {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose of one seed: the same (seed, salts) always give the same sequence. */
    static Rng of(long seed, long... salts) {
        long s = mix(seed ^ 0x5DEECE66DL);
        for (long salt : salts) {
            s = mix(s ^ mix(salt + 0x632BE59BD9B4E019L));
        }
        return new Rng(s);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** 0 (inclusive) to bound (exclusive). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** lo to hi, both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    long betweenLong(long lo, long hi) {
        return lo + (nextLong() >>> 1) % (hi - lo + 1);
    }

    /** True with the given chance in percent (0–100). */
    boolean percent(int chance) {
        return nextInt(100) < chance;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[nextInt(items.length)];
    }

    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    /** A string of n decimal digits (leading zeros allowed). */
    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + nextInt(10)));
        }
        return sb.toString();
    }

    /** Money between lo and hi yuan (inclusive), with cents. */
    BigDecimal money(long loCents, long hiCents) {
        return BigDecimal.valueOf(betweenLong(loCents, hiCents), 2);
    }
}
