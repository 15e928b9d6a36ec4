package io.crmrecon.statement;

/**
 * A customer's answer was stored; once its transaction has committed, the version's process (when it has one) is
 * told with {@code message}.
 */
record StatementAnswered(long statementId, String processInstanceId, String message) {
}
