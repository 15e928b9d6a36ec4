package io.crmrecon.statement;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The customer's answers to a version — confirm or dispute, one open outcome at a time — and the evidence each
 * keeps. The process asks here before it waits, so an answer given before it got there is never lost.
 */
@Service
class StatementAnswers {

    /**
     * The open outcome of a version ({@code CONFIRMED}, {@code DEEMED_CONFIRMED} or {@code DISPUTED}), if it has
     * one. Locks the statement's row until the caller's transaction ends, so an answer being committed at the same
     * moment is either seen here or correlated after this transaction has reached its wait.
     */
    Optional<StatementStatus> outcome(long statementId) {
        throw new UnsupportedOperationException("answers are being built");
    }

    /**
     * Nobody answered by the day the answer was due and the customer's silence counts as agreement: records
     * {@code DEEMED_CONFIRMED} as of that day. False when an answer came first (nothing is recorded then).
     */
    boolean deem(long statementId, LocalDate ranOutOn) {
        throw new UnsupportedOperationException("answers are being built");
    }

    /** The dispute was rejected: the version is open for an answer again (SENT), the reason kept for the customer. */
    void reopen(long statementId, String reason) {
        throw new UnsupportedOperationException("answers are being built");
    }
}
