package io.crmrecon.settlement;

import io.crmrecon.ledger.OpenDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The rules of a settlement, in plain Java: what is owed, by when, and when it is paid. */
final class SettlementTerms {

    /** What the agreed balance comes to after netting: the customer pays, nothing is left, or we refund. */
    enum Owed { PAY, NONE, REFUND }

    private SettlementTerms() {
    }

    /**
     * The receivables a settlement takes: what is open of the agreed statement's items, less those an earlier
     * settlement still waits for (each open item is asked for once; that settlement duns it).
     */
    static List<OpenDocument> items(Collection<OpenDocument> open, Set<Long> inOpenSettlements) {
        return open.stream().filter(d -> d.open().signum() != 0 && !inOpenSettlements.contains(d.documentId()))
                .toList();
    }

    static BigDecimal sum(Collection<OpenDocument> items) {
        return items.stream().map(OpenDocument::open).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Owed owed(BigDecimal net) {
        return switch (net.signum()) {
            case 1 -> Owed.PAY;
            case -1 -> Owed.REFUND;
            default -> Owed.NONE;
        };
    }

    /**
     * Pay by the latest due date of what is owed, but never sooner than {@code minDays} after the request: a
     * request that is overdue the day it arrives is dunning, not a request.
     */
    static LocalDate dueDate(Collection<OpenDocument> items, LocalDate today, int minDays) {
        LocalDate earliest = today.plusDays(minDays);
        return items.stream().filter(d -> d.open().signum() > 0 && d.dueDate() != null).map(OpenDocument::dueDate)
                .max(LocalDate::compareTo).filter(d -> d.isAfter(earliest)).orElse(earliest);
    }

    /**
     * What is still to be paid: the items' open amounts now, less cash of the customer's on account (it pays them
     * once a clerk applies it). Zero or less: settled.
     */
    static BigDecimal outstanding(Collection<BigDecimal> itemsOpen, BigDecimal cashOnAccount) {
        return itemsOpen.stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(cashOnAccount);
    }

    /** Whole days past the due date (0 on the day itself and before). */
    static long daysOverdue(LocalDate dueDate, LocalDate today) {
        return Math.max(0, today.toEpochDay() - dueDate.toEpochDay());
    }
}
