package io.crmrecon.settlement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A settlement's items (what it asks to be paid) and everything it did, in order: who, when, what, how much. */
@Repository
class SettlementJournal {

    enum Action {
        OPENED, NETTED, REQUESTED, DUNNED, PROMISED, PAID_CLAIMED, ESCALATED, WRITE_OFF_REQUESTED, SETTLED, REFUNDED,
        CREDIT_KEPT
    }

    record Event(Instant at, String actor, Action action, BigDecimal amount, String note) {
    }

    record Item(long documentId, String documentNo, LocalDate dueDate, BigDecimal openAmount) {
    }

    /** settlement_event.note */
    private static final int NOTE_MAX = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SettlementJournal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long settlementId, String actor, Action action, BigDecimal amount, String note) {
        jdbc.sql("INSERT INTO settlement_event (settlement_id, occurred_at, actor, action, amount, note) "
                        + "VALUES (:settlement, :at, :actor, :action, :amount, :note)")
                .param("settlement", settlementId)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor == null || actor.isBlank() ? "system" : actor)
                .param("action", action.name())
                .param("amount", amount)
                .param("note", note == null || note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX - 1) + "…")
                .update();
    }

    List<Event> of(long settlementId) {
        return jdbc.sql("SELECT occurred_at, actor, action, amount, note FROM settlement_event "
                        + "WHERE settlement_id = :settlement ORDER BY id")
                .param("settlement", settlementId)
                .query((rs, i) -> new Event(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        Action.valueOf(rs.getString("action")), rs.getBigDecimal("amount"), rs.getString("note")))
                .list();
    }

    void addItem(long settlementId, Item item) {
        jdbc.sql("INSERT INTO settlement_item (settlement_id, document_id, document_no, due_date, open_amount) "
                        + "VALUES (:settlement, :document, :no, :due, :open)")
                .param("settlement", settlementId).param("document", item.documentId())
                .param("no", item.documentNo()).param("due", item.dueDate()).param("open", item.openAmount())
                .update();
    }

    /**
     * The documents another settlement of the customer in this currency already answers for: one waiting for the
     * money or a refund, one refunded (the refund is not a ledger entry, so its credit would be refunded twice), one
     * whose rest a clerk asked to write off.
     */
    Set<Long> documentsAwaited(long customerId, String currency) {
        return new HashSet<>(jdbc.sql("SELECT i.document_id FROM settlement_item i JOIN settlement s "
                        + "ON s.id = i.settlement_id WHERE s.customer_id = :customer AND s.currency = :currency "
                        + "AND s.status IN ('OPEN', 'REFUND_DUE', 'REFUNDED', 'WRITE_OFF_REQUESTED')")
                .param("customer", customerId).param("currency", currency)
                .query(Long.class).list());
    }

    /**
     * Holds the settlement's row until the transaction ends: the step that starts a wait for the money and the
     * matching side that tells of it take it in turn, so the money is either seen by the one or finds the other.
     */
    void lock(long settlementId) {
        jdbc.sql("SELECT id FROM settlement WHERE id = :id FOR UPDATE").param("id", settlementId).query(Long.class)
                .list();
    }

    /** The items of each of these settlements. */
    Map<Long, List<Item>> itemsOf(Collection<Long> settlementIds) {
        Map<Long, List<Item>> out = new HashMap<>();
        List<Long> ids = List.copyOf(settlementIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("SELECT settlement_id, document_id, document_no, due_date, open_amount FROM settlement_item "
                            + "WHERE settlement_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong("settlement_id"), k -> new ArrayList<>()).add(new Item(
                                rs.getLong("document_id"), rs.getString("document_no"),
                                rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("open_amount")));
                    });
        }
        return out;
    }

    /** As they were when the settlement was opened. */
    List<Item> items(long settlementId) {
        return jdbc.sql("SELECT document_id, document_no, due_date, open_amount FROM settlement_item "
                        + "WHERE settlement_id = :settlement ORDER BY due_date, document_no")
                .param("settlement", settlementId)
                .query((rs, i) -> new Item(rs.getLong("document_id"), rs.getString("document_no"),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("open_amount")))
                .list();
    }
}
