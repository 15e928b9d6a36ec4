package io.crmrecon.notification;

import io.crmrecon.common.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus: {@code recon_outbox_backlog} (mails queued and not sent) and
 * {@code recon_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none waits). A backlog
 * that only grows, or an age past the send job's retries, means the mail server refuses or cannot be reached.
 */
@Component
class OutboxMetrics {

    private record Backlog(long queued, Instant oldest) {
    }

    private final CachedReading<Backlog> backlog;
    private final Clock clock;

    OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        // one index range (ix_mail_outbox_status): the sent mails are never read
        this.backlog = new CachedReading<>(() -> jdbc
                .sql("SELECT COUNT(*) AS queued, MIN(queued_at) AS oldest FROM mail_outbox WHERE status = 'QUEUED'")
                .query((rs, i) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("queued"), oldest == null ? null : oldest.toInstant());
                })
                .single());
        Gauge.builder("recon.outbox.backlog", this, m -> m.backlog.gauge(Backlog::queued))
                .description("Mails queued in the outbox and not sent yet")
                .register(registry);
        Gauge.builder("recon.outbox.oldest.age", this, m -> m.backlog.gauge(m::age))
                .description("How long the oldest mail not sent yet has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Counted from now, not from the read: the age grows between reads. Never negative (a test's moved clock). */
    private double age(Backlog b) {
        if (b.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(b.oldest(), clock.instant()).toMillis() / 1000.0);
    }
}
