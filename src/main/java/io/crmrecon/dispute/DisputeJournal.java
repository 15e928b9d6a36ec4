package io.crmrecon.dispute;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything a dispute did, in order: who decided what and when, the amount, the document it produced, the note. */
@Repository
class DisputeJournal {

    /** What happened to a dispute. */
    enum Action {
        OPENED, ROUTED, PROPOSED_ACCEPT, PROPOSED_REJECT, APPROVED, DECLINED, ESCALATED, ADJUSTED, REJECTED
    }

    record Event(Instant at, String actor, Action action, BigDecimal amount, String documentNo, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DisputeJournal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long disputeId, String actor, Action action, BigDecimal amount, String documentNo, String note) {
        jdbc.sql("INSERT INTO dispute_event (dispute_id, occurred_at, actor, action, amount, document_no, note) "
                        + "VALUES (:dispute, :at, :actor, :action, :amount, :doc, :note)")
                .param("dispute", disputeId)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor == null || actor.isBlank() ? "system" : actor)
                .param("action", action.name())
                .param("amount", amount)
                .param("doc", documentNo)
                .param("note", note)
                .update();
    }

    List<Event> of(long disputeId) {
        return jdbc.sql("SELECT occurred_at, actor, action, amount, document_no, note FROM dispute_event "
                        + "WHERE dispute_id = :dispute ORDER BY id")
                .param("dispute", disputeId)
                .query((rs, i) -> new Event(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        Action.valueOf(rs.getString("action")), rs.getBigDecimal("amount"),
                        rs.getString("document_no"), rs.getString("note")))
                .list();
    }
}
