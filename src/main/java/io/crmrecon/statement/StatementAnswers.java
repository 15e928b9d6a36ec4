package io.crmrecon.statement;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's answers to a version — confirm or dispute, one open outcome at a time — and the evidence each
 * keeps. The process asks here before it waits, so an answer given before it got there is never lost.
 *
 * <p>Every change locks the statement's row first, so two answers to one version (a double click, two tabs) take
 * turns: the second sees the first. The database's unique {@code open_for} holds the rule even without the lock.
 */
@Service
class StatementAnswers {

    static final String CUSTOMER = "customer";
    static final String SYSTEM = "system";

    /** What became of an answer the customer gave. */
    enum Result {
        /** stored now */
        RECORDED,
        /** the version was confirmed (or deemed so) before: nothing stored */
        ALREADY_CONFIRMED,
        /** the version was disputed before: nothing stored */
        ALREADY_DISPUTED,
        /** the version is not open for an answer (not sent yet, failed, superseded, closed): nothing stored */
        NOT_OPEN
    }

    /** Who answered, as the request shows it: name and title as typed (optional), the client's address and agent. */
    record Evidence(String confirmerName, String confirmerTitle, String clientIp, String userAgent) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;
    private final StatementRepository repository;
    private final Statements statements;
    private final StatementAnswerHandler delivery;
    private final TransactionTemplate transaction;
    private final StatementSnapshots snapshots;
    private final Clock clock;

    StatementAnswers(JdbcClient jdbc, StatementRepository repository, Statements statements,
            StatementAnswerHandler delivery, PlatformTransactionManager transactions, StatementSnapshots snapshots,
            Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.statements = statements;
        this.delivery = delivery;
        this.transaction = new TransactionTemplate(transactions);
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** An answer as its transaction ends: what became of it, and the message for the process (null: none). */
    private record Stored(Result result, StatementAnswered message) {
    }

    /**
     * The customer agrees with the version: stored with the evidence, the status CONFIRMED; once that has committed,
     * the process is told. Called with no transaction open.
     */
    Result confirm(long statementId, Evidence evidence) {
        DisputeRules.checkConfirmer(evidence.confirmerName(), evidence.confirmerTitle());
        return delivered(inTransaction(() -> {
            Statement statement = locked(statementId);
            Result refused = refusal(statement);
            if (refused != null) {
                return new Stored(refused, null);
            }
            insert(statement, "CONFIRMED", evidence, null, null, null);
            return new Stored(Result.RECORDED,
                    answered(statement, StatementStatus.CONFIRMED, null, StatementMessages.CONFIRMED));
        }));
    }

    /**
     * The customer disagrees with lines of the version: stored with the evidence, the status DISPUTED; once that has
     * committed, the process is told. A form that is not a dispute throws {@link AnswerInputException} and stores
     * nothing. Called with no transaction open.
     */
    Result dispute(long statementId, DisputeRules.Request form, Evidence evidence) {
        return delivered(inTransaction(() -> disputeStored(statementId, form, evidence)));
    }

    private Stored disputeStored(long statementId, DisputeRules.Request form, Evidence evidence) {
        Statement statement = locked(statementId);
        Result refused = refusal(statement);
        if (refused != null) {
            return new Stored(refused, null);
        }
        DisputeRules.Dispute dispute = DisputeRules.parse(form, snapshots.of(statement));
        long answerId = insert(statement, "DISPUTED", evidence, dispute.reason(), dispute.comment(), null);
        int n = 0;
        for (DisputeRules.DisputedLine line : dispute.lines()) {
            jdbc.sql("INSERT INTO statement_answer_line (answer_id, line_no, document_no, amount, claimed_amount) "
                            + "VALUES (:answer, :n, :doc, :amount, :claimed)")
                    .param("answer", answerId)
                    .param("n", ++n)
                    .param("doc", line.documentNo())
                    .param("amount", line.amount())
                    .param("claimed", line.claimedAmount())
                    .update();
        }
        return new Stored(Result.RECORDED,
                answered(statement, StatementStatus.DISPUTED, dispute.reason().name(), StatementMessages.DISPUTED));
    }

    private Stored inTransaction(Supplier<Stored> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the process would hear of an answer that may still roll back, and the caller's connection be held
            throw new IllegalStateException("a customer's answer is stored in a transaction of its own");
        }
        return transaction.execute(status -> work.get());
    }

    private Result delivered(Stored stored) {
        if (stored.message() != null) {
            delivery.deliver(stored.message());
        }
        return stored.result();
    }

