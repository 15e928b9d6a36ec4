package io.crmrecon.statement;

/**
 * A {@code customerStatement} instance hands its version's open dispute over to be handled (published inside the
 * instance's job, so whoever opens the dispute does so in that transaction, and a failure is retried).
 */
public record StatementDisputed(long statementId, String statementProcessInstanceId) {
}
