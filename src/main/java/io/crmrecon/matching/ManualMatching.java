package io.crmrecon.matching;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.Allocations;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.NewAllocation;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.ledger.UnappliedTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clerk decides for a payment (task form or workbench): amounts to documents, write-offs, the rest on
 * account. The rules are checked here, once, whatever the way in.
 */
@Service
public class ManualMatching {

    private final LedgerQueries ledger;
    private final Allocations allocations;
    private final MatchingOutcomes outcomes;
    private final MatchingPolicy policy;
    private final Customers customers;
    private final MatchingLock lock;

    ManualMatching(LedgerQueries ledger, Allocations allocations, MatchingOutcomes outcomes, MatchingPolicy policy,
            Customers customers, MatchingLock lock) {
        this.customers = customers;
        this.lock = lock;
        this.ledger = ledger;
        this.allocations = allocations;
        this.outcomes = outcomes;
        this.policy = policy;
    }

    /** A rule the clerk's choice breaks; the message says which, so the person can correct it. */
    public static class RefusedChoice extends RuntimeException {
        RefusedChoice(String message) {
            super(message);
        }
    }

    /** One line of a decision: cash (and a write-off) to a document. */
    public record Line(String documentNo, BigDecimal amount, BigDecimal writeOff) {
    }

    /**
     * Settles the named documents in full, in order, as far as the payment goes; the rest stays on the account of
     * the documents' customer (or of the identified payer when no document is named).
     */
    @Transactional
    public void settleInFull(long transactionId, List<String> documentNos, String user, String note) {
        UnappliedTransaction t = unapplied(transactionId);
        BigDecimal left = t.remaining();
        List<Line> lines = new ArrayList<>();
        for (String no : documentNos) {
            OpenDocument d = open(no, t);
            if (left.signum() <= 0) {
                throw new RefusedChoice("the payment is used up before " + no + "; use the workbench for partial amounts");
            }
            BigDecimal cash = d.open().signum() < 0 ? d.open() : d.open().min(left);
            lines.add(new Line(no, cash, BigDecimal.ZERO));
            left = left.subtract(cash);
        }
        apply(transactionId, lines, user, note);
    }

    /** Applies exactly these lines; whatever is left of the payment goes on account. */
    @Transactional
    public void apply(long transactionId, List<Line> lines, String user, String note) {
        UnappliedTransaction t = unapplied(transactionId);
        Set<String> seen = new HashSet<>();
        BigDecimal cash = BigDecimal.ZERO;
        Long customerId = null;
        List<NewAllocation> out = new ArrayList<>();
        for (Line line : lines) {
            if (!seen.add(line.documentNo())) {
                throw new RefusedChoice(line.documentNo() + " is named twice");
            }
            OpenDocument d = open(line.documentNo(), t);
            if (customerId != null && customerId != d.customerId()) {
                throw new RefusedChoice("one payment settles the documents of one customer; " + line.documentNo()
                        + " belongs to another");
            }
            customerId = d.customerId();
            BigDecimal amount = scaled(line.amount(), t.currency(), line.documentNo() + " amount");
            BigDecimal writeOff = line.writeOff() == null ? BigDecimal.ZERO
                    : scaled(line.writeOff(), t.currency(), line.documentNo() + " write-off");
            int direction = d.open().signum();
            if (amount.signum() != 0 && amount.signum() != direction) {
                throw new RefusedChoice(line.documentNo() + ": the amount must have the sign of the document's open "
                        + "amount " + Money.format(d.open(), d.currency()));
            }
            if (writeOff.signum() < 0 || writeOff.signum() > 0 && direction < 0) {
                throw new RefusedChoice(line.documentNo() + ": a write-off is a positive amount on an invoice or debit note");
            }
            if (amount.add(writeOff).abs().compareTo(d.open().abs()) > 0) {
                throw new RefusedChoice(line.documentNo() + ": " + Money.format(amount.add(writeOff), t.currency())
                        + " is more than its open amount " + Money.format(d.open(), d.currency()));
            }
            if (writeOff.compareTo(tolerance(d.open())) > 0) {
                throw new RefusedChoice(line.documentNo() + ": a write-off of " + Money.format(writeOff, t.currency())
                        + " is over the tolerance of " + Money.format(tolerance(d.open()), t.currency()));
            }
            cash = cash.add(amount);
            out.add(new NewAllocation(transactionId, d.documentId(), d.customerId(), t.currency(), amount, writeOff,
                    NewAllocation.Method.MANUAL, null, null, null, note, user));
        }
        if (cash.compareTo(t.remaining()) > 0) {
            throw new RefusedChoice("the lines add up to " + Money.format(cash, t.currency())
                    + ", more than the payment's " + Money.format(t.remaining(), t.currency()));
        }
        if (cash.signum() < 0) {
            throw new RefusedChoice("the lines add up to less than nothing");
        }
        BigDecimal rest = t.remaining().subtract(cash);
        if (customerId == null) {
            customerId = outcomes.latest(transactionId).customerId();
        }
        if (rest.signum() > 0) {
            if (customerId == null) {
                throw new RefusedChoice("no customer is known for this payment: name its documents (or the customer "
                        + "in the workbench) before leaving money on account");
            }
            out.add(new NewAllocation(transactionId, null, customerId, t.currency(), rest, BigDecimal.ZERO,
                    NewAllocation.Method.MANUAL, null, null, null, note == null ? "left on account" : note, user));
        }
        allocations.record(out);
        outcomes.recordManual(transactionId, customerId);
    }

    /** Leaves the whole payment on the account of a customer the clerk names. */
    @Transactional
    public void leaveOnAccount(long transactionId, long customerId, String user, String note) {
        UnappliedTransaction t = unapplied(transactionId);
        if (customers.byId(customerId).isEmpty()) {
            throw new RefusedChoice("there is no customer " + customerId);
        }
        allocations.record(List.of(new NewAllocation(transactionId, null, customerId, t.currency(), t.remaining(),
                BigDecimal.ZERO, NewAllocation.Method.MANUAL, null, null, null,
                note == null ? "left on account" : note, user)));
        outcomes.recordManual(transactionId, customerId);
    }

    /** Under the matching lock: what is open cannot change until this decision is written. */
    private UnappliedTransaction unapplied(long transactionId) {
        lock.hold();
        return ledger.unappliedTransaction(transactionId).orElseThrow(() -> new RefusedChoice(
                "transaction " + transactionId + " has nothing left to apply (already matched?)"));
    }

    private OpenDocument open(String documentNo, UnappliedTransaction t) {
        OpenDocument d = ledger.openDocument(documentNo).orElseThrow(() -> new RefusedChoice(
                "document " + documentNo + " does not exist or has nothing left open"));
        if (!d.currency().equals(t.currency())) {
            throw new RefusedChoice(documentNo + " is in " + d.currency() + ", the payment in " + t.currency());
        }
        return d;
    }

    private BigDecimal tolerance(BigDecimal open) {
        BigDecimal percent = open.abs().multiply(policy.tolerancePercent()).movePointLeft(2);
        return percent.min(policy.toleranceAbsolute());
    }

    private static BigDecimal scaled(BigDecimal amount, String currency, String what) {
        if (amount == null) {
            throw new RefusedChoice(what + " is missing");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(currency)) {
            throw new RefusedChoice(what + " has more than " + Money.minorDigits(currency) + " decimals");
        }
        return amount;
    }
}
