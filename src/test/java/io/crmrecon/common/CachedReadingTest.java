package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerIntervalWhateverAsks() {
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(30),
                nanos::get);

        assertThat(reading.gauge(n -> n)).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(reading.gauge(n -> n)).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(reading.gauge(n -> n)).isEqualTo(2);
    }

    @Test
    void aFailedReadIsNoFigureUntilTheNextRead() {
        CachedReading<Integer> reading = new CachedReading<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 7;
        }, Duration.ofSeconds(30), nanos::get);

        assertThat(reading.gauge(n -> n)).isNaN();
        assertThat(reading.gauge(n -> n)).as("not asked again at once").isNaN();
        assertThat(reads).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(reading.gauge(n -> n)).isEqualTo(7);
    }
}
