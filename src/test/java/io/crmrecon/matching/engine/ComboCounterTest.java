package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComboCounterTest {

    @Test
    void countsLikeNestedLoops() {
        SplittableRandom rnd = new SplittableRandom(7);
        ComboCounter counter = new ComboCounter();
        for (int round = 0; round < 300; round++) {
            int n = rnd.nextInt(0, 25);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(-5, 12);
            }
            long target = rnd.nextInt(-10, 30);
            for (int size = 1; size <= 4; size++) {
                assertThat(counter.count(v, n, target, size, Long.MAX_VALUE)).as("n=%d size=%d", n, size)
                        .isEqualTo(loops(v, target, size, 0, 0));
                assertThat(counter.count(v, n, target, size, 2)).isEqualTo(Math.min(2, loops(v, target, size, 0, 0)));
            }
        }
    }

    private static long loops(long[] v, long rest, int size, int from, long unused) {
        if (size == 0) {
            return rest == 0 ? 1 : 0;
        }
        long count = 0;
        for (int i = from; i < v.length; i++) {
            count += loops(v, rest - v[i], size - 1, i + 1, 0);
        }
        return count;
    }
}
