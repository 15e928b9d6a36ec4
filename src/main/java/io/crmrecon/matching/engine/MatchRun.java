package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.PayerIndex.PayerMatch;
import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One {@link MatchingEngine#matchAll}: the payments read once ({@link Prepared}), then proposals of the rule
 * families ({@link ReferenceRules}, {@link TypoRules}, {@link AmountRules}) applied to the run's own
 * {@link OpenAmounts}.
 *
 * <p><b>Order.</b> Payments are taken in a canonical order (booking date, transaction id, then their content),
 * never the order given. Proposals are computed in parallel against the state at the start of a pass and
 * applied one by one in that order; a proposal whose inputs changed meanwhile (it records which open amounts,
 * customers and currencies it read) is computed again against the current state before it is applied. So
 * the result is that of a sequential run, whatever the number of threads.
 *
 * <p><b>Passes.</b> Strongest evidence first: passes that apply only reference rules repeat until none applies;
 * then a pass applies any rule (amounts); if it applied something, reference passes start again, else the run
 * is at a fixpoint: every payment left is, against the final open amounts, not automatic. Matching the payments
 * left over the amounts left therefore applies nothing more.
 *
 * <p>How sure each rule is: {@link Scores}.
 */
final class MatchRun {

    static final int MAX_SUGGESTIONS = 20;

    private static final Token[] NO_TOKENS = new Token[0];

    private final EngineIndex index;
    private final TextScanner scanner;
    private final OpenAmounts state;
    private Currencies currencies;
    private ReferenceRules references;
    private AmountRules amounts;

    MatchRun(EngineIndex index) {
        this.index = index;
        this.scanner = new TextScanner(index);
        this.state = new OpenAmounts(index);
    }

    private Prepared prepare(int input, IncomingPayment p) {
        if (p == null) {
            throw new IllegalArgumentException("payment " + input + " is null");
        }
        Integer currency = currencies.indexOf(p.currency());
        Long amount = currency == null || p.amount() == null ? null
                : EngineIndex.toMinor(p.amount(), currencies.scale(currency));
        PayerMatch payer = index.payers.identify(p);
        if (currency == null || amount == null || amount <= 0) {
            return new Prepared(input, p, currency == null ? -1 : currency, 0, false, payer, NO_TOKENS);
        }
        Token[] tokens = scanner.scan(p.remittanceInfo(), p.structuredReference(), amount, currencies.scale(currency));
        return new Prepared(input, p, currency, amount, true, payer, tokens);
    }

    private static final Comparator<IncomingPayment> CANONICAL = Comparator
            .comparing(IncomingPayment::bookingDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparingLong(IncomingPayment::transactionId)
            .thenComparing(IncomingPayment::amount, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(IncomingPayment::currency, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IncomingPayment::remittanceInfo, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IncomingPayment::structuredReference,
                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IncomingPayment::counterpartyAccount,
                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IncomingPayment::counterpartyName, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    List<MatchOutcome> run(List<IncomingPayment> payments) {
        int n = payments.size();
        currencies = new Currencies(index, payments);
        TypoRules typos = new TypoRules(index, state, currencies);
        references = new ReferenceRules(index, state, currencies, typos,
                new ShortenedReferenceRules(index, state, currencies));
        amounts = new AmountRules(index, state, currencies);
        zeros = new BigDecimal[currencies.count()];
        for (int c = 0; c < zeros.length; c++) {
            zeros[c] = BigDecimal.valueOf(0, currencies.scale(c));
        }
        Prepared[] ordered = new Prepared[n];
        IntStream.range(0, n).parallel().forEach(i -> ordered[i] = prepare(i, payments.get(i)));
        Arrays.parallelSort(ordered, (a, b) -> CANONICAL.compare(a.payment, b.payment));

        MatchOutcome[] out = new MatchOutcome[n];
        Proposal[] proposals = new Proposal[n];
        int[] pending = IntStream.range(0, n).toArray();
        boolean referencesOnly = true;
        while (true) {
            int[] stale = Arrays.stream(pending).filter(q -> proposals[q] == null || !state.valid(proposals[q]))
                    .toArray();
            int now = state.clock();
            IntStream.of(stale).parallel().forEach(q -> proposals[q] = evaluate(ordered[q], now));
            int[] applied = new int[pending.length];
            int count = applyInOrder(pending, proposals, ordered, referencesOnly, applied);
            // what is applied is final: its outcome now, and its working state can go
            IntStream.range(0, count).parallel().forEach(k -> {
                int q = applied[k];
                out[ordered[q].input] = outcome(ordered[q], proposals[q]);
                proposals[q] = null;
                ordered[q] = null;
            });
            pending = Arrays.stream(pending).filter(q -> ordered[q] != null).toArray();
            if (referencesOnly) {
                referencesOnly = count > 0;
            } else if (count == 0) {
                break;
            } else {
                referencesOnly = true;
            }
        }
        IntStream.of(pending).parallel().forEach(q -> out[ordered[q].input] = outcome(ordered[q], proposals[q]));
        return List.of(out);
    }

    /**
     * Applies, in canonical order, the automatic proposals the pass allows, each checked first against what
     * it read (computed again if that changed); returns how many were applied, their positions in
     * {@code applied}.
     */
    private int applyInOrder(int[] pending, Proposal[] proposals, Prepared[] ordered, boolean referencesOnly,
            int[] applied) {
        int count = 0;
        for (int q : pending) {
            Proposal pr = proposals[q];
            if (!allowed(pr, referencesOnly)) {
                continue;
            }
            if (!state.valid(pr)) {
                pr = evaluate(ordered[q], state.clock());
                proposals[q] = pr;
                if (!allowed(pr, referencesOnly)) {
                    continue;
                }
            }
            if (state.apply(pr, ordered[q].amount)) {
                applied[count++] = q;
            } else {
                // never happens when the rules are right; never post what does not fit
                proposals[q] = Proposal.open(pr.customer, List.of());
            }
        }
        return count;
    }

    private static boolean allowed(Proposal pr, boolean referencesOnly) {
        return pr.isAuto() && (!referencesOnly || pr.isReferenceRule());
    }

    private Proposal evaluate(Prepared p, int time) {
        Reads x = state.reads();
        Proposal pr = decide(p, x);
        pr.time = time;
        pr.depItems = x.items();
        pr.depCustomers = x.customers();
        pr.depAmounts = x.amountSlots();
        return pr;
    }

    private Proposal decide(Prepared p, Reads x) {
        if (!p.valid) {
            return Proposal.open(p.payer.customer(), List.of());
        }
        Proposal quick = references.exactReference(p, x);
        if (quick != null) {
            return quick;
        }
        Refs refs = references.readReferences(p, x);
        List<Candidate> extra = new ArrayList<>();
        if (!refs.items.isEmpty()) {
            Proposal r = references.referenceRules(p, refs, x);
            if (r.isAuto() || !refs.weakOnly) {
                return r;
            }
            extra.addAll(r.candidates);
        }
        if (refs.blocked()) {
            return references.whenBlocked(p, refs, x, extra);
        }
        if (p.payer.customer() >= 0) {
            return amounts.knownPayer(p, x, extra);
        }
        return amounts.unknownPayer(p, x, extra);
    }

    // ------------------------------------------------------------------ the outcome

    /** zero at each currency's scale, shared by all outcomes */
    private BigDecimal[] zeros;
    private static final Map<Double, BigDecimal> CONFIDENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private BigDecimal amountOf(long minor, int currency) {
        return minor == 0 ? zeros[currency] : currencies.money(minor, currency);
    }

    private MatchOutcome outcome(Prepared p, Proposal pr) {
        long tx = p.payment.transactionId();
        Long customer = pr.customer >= 0 ? index.customerIds[pr.customer] : null;
        int cur = p.currency;
        if (pr.isAuto()) {
            List<MatchOutcome.Application> apps = new ArrayList<>();
            for (int k = 0; k < pr.items.length; k++) {
                apps.add(new MatchOutcome.Application(index.documentIds[pr.items[k]], amountOf(pr.cash[k], cur),
                        amountOf(pr.writeOff(k), cur)));
            }
            return new MatchOutcome(tx, MatchOutcome.Status.AUTO, customer, List.copyOf(apps),
                    amountOf(pr.onAccount, cur), pr.rule, CONFIDENCES.computeIfAbsent(pr.confidence,
                            c -> BigDecimal.valueOf(c).setScale(2, RoundingMode.HALF_UP)), List.of());
        }
        List<Candidate> ranked = new ArrayList<>(pr.candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingLong(Candidate::due)
                .thenComparing(Candidate::documentIds, Arrays::compare)
                .thenComparing(k -> k.reason().text()));
        List<MatchOutcome.Suggestion> suggestions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate k : ranked) {
            if (suggestions.size() == MAX_SUGGESTIONS) {
                break;
            }
            long[] docs = k.documentIds().clone();
            Arrays.sort(docs);
            if (!seen.add(Arrays.toString(docs)) || k.customer() < 0 && docs.length == 0) {
                continue;
            }
            long customerId = k.customer() >= 0 ? index.customerIds[k.customer()]
                    : customer != null ? customer : -1;
            suggestions.add(new MatchOutcome.Suggestion(customerId,
                    Arrays.stream(k.documentIds()).boxed().toList(), k.rule(),
                    BigDecimal.valueOf(k.score()).setScale(2, RoundingMode.HALF_UP), k.reason().text()));
        }
        MatchOutcome.Status status = suggestions.isEmpty() ? MatchOutcome.Status.UNMATCHED
                : MatchOutcome.Status.SUGGESTED;
        BigDecimal zero = cur >= 0 ? zeros[cur] : BigDecimal.ZERO;
        return new MatchOutcome(tx, status, customer, List.of(), zero, null, null, List.copyOf(suggestions));
    }
}
