package io.crmrecon.statement;

import io.crmrecon.ledger.DocumentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A statement's content, frozen when it is generated (CONTRACT.md §4). Amounts are at the currency's minor digits;
 * a line's {@code amount} is its effect on what the customer owes (an invoice positive, a payment negative).
 *
 * <p>It balances: {@code opening + Σ adjustments + Σ lines = closing}, and {@code Σ open items − unapplied cash =
 * closing}. Payables (the customer's bills to us) are outside the closing balance; {@code netPosition} is closing
 * less payables.
 */
record StatementSnapshot(StatementPeriod period, String currency, Instant asOf, BigDecimal openingBalance,
        List<Line> adjustments, List<Line> lines, BigDecimal closingBalance, List<OpenItem> openItems,
        Map<String, BigDecimal> ageing, BigDecimal unappliedCash, List<Line> payables, BigDecimal payablesBalance,
        BigDecimal netPosition) {

    StatementSnapshot {
        adjustments = List.copyOf(adjustments);
        lines = List.copyOf(lines);
        openItems = List.copyOf(openItems);
        ageing = Map.copyOf(ageing);
        payables = List.copyOf(payables);
    }

    enum LineKind {
        INVOICE, DEBIT_NOTE, CREDIT_NOTE, PAYMENT, WRITE_OFF, PAYMENT_REVERSAL, WRITE_OFF_REVERSAL, BILL, NETTING,
        NETTING_REVERSAL;

        static LineKind of(DocumentType type) {
            return valueOf(type.name());
        }
    }

    /**
     * One line: a document, or what one bank payment did (its cash, what was written off with it, a reversal).
     * {@code reference} is the payment's bank reference or the document's own reference; {@code balance} the
     * running balance after it (in the adjustments section: opening plus the adjustments so far).
     */
    record Line(LineKind kind, LocalDate date, String documentNo, String reference, String description,
            LocalDate dueDate, BigDecimal amount, BigDecimal balance, boolean disputed) {
    }

    /** A receivable document still open at the period's end; {@code open} signed (a credit note negative). */
    record OpenItem(String documentNo, DocumentType type, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            BigDecimal open, long daysOverdue, String bucket, boolean disputed) {

        /** Days past due of what the customer owes; a credit waiting to be used (open below zero) is never late. */
        long daysLate() {
            return open.signum() > 0 ? Math.max(daysOverdue, 0) : 0;
        }
    }
}
