package io.crmrecon.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a dispute needs of the statement it disputes: the version's open dispute as the customer gave it, and the
 * message with which {@code disputeHandling} tells the statement's instance the outcome (CONTRACT.md §6).
 */
@Service
@Transactional(readOnly = true)
public class StatementDisputes {

    /** The message a {@code customerStatement} instance waits for after a dispute. */
    public static final String RESOLVED_MESSAGE = StatementMessages.DISPUTE_RESOLVED;
    /** Its variables: {@code ACCEPTED} (a new version follows) or {@code REJECTED}, and the note for the customer. */
    public static final String OUTCOME = StatementProcessVariables.DISPUTE_OUTCOME;
    public static final String RESOLUTION_NOTE = StatementProcessVariables.RESOLUTION_NOTE;
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    /** A disputed line: what the statement shows and, when the customer gave one, the amount it believes. */
    public record Line(String documentNo, BigDecimal amount, BigDecimal claimedAmount) {
    }

    /** A dispute the customer gave on a version, open or decided. {@code period} as {@code 2026-10}. */
    public record CustomerDispute(long statementId, long answerId, String statementNo, int version, long customerId,
            String currency, String period, String reason, String comment, List<Line> lines) {

        /** What the disputed lines show, together. */
        public BigDecimal disputedAmount() {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /**
         * How much less the customer believes it owes on the lines it gave an amount for (negative: more); null
         * when it gave none.
         */
        public BigDecimal claimedDifference() {
            return lines.stream().filter(l -> l.claimedAmount() != null)
                    .map(l -> l.amount().subtract(l.claimedAmount()))
                    .reduce(BigDecimal::add).orElse(null);
        }
    }

    private final JdbcClient jdbc;
    private final StatementRepository repository;

    StatementDisputes(JdbcClient jdbc, StatementRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** The version's open dispute, if it has one (none once it was confirmed, or a rejected dispute was closed). */
    public Optional<CustomerDispute> openDispute(long statementId) {
        return jdbc.sql("SELECT id FROM statement_answer WHERE open_for = :id AND kind = 'DISPUTED'")
                .param("id", statementId)
                .query(Long.class)
                .optional()
                .flatMap(this::dispute);
    }

    private record Answer(long statementId, String reason, String comment) {
    }

    /** A dispute the customer gave, open or not, by its answer's id. */
    public Optional<CustomerDispute> dispute(long answerId) {
        return jdbc.sql("SELECT statement_id, reason, comment FROM statement_answer "
                        + "WHERE id = :id AND kind = 'DISPUTED'")
                .param("id", answerId)
                .query((rs, i) -> new Answer(rs.getLong("statement_id"), rs.getString("reason"),
                        rs.getString("comment")))
                .optional()
                .flatMap(answer -> repository.findById(answer.statementId()).map(statement -> new CustomerDispute(
                        statement.id(), answerId, statement.statementNo(), statement.version(),
                        statement.customerId(), statement.currency(), statement.period().toString(), answer.reason(),
                        answer.comment(), lines(answerId))));
    }

    private List<Line> lines(long answerId) {
        return jdbc.sql("SELECT document_no, amount, claimed_amount FROM statement_answer_line "
                        + "WHERE answer_id = :answer ORDER BY line_no")
                .param("answer", answerId)
                .query((rs, i) -> new Line(rs.getString("document_no"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("claimed_amount")))
                .list();
    }
}
