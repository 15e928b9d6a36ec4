package io.crmrecon.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The months a manager closed, and who closed and reopened them when (table {@code closed_period}); the rules are
 * {@link ClosedBooks}. A close waits for whoever applies money (the matching lock), so no run posts into a month
 * while it is being closed.
 */
@Service
public class ClosedPeriods {

    /** One close: the month closed through, and its reopening if it was undone. */
    public record Closing(YearMonth period, Instant closedAt, String closedBy, Instant reopenedAt,
            String reopenedBy) {

        public boolean inForce() {
            return reopenedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplyingMoneyLock lock;

    ClosedPeriods(JdbcClient jdbc, Clock clock, ApplyingMoneyLock lock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lock = lock;
    }

    @Transactional(readOnly = true)
    public ClosedBooks now() {
        return jdbc.sql("SELECT MAX(period) FROM closed_period WHERE reopened_at IS NULL").query(LocalDate.class)
                .optional().map(day -> new ClosedBooks(YearMonth.from(day))).orElse(ClosedBooks.OPEN);
    }

    /** Every close, newest first. */
    @Transactional(readOnly = true)
    public List<Closing> history() {
        return jdbc.sql("SELECT period, closed_at, closed_by, reopened_at, reopened_by FROM closed_period "
                        + "ORDER BY closed_at DESC, id DESC")
                .query((rs, i) -> new Closing(YearMonth.from(rs.getObject("period", LocalDate.class)),
                        rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"),
                        rs.getTimestamp("reopened_at") == null ? null : rs.getTimestamp("reopened_at").toInstant(),
                        rs.getString("reopened_by")))
                .list();
    }

    /** Closes {@code month} and every month before it; refused (a {@code FieldRefusal}) by {@link ClosedBooks}. */
    @Transactional
    public ClosedBooks close(YearMonth month, String user) {
        lock.hold();
        now().checkClose(month, LocalDate.now(clock));
        jdbc.sql("INSERT INTO closed_period (period, open_from, closed_at, closed_by) VALUES (:period, :openFrom, "
                        + ":at, :user)")
                .param("period", month.atDay(1)).param("openFrom", month.plusMonths(1).atDay(1))
                .param("at", Timestamp.from(clock.instant())).param("user", user).update();
        return new ClosedBooks(month);
    }

    /** Undoes the latest close, which must be of {@code month}. */
    @Transactional
    public ClosedBooks reopen(YearMonth month, String user) {
        lock.hold();
        now().checkReopen(month);
        jdbc.sql("UPDATE closed_period SET reopened_at = :at, reopened_by = :user WHERE period = :period "
                        + "AND reopened_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("user", user).param("period", month.atDay(1))
                .update();
        return now();
    }
}
