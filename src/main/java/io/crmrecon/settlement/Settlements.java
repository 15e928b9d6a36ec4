package io.crmrecon.settlement;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.Nettings;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.matching.MatchingLock;
import io.crmrecon.settlement.SettlementJournal.Action;
import io.crmrecon.settlement.SettlementJournal.Item;
import io.crmrecon.statement.AgreedStatements;
import io.crmrecon.statement.AgreedStatements.AgreedStatement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens settlements of agreed statements, tells whether they are paid, and records what happens to them. */
@Service
@Transactional
class Settlements {

    static final String NUMBER_PREFIX = "SET-";

    private final SettlementRepository repository;
    private final SettlementJournal journal;
    private final AgreedStatements statements;
    private final Customers customers;
    private final LedgerQueries ledger;
    private final Nettings nettings;
    private final MatchingLock applyingMoney;
    private final SettlementSettings settings;
    private final Clock clock;

    Settlements(SettlementRepository repository, SettlementJournal journal, AgreedStatements statements,
            Customers customers, LedgerQueries ledger, Nettings nettings, MatchingLock applyingMoney,
            SettlementSettings settings, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.statements = statements;
        this.customers = customers;
        this.ledger = ledger;
        this.nettings = nettings;
        this.applyingMoney = applyingMoney;
        this.settings = settings;
        this.clock = clock;
    }

    static String numberOf(String statementNo) {
        return NUMBER_PREFIX + statementNo;
    }

    /**
     * The settlement of the agreed statement, opened now: its receivables (what is open of the period and before),
     * the customer's bills netted against them where the customer allows it, cash on account counted, the due
     * date. Opening it again (a retried step) returns the one opened before.
     */
    Settlement open(long statementId) {
        AgreedStatement s = statements.of(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
        String no = numberOf(s.statementNo());
        var existing = repository.findBySettlementNo(no);
        if (existing.isPresent()) {
            return existing.get();
        }
        Customer customer = customers.byId(s.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + s.customerId()));
        // netting applies money like a payment: what is open stays as read until the allocations are written, and
        // two settlements of one customer opening at once take turns
        applyingMoney.hold();
        LocalDate today = LocalDate.now(clock);
        List<OpenDocument> items = SettlementTerms.items(ledger.openDocumentsOf(s.customerId(), s.currency(),
                s.periodEnd()), journal.documentsAwaited(s.customerId(), s.currency()));
        BigDecimal receivables = SettlementTerms.sum(items);
        Map<String, BigDecimal> netted = new HashMap<>();
        // cash on account already counts for an older open settlement of the customer: not twice
        BigDecimal cash = repository.existsByCustomerIdAndCurrencyAndStatus(s.customerId(), s.currency(),
                SettlementStatus.OPEN) ? BigDecimal.ZERO : ledger.cashOnAccount(s.customerId(), s.currency());
        // never net more than the customer owes on these items after its credits and cash
        BigDecimal nettable = receivables.subtract(cash).max(BigDecimal.ZERO);
        List<Nettings.Netted> pairs = customer.isNettingAllowed() && nettable.signum() > 0
                ? nettings.net(s.customerId(), s.currency(), items, s.periodEnd(), nettable, today, no, "system")
                : List.of();
        pairs.forEach(p -> netted.merge(p.receivableNo(), p.amount(), BigDecimal::add));
        BigDecimal nettedTotal = netted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal net = receivables.subtract(nettedTotal).subtract(cash);
        Settlement settlement = repository.save(new Settlement(no, statementId, s.statementNo(), s.customerId(),
                s.currency(), s.period().toString(), receivables, nettedTotal, net,
                SettlementTerms.dueDate(items, today, settings.minDaysToPay()), clock.instant()));
        for (OpenDocument d : items) {
            journal.addItem(settlement.id(), new Item(d.documentId(), d.documentNo(), d.dueDate(),
                    d.open().subtract(netted.getOrDefault(d.documentNo(), BigDecimal.ZERO))));
        }
        journal.record(settlement.id(), "system", Action.OPENED, receivables, s.statementNo() + " v" + s.version());
        if (!pairs.isEmpty()) {
            journal.record(settlement.id(), "system", Action.NETTED, nettedTotal, pairs.stream()
                    .map(p -> p.billNo() + " → " + p.receivableNo() + " " + Money.display(p.amount(), s.currency()))
                    .collect(Collectors.joining("; ")));
        }
        return settlement;
    }

    /** The settlement of an instance, by its business key: what a task's completion cannot change. */
    @Transactional(readOnly = true)
    long idOf(String settlementNo) {
        return repository.findBySettlementNo(settlementNo).map(Settlement::id)
                .orElseThrow(() -> new IllegalArgumentException("no settlement " + settlementNo));
    }

    @Transactional(readOnly = true)
    Settlement get(long id) {
        return repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no settlement " + id));
    }

    /**
     * Where a settlement stands now: its items with what is open of each, the cash on account it counts, and what is
     * still to be paid (≤ 0: paid). The one place that works it out: checks, mails and task forms read it.
     */
    record Standing(List<Item> items, Map<Long, BigDecimal> openNow, BigDecimal cashCounted, BigDecimal outstanding) {

        BigDecimal openOf(Item item) {
            return openNow.getOrDefault(item.documentId(), BigDecimal.ZERO);
        }
    }

