package io.crmrecon.ledger;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.CopyIn;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allocations (核销) in the ledger: recorded in batches, never edited; undone only by a reversal that the
 * audit trail keeps.
 */
@Service
public class Allocations {

    private static final int BATCH = 2000;
    private static final List<String> COLUMNS = List.of("transaction_id", "document_id", "customer_id", "currency",
            "amount", "writeoff", "method", "rule", "confidence", "matching_run_id", "note", "created_at", "created_by", "category");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReceivableMovements movements;
    private final ApplyingMoneyLock lock;

    Allocations(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, ReceivableMovements movements,
            ApplyingMoneyLock lock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.movements = movements;
        this.lock = lock;
    }

    /** Records the allocations; the caller holds the lock of whoever applies money (taken here if it does not). */
    @Transactional
    public void record(List<NewAllocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        lock.hold();
        long after = movements.lastAllocation();
        insert(allocations);
        movements.allocationsRecorded(after);
        events.publishEvent(new AllocationsRecorded(allocations));
    }

    private void insert(List<NewAllocation> allocations) {
        Instant at = clock.instant();
        if (CopyIn.copy(jdbc, "allocation", COLUMNS, allocations, (a, line) -> line.add(a.transactionId())
                .add(a.documentId()).add(a.customerId()).add(a.currency()).add(a.amount())
                .add(a.writeOff() == null ? BigDecimal.ZERO : a.writeOff()).add(a.method().name()).add(a.rule())
                .add(a.confidence()).add(a.matchingRunId()).add(a.note()).add(at).add(a.createdBy())
                .add(a.category() == null ? null : a.category().name()))) {
            return;
        }
        Timestamp now = Timestamp.from(at);
        for (int i = 0; i < allocations.size(); i += BATCH) {
            List<NewAllocation> chunk = allocations.subList(i, Math.min(allocations.size(), i + BATCH));
            jdbc.batchUpdate("INSERT INTO allocation (transaction_id, document_id, customer_id, currency, amount, "
                    + "writeoff, method, rule, confidence, matching_run_id, note, created_at, created_by, category) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int index) throws SQLException {
                            NewAllocation a = chunk.get(index);
                            JdbcValues.setLong(ps, 1, a.transactionId());
                            JdbcValues.setLong(ps, 2, a.documentId());
                            JdbcValues.setLong(ps, 3, a.customerId());
                            ps.setString(4, a.currency());
                            ps.setBigDecimal(5, a.amount());
                            ps.setBigDecimal(6, a.writeOff() == null ? BigDecimal.ZERO : a.writeOff());
                            ps.setString(7, a.method().name());
                            ps.setString(8, a.rule());
                            ps.setBigDecimal(9, a.confidence());
                            JdbcValues.setLong(ps, 10, a.matchingRunId());
                            ps.setString(11, a.note());
                            ps.setTimestamp(12, now);
                            ps.setString(13, a.createdBy());
                            ps.setString(14, a.category() == null ? null : a.category().name());
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    });
        }
    }

    /**
     * Undoes an allocation with a reversal row (negated amounts); the original stays. Reversing twice, or
     * reversing a reversal, is refused. A netting is undone as the pair it was recorded as (both sides, dated
     * today), so receivables and payables move back together.
     */
    @Transactional
    public long reverse(long allocationId, String user, String note) {
        // as whoever applies money: a month is not closed while a reversal is being posted into it
        lock.hold();
        long after = movements.lastAllocation();
        long reversal = reverseOne(allocationId, user, note);
        List<Long> partner = jdbc.queryForList("SELECT p.id FROM allocation a JOIN allocation p "
                + "ON p.document_id = a.nets_document_id AND p.nets_document_id = a.document_id "
                + "AND p.created_at = a.created_at AND p.amount = a.amount AND p.reverses_id IS NULL "
                + "WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM allocation r WHERE r.reverses_id = p.id)", Long.class,
                allocationId);
        if (!partner.isEmpty()) {
            reverseOne(partner.get(0), user, note);
        }
        movements.allocationsRecorded(after);
        return reversal;
    }

    private long reverseOne(long allocationId, String user, String note) {
        List<Long> found = jdbc.queryForList("SELECT id FROM allocation WHERE id = ? AND reverses_id IS NULL",
                Long.class, allocationId);
        if (found.isEmpty()) {
            throw BadRequestException.notFound("no allocation " + allocationId + " that can be reversed");
        }
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM allocation WHERE reverses_id = ?", Integer.class,
                allocationId);
        if (already != null && already > 0) {
            throw new BadRequestException(org.springframework.http.HttpStatus.CONFLICT,
                    "allocation " + allocationId + " is already reversed", List.of());
        }
        jdbc.update("INSERT INTO allocation (transaction_id, document_id, customer_id, currency, amount, writeoff, "
                + "method, rule, confidence, matching_run_id, reverses_id, note, created_at, created_by, category, "
                + "nets_document_id, value_date) "
                + "SELECT transaction_id, document_id, customer_id, currency, -amount, -writeoff, 'MANUAL', NULL, NULL, "
                + "NULL, id, ?, ?, ?, category, nets_document_id, CASE WHEN nets_document_id IS NULL THEN NULL "
                + "ELSE CAST(? AS DATE) END FROM allocation WHERE id = ?", note, Timestamp.from(clock.instant()), user,
                java.sql.Date.valueOf(java.time.LocalDate.now(clock)), allocationId);
        return jdbc.queryForObject("SELECT id FROM allocation WHERE reverses_id = ?", Long.class, allocationId);
    }
}
