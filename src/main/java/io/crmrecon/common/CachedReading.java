package io.crmrecon.common;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure for the metrics, read from the database at most once per {@link #INTERVAL} and only when a gauge asks:
 * Prometheus may scrape as often as it likes, and the gauges of one reading (e.g. one per status) share one query.
 * A failed read counts as "no figure" (NaN) for the same interval, so a database outage does not make every gauge
 * of every scrape wait for the database again.
 */
public final class CachedReading<T> {

    public static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> read;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long readAt;
    private boolean everRead;

    public CachedReading(Supplier<T> read) {
        this(read, INTERVAL, System::nanoTime);
    }

    CachedReading(Supplier<T> read, Duration interval, LongSupplier nanoTime) {
        this.read = read;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The figure, read again when the last one is older than the interval; null while the last read failed. */
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!everRead || now - readAt >= intervalNanos) {
            everRead = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                value = null;
                log.warn("A metric could not be read; its gauges show NaN until the next read", e);
            }
        }
        return value;
    }

    /** What a gauge shows: {@code figure} of the reading, or NaN without one. */
    public double gauge(ToDoubleFunction<T> figure) {
        T now = get();
        return now == null ? Double.NaN : figure.applyAsDouble(now);
    }
}
