package io.crmrecon.matching;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.Allocations;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.NewAllocation;
import io.crmrecon.ledger.NonCustomerCategory;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.ledger.UnappliedTransaction;
import io.crmrecon.matching.engine.MatchingPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clerk decides for a payment (task form or workbench): amounts to documents, write-offs, the rest on
 * account, or money that is not a customer's payment. The rules are checked here, once, whatever the way in.
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

    /**
     * A rule the clerk's choice breaks: a message code of the matching bundle and its arguments, so that the person
     * reads which rule in their language and can correct the choice.
     */
    public static class RefusedChoice extends RuntimeException {
        private final String code;
        private final Object[] args;

        RefusedChoice(String code, Object... args) {
            super(code + " " + Arrays.toString(args));
            this.code = code;
            this.args = args.clone();
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** One line of a decision: cash (and a write-off) to a document. */
    public record Line(String documentNo, BigDecimal amount, BigDecimal writeOff) {
    }

    /** Carries out a clerk's choice; refused choices store nothing. */
    @Transactional
    public void decide(long transactionId, ManualChoice choice, String user) {
        if (choice.kind() == ManualChoice.Kind.NON_CUSTOMER) {
            bookNonCustomer(transactionId, choice.category(), user, choice.note());
            return;
        }
        Long named = namedCustomer(choice.customerId(), choice.customerCode());
        switch (choice.kind()) {
            case LINES -> apply(transactionId, choice.lines(), named, user, choice.note());
            case SETTLE_IN_FULL -> settleInFull(transactionId, choice.documentNos(), named, user, choice.note());
            default -> apply(transactionId, List.of(), named, user, choice.note());
        }
    }

    /**
     * Settles the named documents in full, in order, as far as the payment goes; the rest stays on the account of
     * the documents' customer.
     */
    @Transactional
    public void settleInFull(long transactionId, List<String> documentNos, Long namedCustomerId, String user,
            String note) {
        UnappliedTransaction t = unapplied(transactionId);
        BigDecimal left = t.remaining();
        List<Line> lines = new ArrayList<>();
        for (String no : documentNos) {
            OpenDocument d = open(no, t);
            if (left.signum() <= 0) {
                throw new RefusedChoice("matching.refused.usedUp", no);
            }
            BigDecimal cash = d.open().signum() < 0 ? d.open() : d.open().min(left);
            lines.add(new Line(no, cash, BigDecimal.ZERO));
            left = left.subtract(cash);
        }
        apply(transactionId, lines, namedCustomerId, user, note);
    }

    /**
     * Applies exactly these lines; whatever is left of the payment goes on account of the documents' customer, else
     * the one the clerk named, else the one matching identified — never of nobody.
     */
    @Transactional
    public void apply(long transactionId, List<Line> lines, Long namedCustomerId, String user, String note) {
        UnappliedTransaction t = unapplied(transactionId);
        Set<String> seen = new HashSet<>();
        BigDecimal cash = BigDecimal.ZERO;
        Long documentsCustomer = null;
        // whom matching identified the payer as (by account or name); asked once, only when no customer is named
        Long identified = namedCustomerId == null && !lines.isEmpty() ? outcomes.latest(transactionId).customerId()
                : null;
        List<NewAllocation> out = new ArrayList<>();
        for (Line line : lines) {
            if (!seen.add(line.documentNo())) {
                throw new RefusedChoice("matching.refused.namedTwice", line.documentNo());
            }
            OpenDocument d = open(line.documentNo(), t);
            if (documentsCustomer != null && documentsCustomer != d.customerId()) {
                throw new RefusedChoice("matching.refused.otherCustomer", line.documentNo());
            }
            if (namedCustomerId != null && namedCustomerId != d.customerId()) {
                throw new RefusedChoice("matching.refused.notOfNamedCustomer", line.documentNo(),
                        code(d.customerId()), code(namedCustomerId));
            }
            // a number keyed one digit wrong may be another customer's invoice: paying for someone else is a choice
            // the clerk makes by naming that customer, never what a typo does
            if (identified != null && identified != d.customerId()) {
                throw new RefusedChoice("matching.refused.notOfIdentifiedCustomer", line.documentNo(),
                        code(d.customerId()), code(identified));
            }
            documentsCustomer = d.customerId();
            Line checked = checkLine(line, d, t.currency(), tolerance(d.open()));
            cash = cash.add(checked.amount());
            out.add(new NewAllocation(transactionId, d.documentId(), d.customerId(), t.currency(), checked.amount(),
                    checked.writeOff(), NewAllocation.Method.MANUAL, null, null, null, note, user));
        }
        checkTotal(cash, t.remaining(), t.currency());
        BigDecimal rest = t.remaining().subtract(cash);
        Long customerId = onAccountOf(rest, documentsCustomer, namedCustomerId,
                () -> identified != null ? identified : outcomes.latest(transactionId).customerId());
        if (rest.signum() > 0) {
            out.add(new NewAllocation(transactionId, null, customerId, t.currency(), rest, BigDecimal.ZERO,
                    NewAllocation.Method.MANUAL, null, null, null, note == null ? "left on account" : note, user));
        }
        allocations.record(out);
        outcomes.recordManual(transactionId, customerId);
    }

    /**
     * Books what is left of the transaction as money that is not a customer's payment: no customer, no document,
     * the category and the note. The transaction counts as applied; no customer's balance moves.
     */
    @Transactional
    public void bookNonCustomer(long transactionId, NonCustomerCategory category, String user, String note) {
        UnappliedTransaction t = unapplied(transactionId);
        allocations.record(List.of(NewAllocation.nonCustomer(transactionId, t.currency(), t.remaining(),
                Objects.requireNonNull(category, "category"), note, user)));
        outcomes.recordManual(transactionId, null);
    }

    // ------------------------------------------------------------------ the rules, in plain Java

    /**
     * One line against its document: amounts at the currency's digits, cash with the sign of what is open, a
     * write-off only on an invoice or debit note and within the tolerance, together no more than what is open.
     */
    static Line checkLine(Line line, OpenDocument d, String currency, BigDecimal tolerance) {
        String no = line.documentNo();
        BigDecimal amount = scaled(line.amount(), currency, no);
        BigDecimal writeOff = line.writeOff() == null ? BigDecimal.ZERO : scaled(line.writeOff(), currency, no);
        int direction = d.open().signum();
        if (amount.signum() != 0 && amount.signum() != direction) {
            throw new RefusedChoice("matching.refused.sign", no, Money.format(d.open(), d.currency()));
        }
        if (writeOff.signum() < 0 || writeOff.signum() > 0 && direction < 0) {
            throw new RefusedChoice("matching.refused.writeOffKind", no);
        }
        if (amount.add(writeOff).abs().compareTo(d.open().abs()) > 0) {
            throw new RefusedChoice("matching.refused.moreThanOpen", no, Money.format(amount.add(writeOff), currency),
                    Money.format(d.open(), d.currency()));
        }
        if (writeOff.compareTo(tolerance) > 0) {
            throw new RefusedChoice("matching.refused.overTolerance", no, Money.format(writeOff, currency),
                    Money.format(tolerance, currency));
        }
        if (amount.signum() == 0 && writeOff.signum() == 0) {
            throw new RefusedChoice("matching.refused.emptyLine", no);
        }
        return new Line(no, amount, writeOff);
    }

    /** The lines together: never more than the payment, never less than nothing. */
    static void checkTotal(BigDecimal cash, BigDecimal payment, String currency) {
        if (cash.compareTo(payment) > 0) {
            throw new RefusedChoice("matching.refused.moreThanPayment", Money.format(cash, currency),
                    Money.format(payment, currency));
        }
        if (cash.signum() < 0) {
            throw new RefusedChoice("matching.refused.negative", Money.format(cash, currency));
        }
    }

    /**
     * Whose account a payment's rest goes to: the documents' customer, else the one the clerk named, else the one
     * matching identified. Money on account of nobody is refused; with nothing left over, nobody is needed.
     */
    static Long onAccountOf(BigDecimal rest, Long documentsCustomer, Long namedCustomer,
            java.util.function.Supplier<Long> identified) {
        Long customer = documentsCustomer != null ? documentsCustomer
                : namedCustomer != null ? namedCustomer : identified.get();
        if (customer == null && rest.signum() > 0) {
            throw new RefusedChoice("matching.refused.nobodyOnAccount");
        }
        return customer;
    }

    // ------------------------------------------------------------------ lookups

    /** The customer the clerk named by id and/or code (they must agree), or null for none. */
    private Long namedCustomer(Long id, String code) {
        Long byId = null;
        if (id != null) {
            byId = customers.byId(id).map(Customer::getId).orElseThrow(
                    () -> new RefusedChoice("matching.refused.noCustomer", id.toString()));
        }
        if (code == null) {
            return byId;
        }
        Customer byCode = customers.byCode(code).orElseThrow(
                () -> new RefusedChoice("matching.refused.noCustomerCode", code));
        if (byId != null && !byId.equals(byCode.getId())) {
            throw new RefusedChoice("matching.refused.twoCustomers", code);
        }
        return byCode.getId();
    }

    private String code(long customerId) {
        return customers.byId(customerId).map(Customer::getCustomerCode).orElse(Long.toString(customerId));
    }

    /** Under the matching lock: what is open cannot change until this decision is written. */
    private UnappliedTransaction unapplied(long transactionId) {
        lock.hold();
        return ledger.unappliedTransaction(transactionId).orElseThrow(
                () -> new RefusedChoice("matching.refused.nothingLeft", Long.toString(transactionId)));
    }

    private OpenDocument open(String documentNo, UnappliedTransaction t) {
        OpenDocument d = ledger.openDocument(documentNo).orElseThrow(
                () -> new RefusedChoice("matching.refused.noDocument", documentNo));
        if (!d.currency().equals(t.currency())) {
            throw new RefusedChoice("matching.refused.currency", documentNo, d.currency(), t.currency());
        }
        return d;
    }

    private BigDecimal tolerance(BigDecimal open) {
        BigDecimal percent = open.abs().multiply(policy.tolerancePercent()).movePointLeft(2);
        return percent.min(policy.toleranceAbsolute());
    }

    private static BigDecimal scaled(BigDecimal amount, String currency, String documentNo) {
        if (amount == null) {
            throw new RefusedChoice("matching.refused.missing", documentNo);
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(currency)) {
            throw new RefusedChoice("matching.refused.decimals", documentNo, Integer.toString(Money.minorDigits(currency)));
        }
        return amount;
    }
}
