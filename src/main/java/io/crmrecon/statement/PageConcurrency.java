package io.crmrecon.statement;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} requests to the customer's pages are worked on at once; the others wait their turn, first
 * come first served, up to {@code maxWait}. When a statement run's mails land, customers open their links together:
 * with fifty requests at once sharing two cores, the slowest page took 2.3–2.8 times as long as the middle one; served
 * eight at a time in order, 1.4–1.5 times (the benchmark, README "Statements").
 */
final class PageConcurrency {

    private final Semaphore permits;
    private final int limit;
    private final long maxWaitNanos;

    /** {@code limit}: 0 turns it off. */
    PageConcurrency(int limit, Duration maxWait) {
        if (limit < 0) {
            throw new IllegalArgumentException("recon.statement.page-concurrency must be 0 (off) or more, not "
                    + limit);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("recon.statement.page-max-wait must not be negative");
        }
        this.permits = limit == 0 ? null : new Semaphore(limit, true);
        this.limit = limit;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * The default: four requests a core. A page view spends part of its time waiting for the database; with two
     * cores, four at a time left a longer tail than eight (p99 164.5 against 141.8 ms) and fewer confirms a second got
     * through (50 against 71; one benchmark run each, README).
     */
    static int defaultLimit(int cores) {
        return 4 * Math.max(1, cores);
    }

    /**
     * A turn, to close when the request is done; empty when none came free within the wait (or the thread was
     * interrupted while waiting).
     */
    Optional<Turn> enter() {
        if (permits == null) {
            return Optional.of(Turn.FREE);
        }
        try {
            if (permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                return Optional.of(permits::release);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** How many are worked on at once; 0: no limit. */
    int limit() {
        return limit;
    }

    /** Requests waiting for a turn now (an estimate, for the gauge). */
    int waiting() {
        return permits == null ? 0 : permits.getQueueLength();
    }

    /** A request's turn; closing it lets the next one in. */
    interface Turn extends AutoCloseable {
        Turn FREE = () -> { };

        @Override
        void close();
    }
}