    /**
     * The open outcome of a version ({@code CONFIRMED}, {@code DEEMED_CONFIRMED} or {@code DISPUTED}), if it has
     * one. Locks the statement's row until the caller's transaction ends, so an answer being committed at the same
     * moment is either seen here or correlated after this transaction has reached its wait.
     */
    @Transactional
    Optional<StatementStatus> outcome(long statementId) {
        lock(statementId);
        return openKind(statementId).map(StatementStatus::valueOf);
    }

    /**
     * Nobody answered by the day the answer was due and the customer's silence counts as agreement: records
     * {@code DEEMED_CONFIRMED} as of that day. False when an answer came first (nothing is recorded then).
     */
    @Transactional
    boolean deem(long statementId, LocalDate ranOutOn) {
        Statement statement = locked(statementId);
        if (refusal(statement) != null) {
            return false;
        }
        insert(statement, "DEEMED_CONFIRMED", new Evidence(null, null, null, null), null, null, ranOutOn);
        statements.move(statementId, StatementStatus.DEEMED_CONFIRMED, SYSTEM, ranOutOn.toString())
                .answered(clock.instant());
        return true;
    }

    /** The dispute was rejected: the version is open for an answer again (SENT), the reason kept for the customer. */
    @Transactional
    void reopen(long statementId, String reason) {
        Statement statement = locked(statementId);
        int closed = closeDispute(statementId, reason);
        if (closed == 0 && statement.status() != StatementStatus.DISPUTED) {
            throw new IllegalStateException("statement " + statement.statementNo() + " v" + statement.version()
                    + " has no open dispute to reopen");
        }
        statements.move(statementId, StatementStatus.SENT, SYSTEM, reason).answered(null);
    }

    /**
     * The version's open dispute was decided: closed, with the note the customer is told (the reason of a
     * rejection, or the investigator's note on an accepted one, which the new version's mail carries). How many
     * were closed: none when a retried step closed it before.
     */
    int closeDispute(long statementId, String note) {
        return jdbc.sql("UPDATE statement_answer SET open_for = NULL, closed_at = :at, close_note = :note "
                        + "WHERE open_for = :id AND kind = 'DISPUTED'")
                .param("at", Timestamp.from(clock.instant()))
                .param("note", note)
                .param("id", statementId)
                .update();
    }

    /**
     * The customer's documents that a dispute still waiting for its outcome names (the open disputed answer of a
     * version that is still DISPUTED): its statements mark them.
     */
    java.util.Set<String> disputedDocumentNos(long customerId, String currency) {
        return java.util.Set.copyOf(jdbc.sql("SELECT DISTINCT l.document_no FROM statement_answer_line l "
                        + "JOIN statement_answer a ON a.id = l.answer_id JOIN statement s ON s.id = a.statement_id "
                        + "WHERE s.customer_id = :customer AND s.currency = :currency AND s.status = 'DISPUTED' "
                        + "AND a.open_for IS NOT NULL AND a.kind = 'DISPUTED'")
                .param("customer", customerId).param("currency", currency)
                .query(String.class).list());
    }

    /** A dispute of a version that was decided: what the customer is told ({@code note} may be null). */
    public record ClosedDispute(String note) {
    }

    /**
     * For a version issued because a dispute on the one before was accepted: that dispute, with the note the
     * customer is told. Empty for a first version.
     */
    Optional<ClosedDispute> replacedDispute(Statement statement) {
        if (statement.version() < 2) {
            return Optional.empty();
        }
        return repository.findByStatementNoAndVersion(statement.statementNo(), statement.version() - 1)
                .flatMap(previous -> lastClosedDispute(previous.id()));
    }

    /** The version's most recently closed dispute, if it has one. */
    Optional<ClosedDispute> lastClosedDispute(long statementId) {
        return lastClosedDispute(statementId, null);
    }

