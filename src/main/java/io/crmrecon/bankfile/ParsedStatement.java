package io.crmrecon.bankfile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One statement (camt {@code Stmt}, camt.054 {@code Ntfctn}, MT940 {@code :20:} block; a CSV file is one
 * statement). Account and currency are null when a CSV mixes several; balances are null when the file has none.
 *
 * @param entriesTotal the signed sum of the booked entries as the file states them (a camt entry split into its
 *                     transaction details counts at the entry's amount)
 * @param notBooked    camt entries the file gives only as pending or for information ({@code PDNG}, {@code INFO}):
 *                     not imported, as the same money comes again booked
 */
public record ParsedStatement(
        String statementId,
        String account,
        String currency,
        BigDecimal openingBalance,
        BigDecimal closingBalance,
        List<ParsedTransaction> transactions,
        BigDecimal entriesTotal,
        int notBooked) {

    public ParsedStatement {
        transactions = List.copyOf(transactions);
        if (entriesTotal == null) {
            entriesTotal = transactions.stream().map(ParsedTransaction::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }
    }

    /** The entries are the transactions, as in MT940 and CSV. */
    public ParsedStatement(String statementId, String account, String currency, BigDecimal openingBalance,
            BigDecimal closingBalance, List<ParsedTransaction> transactions) {
        this(statementId, account, currency, openingBalance, closingBalance, transactions, null, 0);
    }

    /**
     * By how much the closing balance differs from the opening balance plus the entries (closing minus what the
     * entries add up to); zero when they agree, null when the statement lacks either balance.
     */
    public BigDecimal difference() {
        if (openingBalance == null || closingBalance == null) {
            return null;
        }
        return closingBalance.subtract(openingBalance.add(entriesTotal));
    }

    /** Opening balance plus the entries: where the closing balance should be. */
    public BigDecimal expectedClosing() {
        return openingBalance == null ? null : openingBalance.add(entriesTotal);
    }
}
