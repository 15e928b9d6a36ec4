package io.crmrecon.bankfile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One statement (camt {@code Stmt}, camt.054 {@code Ntfctn}, MT940 {@code :20:} block; a CSV file is one
 * statement). Account and currency are null when a CSV mixes several; balances are null when the file has none.
 */
public record ParsedStatement(
        String statementId,
        String account,
        String currency,
        BigDecimal openingBalance,
        BigDecimal closingBalance,
        List<ParsedTransaction> transactions) {

    public ParsedStatement {
        transactions = List.copyOf(transactions);
    }
}
