package io.crmrecon.statement;

/**
 * A {@code customerStatement} instance ended with the customer's agreement (confirmed, deemed confirmed when the
 * answer period ended, or deemed confirmed by a clerk): published inside the instance's last transaction, so that
 * what follows (a settlement) starts in the same commit or not at all.
 */
public record StatementAgreed(long statementId) {
}