    @Transactional(readOnly = true)
    Standing standing(Settlement s) {
        List<Item> items = journal.items(s.id());
        Map<Long, BigDecimal> openNow = ledger.openAmounts(items.stream().map(Item::documentId).toList());
        BigDecimal cash = countsCash(s) ? ledger.cashOnAccount(s.customerId(), s.currency()) : BigDecimal.ZERO;
        return new Standing(items, openNow, cash, SettlementTerms.outstanding(openNow.values(), cash));
    }

    /** What is still to be paid of it now; ≤ 0: paid. */
    @Transactional(readOnly = true)
    BigDecimal outstanding(Settlement s) {
        return standing(s).outstanding();
    }

    /** Cash on account pays the customer's oldest open settlement in the currency first: only that one counts it. */
    private boolean countsCash(Settlement s) {
        return !repository.existsByCustomerIdAndCurrencyAndStatusAndIdLessThan(s.customerId(), s.currency(),
                SettlementStatus.OPEN, s.id());
    }

    @Transactional(readOnly = true)
    boolean paid(long id) {
        return outstanding(get(id)).signum() <= 0;
    }

    /** Holds the settlement's row to the end of the transaction (see {@link SettlementJournal#lock}). */
    void lock(long id) {
        journal.lock(id);
    }

    /**
     * Those of the settlements that are paid now, worked out together (three queries however many there are): the
     * matching side asks this inside its own transaction, with every open settlement of the customers it paid.
     */
    @Transactional(readOnly = true)
    List<Settlement> paidAmong(List<Settlement> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Item>> items = journal.itemsOf(candidates.stream().map(Settlement::id).toList());
        Map<Long, BigDecimal> open = ledger.openAmounts(items.values().stream().flatMap(List::stream)
                .map(Item::documentId).collect(Collectors.toSet()));
        Map<LedgerQueries.Account, BigDecimal> onAccount = ledger.cashOnAccount(candidates.stream()
                .map(Settlement::customerId).collect(Collectors.toSet()));
        // the candidates are all open settlements of their customers: the oldest of each account counts its cash
        Map<LedgerQueries.Account, Long> oldest = new HashMap<>();
        candidates.forEach(s -> oldest.merge(new LedgerQueries.Account(s.customerId(), s.currency()), s.id(),
                Math::min));
        return candidates.stream().filter(s -> {
                    LedgerQueries.Account account = new LedgerQueries.Account(s.customerId(), s.currency());
                    BigDecimal cash = oldest.get(account).equals(s.id())
                            ? onAccount.getOrDefault(account, BigDecimal.ZERO) : BigDecimal.ZERO;
                    return SettlementTerms.outstanding(items.getOrDefault(s.id(), List.of()).stream()
                            .map(i -> open.getOrDefault(i.documentId(), BigDecimal.ZERO)).toList(), cash).signum() <= 0;
                })
                .sorted(java.util.Comparator.comparing(Settlement::id))
                .toList();
    }

    @Transactional(readOnly = true)
    boolean anyOpen() {
        return repository.existsByStatus(SettlementStatus.OPEN);
    }

    @Transactional(readOnly = true)
    List<Settlement> openOf(Collection<Long> customerIds) {
        return customerIds.isEmpty() ? List.of()
                : repository.findByStatusAndCustomerIdIn(SettlementStatus.OPEN, customerIds);
    }

    void started(long id, String processInstanceId) {
        get(id).processInstanceId(processInstanceId);
    }

    void requested(long id) {
        Settlement s = get(id);
        journal.record(id, "system", Action.REQUESTED, s.netAmount(), "due " + s.dueDate());
    }

    void dunned(long id, int level, String template) {
        Settlement s = get(id);
        s.dunned(level);
        journal.record(id, "system", Action.DUNNED, outstanding(s), "level " + level + " · " + template);
    }

    void followedUp(long id, CollectionDecision decision) {
        Settlement s = get(id);
        if (decision.promisedDate() != null) {
            s.promised(decision.promisedDate());
        }
        Action action = switch (decision.outcome()) {
            case PROMISED -> Action.PROMISED;
            case PAID -> Action.PAID_CLAIMED;
            case ESCALATE -> Action.ESCALATED;
            case WRITE_OFF_REQUEST -> Action.WRITE_OFF_REQUESTED;
        };
        String note = decision.promisedDate() == null ? decision.note()
                : decision.promisedDate() + (decision.note() == null ? "" : " · " + decision.note());
        journal.record(id, decision.decidedBy(), action, outstanding(s), note);
    }

    /** Ends it as {@code how}; true when it ended now (false: it had ended before, a retried step). */
    boolean close(long id, SettlementStatus how, String actor, String note) {
        Settlement s = get(id);
        boolean closed = s.close(how, clock.instant());
        if (closed && how != SettlementStatus.WRITE_OFF_REQUESTED) {
            Action action = switch (how) {
                case REFUNDED -> Action.REFUNDED;
                case CREDIT_KEPT -> Action.CREDIT_KEPT;
                default -> Action.SETTLED;
            };
            journal.record(id, actor, action, outstanding(s), note);
        }
        if (closed && how == SettlementStatus.SETTLED) {
            statements.settled(s.statementId(), s.settlementNo());
        }
        return closed;
    }
}
