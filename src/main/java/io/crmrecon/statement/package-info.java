/**
 * Statements (对账单): a customer's frozen snapshot for one calendar month and currency — opening balance, the
 * period's lines with a running balance, prior-period adjustments, closing balance, payables and the net position,
 * open items with their ageing — and, as they are built, its rendering, tokens, the customer's pages and the
 * processes that send it and wait for the answer. Reads the ledger through its public types.
 */
package io.crmrecon.statement;