    /** The same, only if it was closed after {@code after} (null: whenever). */
    Optional<ClosedDispute> lastClosedDispute(long statementId, Instant after) {
        return jdbc.sql("SELECT close_note, closed_at FROM statement_answer WHERE statement_id = :id "
                        + "AND kind = 'DISPUTED' AND closed_at IS NOT NULL ORDER BY closed_at DESC, id DESC")
                .param("id", statementId)
                .query((rs, i) -> after != null && !rs.getTimestamp("closed_at").toInstant().isAfter(after) ? null
                        : new ClosedDispute(rs.getString("close_note")))
                .list().stream().limit(1).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Every answer to a version, oldest first, with its dispute lines: the evidence the staff page shows. */
    @Transactional(readOnly = true)
    List<StatementAnswer> answers(long statementId) {
        Statement statement = repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
        String currency = statement.currency();
        Map<Long, List<StatementAnswer.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("SELECT l.answer_id, l.document_no, l.amount, l.claimed_amount FROM statement_answer_line l "
                        + "JOIN statement_answer a ON a.id = l.answer_id WHERE a.statement_id = :id "
                        + "ORDER BY l.answer_id, l.line_no")
                .param("id", statementId)
                .query((rs, i) -> {
                    BigDecimal claimed = rs.getBigDecimal("claimed_amount");
                    lines.computeIfAbsent(rs.getLong("answer_id"), k -> new ArrayList<>())
                            .add(new StatementAnswer.Line(rs.getString("document_no"),
                                    Money.display(rs.getBigDecimal("amount"), currency),
                                    claimed == null ? "" : Money.display(claimed, currency)));
                    return null;
                })
                .list();
        String closing = Money.display(statement.closingBalance(), currency);
        return jdbc.sql("SELECT * FROM statement_answer WHERE statement_id = :id ORDER BY id")
                .param("id", statementId)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    java.sql.Date ranOut = rs.getDate("ran_out_on");
                    return new StatementAnswer(id, statement.statementNo(), statement.version(), currency, closing,
                            rs.getString("kind"), time(rs.getObject("answered_at", OffsetDateTime.class)),
                            rs.getString("confirmer_name"), rs.getString("confirmer_title"),
                            rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("pdf_sha256"),
                            rs.getString("reason"), rs.getString("comment"),
                            ranOut == null ? null : ranOut.toLocalDate().toString(),
                            time(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("close_note"),
                            rs.getObject("open_for") != null, lines.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** The version's open answer, if it has one. */
    Optional<StatementAnswer> open(long statementId) {
        return answers(statementId).stream().filter(StatementAnswer::open).findFirst();
    }

    /** Why the version cannot take an answer now, or null when it can. */
    private Result refusal(Statement statement) {
        Optional<String> open = openKind(statement.id());
        if (open.isPresent()) {
            return open.get().equals("DISPUTED") ? Result.ALREADY_DISPUTED : Result.ALREADY_CONFIRMED;
        }
        return statement.status() == StatementStatus.SENT ? null : Result.NOT_OPEN;
    }

    private StatementAnswered answered(Statement statement, StatementStatus status, String note, String message) {
        statements.move(statement.id(), status, CUSTOMER, note).answered(clock.instant());
        return statement.processInstanceId() == null ? null
                : new StatementAnswered(statement.id(), statement.processInstanceId(), message);
    }

    private long insert(Statement statement, String kind, Evidence e, DisputeReason reason, String comment,
            LocalDate ranOutOn) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO statement_answer (statement_id, kind, answered_at, confirmer_name, confirmer_title, "
                        + "client_ip, user_agent, pdf_sha256, reason, comment, ran_out_on, open_for) "
                        + "VALUES (:id, :kind, :at, :name, :title, :ip, :agent, :sha, :reason, :comment, :ranOut, :id)")
                .param("id", statement.id())
                .param("kind", kind)
                .param("at", Timestamp.from(clock.instant()))
                .param("name", DisputeRules.blankToNull(e.confirmerName()))
                .param("title", DisputeRules.blankToNull(e.confirmerTitle()))
                .param("ip", cut(e.clientIp(), 64))
                .param("agent", cut(e.userAgent(), 500))
                .param("sha", statement.pdfSha256())
                .param("reason", reason == null ? null : reason.name())
                .param("comment", comment)
                .param("ranOut", ranOutOn == null ? null : java.sql.Date.valueOf(ranOutOn))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private Optional<String> openKind(long statementId) {
        return jdbc.sql("SELECT kind FROM statement_answer WHERE open_for = :id")
                .param("id", statementId)
                .query(String.class)
                .optional();
    }

    private Statement locked(long statementId) {
        lock(statementId);
        return repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
    }

    private void lock(long statementId) {
        jdbc.sql("SELECT id FROM statement WHERE id = :id FOR UPDATE").param("id", statementId).query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
    }

    private String time(OffsetDateTime at) {
        return at == null ? null : TIME.format(at.atZoneSameInstant(clock.getZone()));
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
