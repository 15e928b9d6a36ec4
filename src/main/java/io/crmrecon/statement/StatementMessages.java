package io.crmrecon.statement;

/** The names of the BPMN messages a {@code customerStatement} instance waits for (CONTRACT.md §6). */
final class StatementMessages {

    /** The customer confirmed the version the instance sent (correlated after the answer is committed). */
    static final String CONFIRMED = "statementConfirmed";
    /** The customer disputed lines of that version. */
    static final String DISPUTED = "statementDisputed";
    /**
     * {@code disputeHandling} decided the dispute: variable {@code disputeOutcome} {@code ACCEPTED} (a new
     * version follows) or {@code REJECTED} (the version is open for an answer again).
     */
    static final String DISPUTE_RESOLVED = "disputeResolved";

    private StatementMessages() {
    }
}
