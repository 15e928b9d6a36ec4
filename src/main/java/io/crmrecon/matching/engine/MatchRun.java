package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.DefaultMatchingEngine.PayerMatch;
import io.crmrecon.matching.engine.DefaultMatchingEngine.Token;
import io.crmrecon.matching.engine.Proposal.Candidate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One {@link MatchingEngine#matchAll} over its own copy of the open amounts.
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
 * <p><b>Confidence</b> of each rule, roughly the share of such matches a clerk would confirm:
 * <ul>
 * <li>REFERENCE 0.99: our own number and the exact amount;</li>
 * <li>REFERENCE_COMBINED 0.97: our number plus the one smallest set of the customer's other items;</li>
 * <li>REFERENCE_SHORT 0.96: our number, short by what tolerance allows (bank charges);</li>
 * <li>REFERENCE_OVERPAID 0.93: our number paid in full, the rest (at most as much again) on account;</li>
 * <li>REFERENCE_PARTIAL 0.90: our number, less than it — part payment, oldest due first;</li>
 * <li>REFERENCE_TYPO 0.90: one typo away from one number, the amount confirms, no twin;</li>
 * <li>AMOUNT_EXACT 0.95 by account, 0.90 by name: the one open item of the payer with that amount;</li>
 * <li>AMOUNT_COMBINATION 0.90 / 0.85: the one smallest combination of the payer's items;</li>
 * <li>AMOUNT_SHORT 0.85 / 0.80: the one item of the payer the amount is short of within tolerance.</li>
 * </ul>
 */
final class MatchRun {

    static final double REFERENCE = 0.99;
    static final double REFERENCE_COMBINED = 0.97;
    static final double REFERENCE_SHORT = 0.96;
    static final double REFERENCE_OVERPAID = 0.93;
    static final double REFERENCE_PARTIAL = 0.90;
    static final double REFERENCE_TYPO = 0.90;
    static final double AMOUNT_EXACT_ACCOUNT = 0.95;
    static final double AMOUNT_EXACT_NAME = 0.90;
    static final double AMOUNT_COMBINATION_ACCOUNT = 0.90;
    static final double AMOUNT_COMBINATION_NAME = 0.85;
    static final double AMOUNT_SHORT_ACCOUNT = 0.85;
    static final double AMOUNT_SHORT_NAME = 0.80;

    /**
     * How many combinations may be expected to make an amount by chance for one found to count: for a payment
     * without a reference (one item and more), and for the other items added to named ones, where a plain
     * reading of the named items (part payment, short, more) competes.
     */
    static final double COMBINATION_BY_CHANCE = 0.01;
    static final double COMPLEMENT_SINGLE_BY_CHANCE = 0.25;
    static final double COMPLEMENT_SEVERAL_BY_CHANCE = 0.001;

    static final int MAX_SUGGESTIONS = 20;
    /** items of one amount a suggestion for an unknown payer looks at */
    static final int GLOBAL_SCAN = 200;

    private final DefaultMatchingEngine e;
    /** per item, interleaved so that one cache line serves both: [2i] open now, [2i + 1] open at the snapshot */
    private final long[] amounts;
    /** per item: [3i] customer, [3i + 1] currency, [3i + 2] when it last changed (the run's clock) */
    private final int[] meta;
    /** amount bucket → items (sorted) whose open amount changed in this run and is now that bucket's */
    private final Map<Long, int[]> overlay = new HashMap<>();
    /** customer → its items (sorted) whose open amount changed in this run */
    private final Map<Integer, int[]> changedByCustomer = new HashMap<>();
    /** per customer: [2c] when one of its items last changed, [2c + 1] its open items (what gathering costs) */
    private final int[] customerState;
    /**
     * When an open amount last changed, per amount: (currency, amount) hashed into a fixed table, so that two
     * amounts may share a slot (then a change to one also invalidates what read the other: never the reverse)
     */
    private final int[] amountChanged = new int[1 << AMOUNT_SLOT_BITS];
    private static final int AMOUNT_SLOT_BITS = 18;

    private static int amountSlot(int currency, long amount) {
        return (int) (DefaultMatchingEngine.amountKey(currency, amount) >>> (64 - AMOUNT_SLOT_BITS));
    }
    private int clock;
    private final Map<String, Integer> currencyIndex;
    /** the tolerance percent as unscaled / divisor, e.g. 0.5 % = 5 / 1000 */
    private final long percentUnscaled;
    private final long percentDivisor;
    private int[] scale;
    private long[] toleranceAbsolute;

    MatchRun(DefaultMatchingEngine engine) {
        this.e = engine;
        int n = engine.itemOpen.length;
        this.amounts = new long[2 * n];
        this.meta = new int[3 * n];
        this.customerState = new int[2 * engine.customerIds.length];
        for (int i = 0; i < n; i++) {
            amounts[2 * i] = engine.itemOpen[i];
            amounts[2 * i + 1] = engine.itemOpen[i];
            meta[3 * i] = engine.itemCustomer[i];
            meta[3 * i + 1] = engine.itemCurrency[i];
            if (engine.itemOpen[i] != 0) {
                customerState[2 * engine.itemCustomer[i] + 1]++;
            }
        }
        this.currencyIndex = new HashMap<>(engine.currencyIndex);
        BigDecimal percent = engine.policy.tolerancePercent() == null ? BigDecimal.ZERO
                : engine.policy.tolerancePercent().max(BigDecimal.ZERO).stripTrailingZeros();
        int percentScale = Math.max(0, percent.scale());
        this.percentUnscaled = percent.setScale(percentScale, RoundingMode.UNNECESSARY).unscaledValue()
                .longValueExact();
        this.percentDivisor = BigDecimal.valueOf(100).scaleByPowerOfTen(percentScale).longValueExact();
    }

    /**
     * The engine's currencies, and those of payments no open item has (nothing to pay there, but a payment may
     * still name a settled document): their scales and absolute tolerances in minor units.
     */
    private void currencies(List<IncomingPayment> payments) {
        List<String> extra = payments.stream().filter(Objects::nonNull).map(IncomingPayment::currency)
                .filter(c -> c != null && !currencyIndex.containsKey(c)).distinct().sorted().toList();
        int known = e.currencyScale.length;
        scale = Arrays.copyOf(e.currencyScale, known + extra.size());
        for (String c : extra) {
            scale[currencyIndex.size()] = DefaultMatchingEngine.minorDigits(c);
            currencyIndex.put(c, currencyIndex.size());
        }
        toleranceAbsolute = new long[scale.length];
        BigDecimal t = e.policy.toleranceAbsolute() == null ? BigDecimal.ZERO : e.policy.toleranceAbsolute();
        for (int c = 0; c < scale.length; c++) {
            toleranceAbsolute[c] = Math.max(0, t.setScale(scale[c], RoundingMode.FLOOR).unscaledValue().longValue());
        }
    }

    private static final Token[] NO_TOKENS = new Token[0];

    /** A payment with what does not change during the run worked out once. */
    static final class Prepared {
        final int input;
        final IncomingPayment payment;
        final int currency;
        final long amount;
        final boolean valid;
        final PayerMatch payer;
        final Token[] tokens;

        Prepared(int input, IncomingPayment payment, int currency, long amount, boolean valid, PayerMatch payer,
                Token[] tokens) {
            this.input = input;
            this.payment = payment;
            this.currency = currency;
            this.amount = amount;
            this.valid = valid;
            this.payer = payer;
            this.tokens = tokens;
        }
    }

    private Prepared prepare(int input, IncomingPayment p) {
        if (p == null) {
            throw new IllegalArgumentException("payment " + input + " is null");
        }
        Integer currency = p.currency() == null ? null : currencyIndex.get(p.currency());
        Long amount = currency == null || p.amount() == null ? null
                : DefaultMatchingEngine.toMinor(p.amount(), scale[currency]);
        PayerMatch payer = e.identify(p);
        if (currency == null || amount == null || amount <= 0) {
            return new Prepared(input, p, currency == null ? -1 : currency, 0, false, payer, NO_TOKENS);
        }
        Token[] tokens = e.scan(p.remittanceInfo(), p.structuredReference(), amount, scale[currency]);
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
        currencies(payments);
        zeros = new BigDecimal[scale.length];
        for (int c = 0; c < scale.length; c++) {
            zeros[c] = BigDecimal.valueOf(0, scale[c]);
        }
        Prepared[] ordered = new Prepared[n];
        IntStream.range(0, n).parallel().forEach(i -> ordered[i] = prepare(i, payments.get(i)));
        Arrays.parallelSort(ordered, (a, b) -> CANONICAL.compare(a.payment, b.payment));

        MatchOutcome[] out = new MatchOutcome[n];
        Proposal[] proposals = new Proposal[n];
        int[] pending = IntStream.range(0, n).toArray();
        boolean referencesOnly = true;
        while (true) {
            int[] stale = Arrays.stream(pending).filter(q -> proposals[q] == null || !valid(proposals[q])).toArray();
            int now = clock;
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
            if (!valid(pr)) {
                pr = evaluate(ordered[q], clock);
                proposals[q] = pr;
                if (!allowed(pr, referencesOnly)) {
                    continue;
                }
            }
            if (apply(pr, ordered[q].amount)) {
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

    // ------------------------------------------------------------------ state

    private boolean valid(Proposal pr) {
        for (int i : pr.depItems) {
            if (meta[3 * i + 2] > pr.time) {
                return false;
            }
        }
        for (int c : pr.depCustomers) {
            if (customerState[2 * c] > pr.time) {
                return false;
            }
        }
        for (int slot : pr.depAmounts) {
            if (amountChanged[slot] > pr.time) {
                return false;
            }
        }
        return true;
    }

    private boolean apply(Proposal pr, long amount) {
        if (!fits(pr, amount)) {
            return false;
        }
        clock++;
        long[] before = new long[pr.items.length];
        if (writeItems(pr, clock, before)) {
            updateIndexes(pr, before);
        }
        return true;
    }

    /** Whether the proposal fits the open amounts now: never more than an item has, the payment's amount in all. */
    private boolean fits(Proposal pr, long amount) {
        long total = pr.onAccount;
        for (int k = 0; k < pr.items.length; k++) {
            int i = pr.items[k];
            for (int m = 0; m < k; m++) {
                if (pr.items[m] == i) {
                    return false;
                }
            }
            long a = pr.cash[k] + pr.writeOff(k);
            long o = openOf(i);
            boolean fits = o > 0 ? a >= 0 && a <= o && pr.writeOff(k) >= 0 && pr.cash[k] >= 0
                    : a <= 0 && a >= o && pr.writeOff(k) == 0;
            if (!fits) {
                return false;
            }
            total += pr.cash[k];
        }
        return pr.onAccount >= 0 && total == amount;
    }

    /**
     * Takes the proposal's applications off the items' open amounts, at {@code time}; {@code before} receives
     * the amounts before. Returns whether the amount indexes need updating (an item left partly open, or one
     * that was already).
     */
    private boolean writeItems(Proposal pr, int time, long[] before) {
        boolean indexes = false;
        for (int k = 0; k < pr.items.length; k++) {
            int i = pr.items[k];
            long b = openOf(i);
            long after = b - (pr.cash[k] + pr.writeOff(k));
            before[k] = b;
            if (after == b) {
                continue;
            }
            amounts[2 * i] = after;
            meta[3 * i + 2] = time;
            indexes |= after != 0 || b != initialOf(i);
            int c = customerOf(i);
            customerState[2 * c] = time;
            if (after == 0) {
                customerState[2 * c + 1]--;
            }
            amountChanged[amountSlot(currencyOf(i), b)] = time;
            amountChanged[amountSlot(currencyOf(i), after)] = time;
        }
        return indexes;
    }

    /** Moves items whose open amount changed between the amount buckets of this run. */
    private void updateIndexes(Proposal pr, long[] before) {
        for (int k = 0; k < pr.items.length; k++) {
            int i = pr.items[k];
            long b = before[k];
            long after = openOf(i);
            if (after == b) {
                continue;
            }
            int c = customerOf(i);
            int cur = currencyOf(i);
            if (b != initialOf(i)) {
                overlayRemove(DefaultMatchingEngine.customerAmountKey(c, cur, b), i);
                overlayRemove(DefaultMatchingEngine.amountKey(cur, b), i);
            } else if (after != 0) { // items paid in full are simply no longer open
                int[] list = changedByCustomer.getOrDefault(c, DefaultMatchingEngine.EMPTY);
                int[] grown = append(list, i);
                Arrays.sort(grown);
                changedByCustomer.put(c, grown);
            }
            if (after != 0) {
                overlayAdd(DefaultMatchingEngine.customerAmountKey(c, cur, after), i);
                overlayAdd(DefaultMatchingEngine.amountKey(cur, after), i);
            }
        }
    }

    private void overlayAdd(long key, int item) {
        int[] list = overlay.get(key);
        if (list == null) {
            overlay.put(key, new int[] {item});
            return;
        }
        int at = Arrays.binarySearch(list, item);
        if (at >= 0) {
            return;
        }
        int pos = -at - 1;
        int[] grown = new int[list.length + 1];
        System.arraycopy(list, 0, grown, 0, pos);
        grown[pos] = item;
        System.arraycopy(list, pos, grown, pos + 1, list.length - pos);
        overlay.put(key, grown);
    }

    private void overlayRemove(long key, int item) {
        int[] list = overlay.get(key);
        if (list == null) {
            return;
        }
        int at = Arrays.binarySearch(list, item);
        if (at < 0) {
            return;
        }
        if (list.length == 1) {
            overlay.remove(key);
            return;
        }
        int[] shrunk = new int[list.length - 1];
        System.arraycopy(list, 0, shrunk, 0, at);
        System.arraycopy(list, at + 1, shrunk, at, list.length - at - 1);
        overlay.put(key, shrunk);
    }

    /** What one evaluation read, and its operation budget. */
    private final class Ctx {
        final CombinationSearch.Budget budget = new CombinationSearch.Budget(Math.max(0, e.policy.combinationBudget()));
        private int[] items = new int[8];
        private int itemCount;
        private int[] customers = new int[2];
        private int customerCount;
        private int[] amountSlots = new int[1];
        private int amountSlotCount;

        long open(int item) {
            if (itemCount == items.length) {
                items = Arrays.copyOf(items, itemCount * 2);
            }
            items[itemCount++] = item;
            return MatchRun.this.amounts[2 * item];
        }

        void customer(int c) {
            for (int k = 0; k < customerCount; k++) {
                if (customers[k] == c) {
                    return;
                }
            }
            if (customerCount == customers.length) {
                customers = Arrays.copyOf(customers, customerCount * 2);
            }
            customers[customerCount++] = c;
        }

        void amount(int currency, long amount) {
            int slot = amountSlot(currency, amount);
            for (int k = 0; k < amountSlotCount; k++) {
                if (amountSlots[k] == slot) {
                    return;
                }
            }
            if (amountSlotCount == amountSlots.length) {
                amountSlots = Arrays.copyOf(amountSlots, amountSlotCount * 2);
            }
            amountSlots[amountSlotCount++] = slot;
        }

        int[] items() {
            if (itemCount == 0) {
                return DefaultMatchingEngine.EMPTY;
            }
            int[] sorted = Arrays.copyOf(items, itemCount);
            Arrays.sort(sorted);
            int n = 1;
            for (int k = 1; k < sorted.length; k++) {
                if (sorted[k] != sorted[n - 1]) {
                    sorted[n++] = sorted[k];
                }
            }
            return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
        }

        int[] customers() {
            return customerCount == 0 ? DefaultMatchingEngine.EMPTY : Arrays.copyOf(customers, customerCount);
        }

        int[] amountSlots() {
            return amountSlotCount == 0 ? DefaultMatchingEngine.EMPTY : Arrays.copyOf(amountSlots, amountSlotCount);
        }
    }

    /** The payer's items (of the currency) whose open amount is exactly {@code amount}, in index order. */
    private int[] itemsWithAmount(Ctx x, int customer, int currency, long amount) {
        long key = DefaultMatchingEngine.customerAmountKey(customer, currency, amount);
        x.customer(customer);
        int[] out = DefaultMatchingEngine.EMPTY;
        int slot = e.customerAmounts.find(key);
        if (slot >= 0) {
            int start = e.customerAmounts.start(slot);
            int end = start + e.customerAmounts.count(slot);
            for (int p = start; p < end; p++) {
                int i = e.customerAmounts.value(p);
                if (customerOf(i) == customer && currencyOf(i) == currency && initialOf(i) == amount
                        && openOf(i) == amount) {
                    out = append(out, i);
                }
            }
        }
        int[] changed = overlay.get(key);
        if (changed != null) {
            for (int i : changed) {
                if (customerOf(i) == customer && currencyOf(i) == currency && openOf(i) == amount) {
                    out = append(out, i);
                }
            }
            Arrays.sort(out);
        }
        return out;
    }

    private long openOf(int item) {
        return amounts[2 * item];
    }

    private long initialOf(int item) {
        return amounts[2 * item + 1];
    }

    private int customerOf(int item) {
        return meta[3 * item];
    }

    private int currencyOf(int item) {
        return meta[3 * item + 1];
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /**
     * A customer's open items of a currency whose open amount lies in [lo, hi], in index order: a binary search
     * over its items by amount at the snapshot, plus those whose amount changed in this run.
     */
    private int[] itemsInRange(Ctx x, int customer, int currency, long lo, long hi) {
        x.customer(customer);
        int from = e.customerItemStart[customer];
        int to = e.customerItemStart[customer + 1];
        int a = from;
        int b = to;
        while (a < b) { // first item of (currency, amount ≥ lo)
            int mid = (a + b) >>> 1;
            int i = e.customerItems[mid];
            if (currencyOf(i) < currency || (currencyOf(i) == currency && initialOf(i) < lo)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int[] out = DefaultMatchingEngine.EMPTY;
        for (int p = a; p < to; p++) {
            int i = e.customerItems[p];
            if (currencyOf(i) != currency || initialOf(i) > hi) {
                break;
            }
            if (openOf(i) == initialOf(i)) {
                out = append(out, i);
            }
        }
        int[] changed = changedByCustomer.get(customer);
        if (changed != null) {
            for (int i : changed) {
                if (currencyOf(i) == currency && openOf(i) != 0 && openOf(i) >= lo && openOf(i) <= hi) {
                    out = append(out, i);
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Any customer's items with exactly this open amount, the first {@value #GLOBAL_SCAN} by index. */
    private int[] anyItemsWithAmount(Ctx x, int currency, long amount) {
        long key = DefaultMatchingEngine.amountKey(currency, amount);
        x.amount(currency, amount);
        int[] changed = overlay.getOrDefault(key, DefaultMatchingEngine.EMPTY);
        int slot = e.amounts.find(key);
        int[] out = new int[Math.min(GLOBAL_SCAN, slot < 0 ? 0 : e.amounts.count(slot)) + changed.length];
        int n = 0;
        if (slot >= 0) {
            int start = e.amounts.start(slot);
            for (int p = start; p < start + e.amounts.count(slot) && n < GLOBAL_SCAN; p++) {
                int i = e.amounts.value(p);
                if (currencyOf(i) == currency && initialOf(i) == amount && openOf(i) == amount) {
                    out[n++] = i;
                }
            }
        }
        for (int i : changed) {
            if (currencyOf(i) == currency && openOf(i) == amount) {
                out[n++] = i;
            }
        }
        Arrays.sort(out, 0, n);
        return Arrays.copyOf(out, Math.min(n, GLOBAL_SCAN));
    }

    /** A customer's open items of a currency, by amount (ties by index); null when over the budget. */
    private record Gathered(long[] amounts, int[] items) {
    }

    private Gathered gather(Ctx x, int customer, int currency, int[] exclude) {
        x.customer(customer);
        int from = e.customerItemStart[customer];
        int to = e.customerItemStart[customer + 1];
        // one operation per open item of the customer: the same in a later run over the amounts left
        if (!x.budget.spend(customerState[2 * customer + 1])) {
            return null;
        }
        int[] items = new int[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            int i = e.customerItems[p];
            if (currencyOf(i) == currency && openOf(i) != 0 && !contains(exclude, i)) {
                items[n++] = i;
            }
        }
        items = Arrays.copyOf(items, n);
        if (n > 0) {
            for (int k = 1; k < n; k++) { // in order already but for items paid in part in this run
                int item = items[k];
                int m = k - 1;
                while (m >= 0 && (openOf(items[m]) > openOf(item)
                        || (openOf(items[m]) == openOf(item) && items[m] > item))) {
                    items[m + 1] = items[m];
                    m--;
                }
                items[m + 1] = item;
            }
        }
        long[] amounts = new long[n];
        for (int k = 0; k < n; k++) {
            amounts[k] = openOf(items[k]);
        }
        return new Gathered(amounts, items);
    }

    /** min(absolute tolerance, percent of the amount), in minor units. */
    private long tolerance(long amount, int currency) {
        long byPercent;
        try {
            byPercent = Math.multiplyExact(Math.abs(amount), percentUnscaled) / percentDivisor;
        } catch (ArithmeticException overflow) {
            byPercent = BigDecimal.valueOf(Math.abs(amount)).multiply(e.policy.tolerancePercent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValue();
        }
        return Math.max(0, Math.min(toleranceAbsolute[currency], byPercent));
    }

    // ------------------------------------------------------------------ the rules

    private Proposal evaluate(Prepared p, int time) {
        Ctx x = new Ctx();
        Proposal pr = decide(p, x);
        pr.time = time;
        pr.depItems = x.items();
        pr.depCustomers = x.customers();
        pr.depAmounts = x.amountSlots();
        return pr;
    }

    /** What the text's numbers amount to against the current open amounts. */
    private final class Refs {
        /** the referenced open items (strong evidence), in order of appearance */
        final List<Integer> items = new ArrayList<>();
        /** per resolved token: the token and its items among {@link #items} */
        final List<Token> tokens = new ArrayList<>();
        final List<int[]> tokenItems = new ArrayList<>();
        /** open items named only by bare numbers of other customers: count only if they make the amount */
        final List<Integer> weakOthers = new ArrayList<>();
        /** numbers that look like ours but are not open */
        final List<Token> unresolved = new ArrayList<>();
        boolean weakOnly;
        /** a typo reading fits the amount but is not taken (a twin): the amount may not be a part payment */
        boolean typoDoubt;
        boolean settled;
        boolean ambiguous;
        boolean otherCurrency;
        final List<Candidate> notes = new ArrayList<>();

        boolean blocked() {
            return settled || ambiguous || otherCurrency || !unresolved.isEmpty();
        }
    }

    private Proposal decide(Prepared p, Ctx x) {
        if (!p.valid) {
            return Proposal.open(p.payer.customer(), List.of());
        }
        Proposal quick = exactReference(p, x);
        if (quick != null) {
            return quick;
        }
        Refs refs = readReferences(p, x);
        List<Candidate> extra = new ArrayList<>();
        if (!refs.items.isEmpty()) {
            Proposal r = referenceRules(p, refs, x);
            if (r.isAuto() || !refs.weakOnly) {
                return r;
            }
            extra.addAll(r.candidates);
        }
        if (refs.blocked()) {
            // the text names something we cannot pay: a typo may explain it, the amount alone may not
            List<Candidate> candidates = new ArrayList<>(refs.notes);
            if (!refs.settled && !refs.unresolved.isEmpty()) {
                List<Alternative> typos = typoAlternatives(p, refs, List.of(), x, candidates);
                if (typos.size() == 1 && !refs.ambiguous && !refs.otherCurrency) {
                    return typos.get(0).proposal;
                }
                for (Alternative a : typos) {
                    candidates.add(candidate(a.items, MatchRule.REFERENCE_TYPO, 0.75, a.reason));
                }
                Proposal anonymous = typoFromAnyone(p, refs, x);
                if (anonymous != null && typos.isEmpty() && !refs.ambiguous && !refs.otherCurrency) {
                    return anonymous;
                }
                typoSuggestions(p, refs, x, candidates);
            }
            int c = p.payer.customer();
            if (c >= 0) {
                for (int i : itemsWithAmount(x, c, p.currency, p.amount)) {
                    candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, 0.5,
                            "same amount as " + no(i) + ", " + payerText(p) + "; but the text names "
                                    + namedInText(refs) + " that is not open"));
                }
            }
            candidates.addAll(extra);
            return Proposal.open(c, candidates);
        }
        if (p.payer.customer() >= 0) {
            return amountRules(p, x, extra);
        }
        return unknownPayer(p, x, extra);
    }

    /**
     * The common case without the general machinery: every number in the text names exactly one open document
     * of the currency (by a number with letters, or the payer's own), and together they make the amount. The
     * general rules decide the same; this only saves their cost. Null when it does not apply.
     */
    private Proposal exactReference(Prepared p, Ctx x) {
        Token[] tokens = p.tokens;
        if (tokens.length == 0) {
            return null;
        }
        int[] items = new int[tokens.length];
        long sum = 0;
        for (int k = 0; k < tokens.length; k++) {
            Token t = tokens[k];
            if (t.hits().length != 1) {
                return null;
            }
            int posting = t.hits()[0];
            int kind = DefaultMatchingEngine.kind(posting);
            if (kind > DefaultMatchingEngine.TAX_STRIPPED) {
                return null;
            }
            int i = DefaultMatchingEngine.id(posting);
            long o = x.open(i);
            if (o == 0 || currencyOf(i) != p.currency || !(t.strong() || customerOf(i) == p.payer.customer())) {
                return null;
            }
            for (int m = 0; m < k; m++) {
                if (items[m] == i) {
                    return null;
                }
            }
            items[k] = i;
            sum += o;
        }
        return sum == p.amount ? full(p, items, MatchRule.REFERENCE, REFERENCE) : null;
    }

    private Refs readReferences(Prepared p, Ctx x) {
        Refs refs = new Refs();
        int payer = p.payer.customer();
        List<Token> resolved = new ArrayList<>();
        List<int[]> resolvedItems = new ArrayList<>();
        for (Token t : p.tokens) {
            if (!t.resolved()) {
                refs.unresolved.add(t);
                continue;
            }
            int[] targets = DefaultMatchingEngine.targets(t.hits());
            if (targets.length > 1 && payer >= 0) {
                int[] own = Arrays.stream(targets).filter(q -> e.customerOf(q) == payer).toArray();
                if (own.length == 1) {
                    targets = own;
                }
            }
            if (targets.length > 1) {
                refs.ambiguous = true;
                for (int q : targets) {
                    int[] openOnes = openItems(x, e.itemsOf(q), p.currency);
                    if (openOnes.length > 0) {
                        refs.notes.add(candidate(openOnes, MatchRule.REFERENCE, 0.6,
                                "'" + t.text() + "' in the text is the number of " + no(openOnes)
                                        + " (and of others)"));
                    }
                }
                continue;
            }
            int q = targets[0];
            int kind = DefaultMatchingEngine.kind(q);
            if (kind >= DefaultMatchingEngine.SETTLED_DOC_FULL) {
                SettledDocument s = e.settled[DefaultMatchingEngine.id(q)];
                refs.settled = true;
                refs.notes.add(settledNote(e.settledCustomer[DefaultMatchingEngine.id(q)], s.documentId(),
                        s.documentNo()));
                continue;
            }
            if (kind == DefaultMatchingEngine.STMT_FULL || kind == DefaultMatchingEngine.STMT_STRIPPED) {
                int[] openOnes = openItems(x, e.itemsOf(q), p.currency);
                if (openOnes.length == 0) {
                    StatementRef st = e.statements[DefaultMatchingEngine.id(q)];
                    refs.settled = true;
                    refs.notes.add(new Candidate(e.customerOf(q), new long[0], MatchRule.REFERENCE, 0.55,
                            Long.MAX_VALUE, "statement " + st.statementNo()
                                    + " named in the text has nothing open: possible duplicate payment"));
                    continue;
                }
                resolved.add(t);
                resolvedItems.add(openOnes);
                continue;
            }
            int item = DefaultMatchingEngine.id(q);
            if (x.open(item) == 0) {
                // settled earlier in this run: exactly as if it had been given as a settled document
                refs.settled = true;
                refs.notes.add(settledNote(customerOf(item), e.documentIds[item], e.items[item].documentNo()));
                continue;
            }
            if (currencyOf(item) != p.currency) {
                refs.otherCurrency = true;
                refs.notes.add(candidate(new int[] {item}, MatchRule.REFERENCE, 0.3,
                        "'" + t.text() + "' names " + no(item) + ", in another currency"));
                continue;
            }
            int[] openOnes = {item};
            resolved.add(t);
            resolvedItems.add(openOnes);
        }
        // strong: a number with letters, or a bare number of the payer's own items or of the strongly named customer
        Set<Integer> strongCustomers = new HashSet<>();
        for (int k = 0; k < resolved.size(); k++) {
            if (resolved.get(k).strong()) {
                for (int i : resolvedItems.get(k)) {
                    strongCustomers.add(customerOf(i));
                }
            }
        }
        Set<Integer> strongItems = new LinkedHashSet<>();
        Set<Integer> weakItems = new LinkedHashSet<>();
        List<Token> weakTokens = new ArrayList<>();
        List<int[]> weakTokenItems = new ArrayList<>();
        for (int k = 0; k < resolved.size(); k++) {
            Token t = resolved.get(k);
            int[] its = resolvedItems.get(k);
            boolean strong = t.strong() || Arrays.stream(its).allMatch(
                    i -> customerOf(i) == payer || strongCustomers.contains(customerOf(i)));
            if (strong) {
                refs.tokens.add(t);
                refs.tokenItems.add(its);
                for (int i : its) {
                    strongItems.add(i);
                }
            } else {
                weakTokens.add(t);
                weakTokenItems.add(its);
                for (int i : its) {
                    weakItems.add(i);
                }
            }
        }
        weakItems.removeAll(strongItems);
        if (strongItems.isEmpty() && !weakItems.isEmpty()) {
            refs.weakOnly = true;
            refs.items.addAll(weakItems);
            refs.tokens.addAll(weakTokens);
            refs.tokenItems.addAll(weakTokenItems);
        } else {
            refs.items.addAll(strongItems);
            refs.weakOthers.addAll(weakItems);
        }
        return refs;
    }

    private static Candidate settledNote(int customer, long documentId, String documentNo) {
        return new Candidate(customer, new long[] {documentId}, MatchRule.REFERENCE, 0.55, Long.MAX_VALUE,
                (documentNo == null ? "document " + documentId : documentNo)
                        + " named in the text is already settled: possible duplicate payment");
    }

    private int[] openItems(Ctx x, int[] items, int currency) {
        int[] out = new int[items.length];
        int n = 0;
        for (int i : items) {
            if (currencyOf(i) == currency && x.open(i) != 0) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** A way to read a payment, found by one rule. */
    private record Alternative(Proposal proposal, int[] items, String reason, boolean replacesNamed) {
    }

    private Proposal referenceRules(Prepared p, Refs refs, Ctx x) {
        long amount = p.amount;
        int cur = p.currency;
        int payer = p.payer.customer();
        int[] r = refs.items.stream().mapToInt(Integer::intValue).toArray();
        long sum = sum(x, r);
        if (sum == amount) {
            return full(p, r, MatchRule.REFERENCE, REFERENCE);
        }
        if (!refs.weakOthers.isEmpty()) {
            int[] all = concat(r, refs.weakOthers.stream().mapToInt(Integer::intValue).toArray());
            if (sum(x, all) == amount) {
                return full(p, all, MatchRule.REFERENCE, REFERENCE);
            }
        }
        int single = singleCustomer(r);
        List<Candidate> candidates = new ArrayList<>(refs.notes);
        List<Alternative> alternatives = new ArrayList<>();
        boolean unsure = false;

        // the named items and the one smallest set of the customer's other items (e.g. a credit note deducted)
        if (single >= 0 && !refs.settled && !refs.ambiguous && !refs.otherCurrency) {
            Gathered g = gather(x, single, cur, r);
            // the plain reading (part payment, short, more) competes: a set of other items must be rarer by
            // chance than for a payment without a reference
            int maxK = g == null ? 0 : CombinationSearch.significantSizes(g.amounts, amount - sum, 1,
                    e.policy.maxCombinationSize(), unit(cur), COMPLEMENT_SINGLE_BY_CHANCE,
                    COMPLEMENT_SEVERAL_BY_CHANCE, x.budget);
            CombinationSearch.Result res = g == null || x.budget.exhausted()
                    ? new CombinationSearch.Result(CombinationSearch.Kind.EXHAUSTED, List.of())
                    : CombinationSearch.search(g.amounts, amount - sum, 1, maxK, x.budget);
            int pairs = Math.min(2, e.policy.maxCombinationSize());
            if (res.kind() == CombinationSearch.Kind.NONE && g != null && maxK < pairs) {
                // one or two items too likely by chance to be taken: still another reading, so no plain one
                CombinationSearch.Result weak = CombinationSearch.search(g.amounts, amount - sum, maxK + 1, pairs,
                        x.budget);
                for (int[] sol : weak.solutions()) {
                    int[] set = concat(r, pick(g.items, sol));
                    candidates.add(candidate(set, MatchRule.REFERENCE_COMBINED, 0.6, "named " + no(r) + " with "
                            + no(pick(g.items, sol)) + " make the amount (such amounts are common)"));
                }
                unsure |= weak.kind() != CombinationSearch.Kind.NONE;
            }
            for (int[] sol : res.solutions()) {
                int[] set = concat(r, pick(g.items, sol));
                String reason = "named " + no(r) + " with " + no(pick(g.items, sol)) + " make the amount";
                if (res.kind() == CombinationSearch.Kind.UNIQUE && refs.unresolved.isEmpty()) {
                    alternatives.add(new Alternative(full(p, set, MatchRule.REFERENCE_COMBINED, REFERENCE_COMBINED),
                            set, reason, false));
                } else {
                    candidates.add(candidate(set, MatchRule.REFERENCE_COMBINED, 0.7, reason));
                }
            }
            if (res.kind() == CombinationSearch.Kind.AMBIGUOUS || res.kind() == CombinationSearch.Kind.EXHAUSTED) {
                unsure = true;
            }
        }
        // a typo in one of the numbers
        if (!refs.settled && !refs.weakOnly) {
            alternatives.addAll(typoAlternatives(p, refs, refs.items, x, candidates));
        }
        // short by bank charges
        long diff = sum - amount;
        if (diff > 0 && !refs.blocked()) {
            int w = largestPositive(x, r);
            if (w >= 0 && diff <= tolerance(x.open(w), cur)) {
                alternatives.add(new Alternative(shortPaid(p, r, w, diff, MatchRule.REFERENCE_SHORT, REFERENCE_SHORT),
                        r, "named " + no(r) + ", short by " + money(diff, cur), false));
            }
        }
        // part or more than the named items: only when nothing else explains the amount (not even a typo that
        // is not taken because of a twin), and part payments only by the named items' customer or an unknown payer
        boolean payerNamed = payer < 0 || containsCustomer(r, payer);
        boolean plain = !unsure && !refs.weakOnly && !refs.blocked() && !refs.typoDoubt;
        boolean partial = plain && amount < sum && payerNamed;
        boolean overpaid = plain && amount > sum && single >= 0 && (payer < 0 || payer == single)
                && amount - sum <= sum;
        if (alternatives.size() == 1 && !unsure) {
            Alternative only = alternatives.get(0);
            // a typo reading of a number that names an open item competes with the plain reading of it
            if (!(only.replacesNamed && (partial || overpaid))) {
                return only.proposal;
            }
        }
        for (Alternative a : alternatives) {
            candidates.add(candidate(a.items, a.proposal.rule, 0.8, a.reason));
        }
        if (alternatives.isEmpty() && plain) {
            if (partial) {
                return partial(p, r);
            }
            if (overpaid) {
                int[] sorted = byDue(r);
                long[] cash = new long[sorted.length];
                for (int k = 0; k < sorted.length; k++) {
                    cash[k] = x.open(sorted[k]);
                }
                return Proposal.auto(single, sorted, cash, new long[sorted.length], amount - sum,
                        MatchRule.REFERENCE_OVERPAID, REFERENCE_OVERPAID);
            }
        }
        candidates.add(candidate(r, amount < sum ? MatchRule.REFERENCE_PARTIAL : MatchRule.REFERENCE_OVERPAID, 0.7,
                "named in the text: " + no(r) + " (open " + money(sum, cur) + ", paid " + money(amount, cur) + ")"));
        return Proposal.open(payer >= 0 ? payer : single, candidates);
    }

    /**
     * Readings of the payment where one number of the text is one typo away from an open item's number: that
     * item replaces what the number resolved to (or is added, for a number that resolved to nothing), and the
     * amount must confirm it — exactly, or short within tolerance. The item must belong to the customer of the
     * other named items, or else to the payer, so the search starts there: the customer's items of the amount
     * still missing (an index range), each compared with the number (one adjacent swap, one digit dropped,
     * added or wrong). An item with an open twin (same customer, same amount) is never taken: the typo might as
     * well be a settled twin's number.
     */
    private List<Alternative> typoAlternatives(Prepared p, Refs refs, List<Integer> named, Ctx x,
            List<Candidate> candidates) {
        List<Alternative> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int payer = p.payer.customer();
        int cur = p.currency;
        List<Token> sources = new ArrayList<>();
        List<int[]> replaced = new ArrayList<>();
        for (int k = 0; k < refs.tokens.size(); k++) {
            if (refs.tokens.get(k).strong()) {
                sources.add(refs.tokens.get(k));
                replaced.add(refs.tokenItems.get(k));
            }
        }
        for (Token t : refs.unresolved) {
            sources.add(t);
            replaced.add(DefaultMatchingEngine.EMPTY);
        }
        Set<Integer> namedSet = new HashSet<>(named);
        for (int s = 0; s < sources.size(); s++) {
            Token t = sources.get(s);
            Set<Integer> drop = new HashSet<>();
            for (int i : replaced.get(s)) {
                drop.add(i);
            }
            int[] base = named.stream().filter(i -> !drop.contains(i)).mapToInt(Integer::intValue).toArray();
            int customer = base.length == 0 ? payer : singleCustomer(base);
            if (customer < 0) {
                continue;
            }
            long missing = p.amount - sum(x, base);
            if (missing <= 0) {
                continue;
            }
            boolean replaces = replaced.get(s).length > 0;
            // a number that names an open item is read as a typo only if the amount fits exactly
            long slack = replaces ? 0 : toleranceAbsolute[cur];
            for (int y : itemsInRange(x, customer, cur, missing, missing + slack)) {
                long openY = x.open(y);
                long diff = openY - missing;
                if (namedSet.contains(y) || (diff > 0 && diff > tolerance(openY, cur)) || !oneTypo(t, y)) {
                    continue;
                }
                int[] set = concat(base, new int[] {y});
                if (!seen.add(Arrays.toString(Arrays.stream(set).sorted().toArray()))) {
                    continue;
                }
                String reason = no(y) + " is one typo away from '" + t.text() + "' in the text"
                        + (diff > 0 ? ", short by " + money(diff, cur) : "");
                if (itemsWithAmount(x, customer, cur, openY).length > 1) {
                    refs.typoDoubt = true;
                    candidates.add(candidate(set, MatchRule.REFERENCE_TYPO, 0.6,
                            reason + "; another open item has the same amount"));
                    continue;
                }
                Proposal pr = diff == 0 ? full(p, set, MatchRule.REFERENCE_TYPO, REFERENCE_TYPO)
                        : shortPaid(p, set, y, diff, MatchRule.REFERENCE_TYPO, REFERENCE_TYPO);
                out.add(new Alternative(pr, set, reason, replaces));
            }
        }
        return out;
    }

    /** Whether the item's number (full or stripped) is one typo from one of the token's keys. */
    private boolean oneTypo(Token t, int item) {
        String number = e.items[item].documentNo();
        if (number == null) {
            return false;
        }
        String full = ReferenceKeys.key(number);
        String stripped = ReferenceKeys.stripped(number);
        for (String key : t.typoKeys()) {
            if (ReferenceKeys.oneTypo(key, full) || ReferenceKeys.oneTypo(key, stripped)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A payer that neither its account nor its name tells anything about: the one open item of any customer
     * whose number is one typo from a number in the text and whose open amount is exactly the payment (no
     * short), without an open twin; null when there is none or more than one. The number's variants are looked
     * up in the exact index.
     */
    private Proposal typoFromAnyone(Prepared p, Refs refs, Ctx x) {
        if (p.payer.customer() >= 0 || p.payer.candidates().length > 0) {
            return null;
        }
        int found = -1;
        for (Token t : refs.unresolved) {
            for (int y : typoHits(t.typoKeys())) {
                if (currencyOf(y) != p.currency || x.open(y) != p.amount || y == found) {
                    continue;
                }
                if (found >= 0 || itemsWithAmount(x, customerOf(y), p.currency, p.amount).length > 1) {
                    return null;
                }
                found = y;
            }
        }
        return found < 0 ? null : full(p, new int[] {found}, MatchRule.REFERENCE_TYPO, REFERENCE_TYPO);
    }

    /**
     * For a clerk only: items of any customer whose number is one typo from a number in the text that resolves
     * to nothing. Generates the number's variants and looks each up in the exact index (no variant index).
     */
    private void typoSuggestions(Prepared p, Refs refs, Ctx x, List<Candidate> candidates) {
        for (Token t : refs.unresolved) {
            for (int y : typoHits(t.typoKeys())) {
                if (currencyOf(y) == p.currency && x.open(y) != 0) {
                    long diff = x.open(y) - p.amount;
                    candidates.add(candidate(new int[] {y}, MatchRule.REFERENCE_TYPO, diff == 0 ? 0.6 : 0.4,
                            no(y) + " is one typo away from '" + t.text() + "' in the text"
                                    + (diff == 0 ? ", same amount" : ", open " + money(x.open(y), p.currency))));
                }
            }
        }
    }

    /** Open items whose number is one typo from a key: adjacent swap, a digit dropped, added or wrong. */
    private int[] typoHits(String[] keys) {
        TreeSet<Integer> hits = new TreeSet<>();
        for (String key : keys) {
            char[] a = key.toCharArray();
            int n = a.length;
            char[] buf = new char[n + 1];
            // two adjacent characters swapped
            for (int i = 0; i + 1 < n; i++) {
                if (a[i] != a[i + 1]) {
                    System.arraycopy(a, 0, buf, 0, n);
                    buf[i] = a[i + 1];
                    buf[i + 1] = a[i];
                    probe(buf, n, hits);
                }
            }
            // one digit too many
            for (int i = 0; i < n; i++) {
                if (ReferenceKeys.isDigit(a[i])) {
                    System.arraycopy(a, 0, buf, 0, i);
                    System.arraycopy(a, i + 1, buf, i, n - i - 1);
                    probe(buf, n - 1, hits);
                }
            }
            // one digit dropped
            for (int i = 0; i <= n; i++) {
                if ((i > 0 && ReferenceKeys.isDigit(a[i - 1])) || (i < n && ReferenceKeys.isDigit(a[i]))) {
                    System.arraycopy(a, 0, buf, 0, i);
                    System.arraycopy(a, i, buf, i + 1, n - i);
                    for (char d = '0'; d <= '9'; d++) {
                        buf[i] = d;
                        probe(buf, n + 1, hits);
                    }
                }
            }
            // one digit wrong
            for (int i = 0; i < n; i++) {
                if (ReferenceKeys.isDigit(a[i])) {
                    System.arraycopy(a, 0, buf, 0, n);
                    for (char d = '0'; d <= '9'; d++) {
                        if (d != a[i]) {
                            buf[i] = d;
                            probe(buf, n, hits);
                        }
                    }
                }
            }
        }
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    private void probe(char[] buf, int length, Set<Integer> hits) {
        if (length < 4) {
            return;
        }
        for (int posting : e.lookup(ReferenceKeys.hash(buf, length), ReferenceKeys.check(buf, length))) {
            int kind = DefaultMatchingEngine.kind(posting);
            if (kind == DefaultMatchingEngine.DOC_FULL || kind == DefaultMatchingEngine.DOC_STRIPPED) {
                hits.add(DefaultMatchingEngine.id(posting));
            }
        }
    }

    /** Payer known, no usable reference: one item with the amount, else the one smallest combination, else short. */
    private Proposal amountRules(Prepared p, Ctx x, List<Candidate> extra) {
        int c = p.payer.customer();
        boolean byAccount = p.payer.byAccount();
        int cur = p.currency;
        long amount = p.amount;
        String payer = payerText(p);
        int[] exact = itemsWithAmount(x, c, cur, amount);
        if (exact.length == 1) {
            return full(p, exact, MatchRule.AMOUNT_EXACT, byAccount ? AMOUNT_EXACT_ACCOUNT : AMOUNT_EXACT_NAME);
        }
        List<Candidate> candidates = new ArrayList<>();
        if (exact.length > 1) {
            for (int i : exact) {
                candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, 0.7,
                        "same amount as " + no(i) + ", " + payer + "; " + exact.length + " open items have it"));
            }
            candidates.addAll(extra);
            return Proposal.open(c, candidates);
        }
        Gathered g = gather(x, c, cur, DefaultMatchingEngine.EMPTY);
        int maxK = g == null ? 0 : CombinationSearch.significantSizes(g.amounts, amount, 2,
                e.policy.maxCombinationSize(), unit(cur), 0, COMBINATION_BY_CHANCE, x.budget);
        CombinationSearch.Result res = g == null || x.budget.exhausted()
                ? new CombinationSearch.Result(CombinationSearch.Kind.EXHAUSTED, List.of())
                : CombinationSearch.search(g.amounts, amount, 2, maxK, x.budget);
        if (maxK < 2 && g != null && e.policy.maxCombinationSize() >= 2) {
            // pairs too likely by chance to be taken: shown to the clerk all the same
            CombinationSearch.Result weak = CombinationSearch.search(g.amounts, amount, 2, 2, x.budget);
            for (int[] sol : weak.solutions()) {
                int[] set = pick(g.items, sol);
                candidates.add(candidate(set, MatchRule.AMOUNT_COMBINATION, 0.5,
                        no(set) + " make the amount, " + payer + "; such amounts are common"));
            }
        }
        List<Integer> shorts = new ArrayList<>();
        if (g != null) {
            for (int k = 0; k < g.items.length; k++) {
                long diff = g.amounts[k] - amount;
                if (diff > 0 && diff <= tolerance(g.amounts[k], cur)) {
                    shorts.add(g.items[k]);
                }
            }
        }
        if (res.kind() == CombinationSearch.Kind.UNIQUE && shorts.isEmpty()) {
            int[] set = pick(g.items, res.solutions().get(0));
            return full(p, set, MatchRule.AMOUNT_COMBINATION,
                    byAccount ? AMOUNT_COMBINATION_ACCOUNT : AMOUNT_COMBINATION_NAME);
        }
        // without a reference only a whole-unit shortfall reads as a bank charge (15.00, not 6.27), and only
        // when two items could not make the amount as well (pairs are searched, and searching them means something)
        if (res.kind() == CombinationSearch.Kind.NONE && maxK >= 2 && shorts.size() == 1
                && (x.open(shorts.get(0)) - amount) % unit(cur) == 0) {
            int w = shorts.get(0);
            return shortPaid(p, new int[] {w}, w, x.open(w) - amount, MatchRule.AMOUNT_SHORT,
                    byAccount ? AMOUNT_SHORT_ACCOUNT : AMOUNT_SHORT_NAME);
        }
        for (int[] sol : res.solutions()) {
            int[] set = pick(g.items, sol);
            candidates.add(candidate(set, MatchRule.AMOUNT_COMBINATION, 0.6,
                    no(set) + " make the amount, " + payer
                            + (res.kind() == CombinationSearch.Kind.EXHAUSTED ? "; search stopped at its budget"
                                    : res.solutions().size() > 1 ? "; other combinations do too" : "")));
        }
        for (int w : shorts) {
            candidates.add(candidate(new int[] {w}, MatchRule.AMOUNT_SHORT, 0.55,
                    "short by " + money(x.open(w) - amount, cur) + " against " + no(w) + ", " + payer));
        }
        candidates.addAll(extra);
        return Proposal.open(c, candidates);
    }

    /** Payer unknown: only suggestions — the customers the name or account might be, any item with the amount. */
    private Proposal unknownPayer(Prepared p, Ctx x, List<Candidate> extra) {
        List<Candidate> candidates = new ArrayList<>(extra);
        int[] maybe = p.payer.candidates();
        for (int k = 0; k < maybe.length && k < 5; k++) {
            int c = maybe[k];
            for (int i : itemsWithAmount(x, c, p.currency, p.amount)) {
                candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, 0.45, "same amount as " + no(i)
                        + "; the payer's name or account fits " + customerName(c) + " and others"));
            }
        }
        // all of the same score: only the oldest due can be shown, so only those get a reason written
        int[] same = byDue(anyItemsWithAmount(x, p.currency, p.amount));
        for (int k = 0; k < same.length && k < MAX_SUGGESTIONS; k++) {
            int i = same[k];
            candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, 0.3,
                    "same amount as " + no(i) + " of " + customerName(customerOf(i)) + "; payer unknown"));
        }
        return Proposal.open(-1, candidates);
    }

    // ------------------------------------------------------------------ building proposals

    /** Every item paid in full. */
    private Proposal full(Prepared p, int[] items, MatchRule rule, double confidence) {
        int[] sorted = byDue(items);
        long[] cash = new long[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            cash[k] = openOf(sorted[k]);
        }
        return Proposal.auto(autoCustomer(p, sorted), sorted, cash, new long[sorted.length], 0, rule, confidence);
    }

    /** Every item paid in full but {@code w}, which is paid short by {@code diff}, written off. */
    private Proposal shortPaid(Prepared p, int[] items, int w, long diff, MatchRule rule, double confidence) {
        int[] sorted = byDue(items);
        long[] cash = new long[sorted.length];
        long[] writeOff = new long[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            cash[k] = openOf(sorted[k]);
            if (sorted[k] == w) {
                cash[k] -= diff;
                writeOff[k] = diff;
            }
        }
        return Proposal.auto(autoCustomer(p, sorted), sorted, cash, writeOff, 0, rule, confidence);
    }

    /** Less than the named items: credit notes taken first, then the items oldest due first. */
    private Proposal partial(Prepared p, int[] items) {
        int[] sorted = byDue(items);
        List<Integer> order = new ArrayList<>();
        for (int i : sorted) {
            if (openOf(i) < 0) {
                order.add(i);
            }
        }
        for (int i : sorted) {
            if (openOf(i) > 0) {
                order.add(i);
            }
        }
        long left = p.amount;
        List<long[]> apps = new ArrayList<>();
        for (int i : order) {
            long cash = openOf(i) < 0 ? openOf(i) : Math.min(openOf(i), left);
            if (cash == 0) {
                continue;
            }
            left -= cash;
            apps.add(new long[] {i, cash});
        }
        int[] its = apps.stream().mapToInt(a -> (int) a[0]).toArray();
        long[] cash = apps.stream().mapToLong(a -> a[1]).toArray();
        return Proposal.auto(autoCustomer(p, its), its, cash, new long[its.length], 0, MatchRule.REFERENCE_PARTIAL,
                REFERENCE_PARTIAL);
    }

    /** The payer if known, else the items' one customer, else the first item's. */
    private int autoCustomer(Prepared p, int[] items) {
        if (p.payer.customer() >= 0) {
            return p.payer.customer();
        }
        int single = singleCustomer(items);
        return single >= 0 ? single : items.length == 0 ? -1 : customerOf(items[0]);
    }


    /** One whole unit of the currency in minor units (100 for CNY). */
    private long unit(int currency) {
        long u = 1;
        for (int k = 0; k < scale[currency]; k++) {
            u *= 10;
        }
        return u;
    }

    private boolean containsCustomer(int[] items, int customer) {
        for (int i : items) {
            if (customerOf(i) == customer) {
                return true;
            }
        }
        return false;
    }

    private int singleCustomer(int[] items) {
        int c = -1;
        for (int i : items) {
            if (c == -1) {
                c = customerOf(i);
            } else if (c != customerOf(i)) {
                return -1;
            }
        }
        return c;
    }

    private int largestPositive(Ctx x, int[] items) {
        int best = -1;
        for (int i : items) {
            long o = x.open(i);
            if (o > 0 && (best < 0 || o > openOf(best) || (o == openOf(best) && i < best))) {
                best = i;
            }
        }
        return best;
    }

    /** Distinct items, oldest due first (ties by index). */
    private int[] byDue(int[] items) {
        if (items.length > 16) {
            long[] keys = new long[items.length];
            for (int k = 0; k < items.length; k++) {
                long due = Math.min(e.itemDue[items[k]], Integer.MAX_VALUE);
                keys[k] = (due << 32) | items[k];
            }
            Arrays.sort(keys);
            int[] out = new int[items.length];
            int n = 0;
            for (int k = 0; k < keys.length; k++) {
                if (k == 0 || keys[k] != keys[k - 1]) {
                    out[n++] = (int) keys[k];
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
        int[] out = new int[items.length];
        int n = 0;
        for (int i : items) {
            int at = n;
            boolean duplicate = false;
            for (int m = 0; m < n; m++) {
                if (out[m] == i) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                continue;
            }
            while (at > 0 && (e.itemDue[out[at - 1]] > e.itemDue[i]
                    || (e.itemDue[out[at - 1]] == e.itemDue[i] && out[at - 1] > i))) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = i;
            n++;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private long sum(Ctx x, int[] items) {
        long s = 0;
        for (int i : items) {
            s += x.open(i);
        }
        return s;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] pick(int[] items, int[] positions) {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = items[positions[k]];
        }
        return out;
    }

    private Candidate candidate(int[] items, MatchRule rule, double score, String reason) {
        int[] sorted = byDue(items);
        long[] docs = Arrays.stream(sorted).mapToLong(i -> e.documentIds[i]).toArray();
        long due = sorted.length == 0 ? Long.MAX_VALUE : e.itemDue[sorted[0]];
        int customer = singleCustomer(sorted);
        return new Candidate(customer, docs, rule, score, due, reason);
    }

    // ------------------------------------------------------------------ texts

    private String no(int item) {
        String no = e.items[item].documentNo();
        return no == null ? "document " + e.documentIds[item] : no;
    }

    private String no(int[] items) {
        StringBuilder b = new StringBuilder();
        for (int i : byDue(items)) {
            if (b.length() > 0) {
                b.append(" + ");
            }
            b.append(no(i));
        }
        return b.toString();
    }

    private BigDecimal money(long minor, int currency) {
        return BigDecimal.valueOf(minor, scale[currency]);
    }

    private String customerName(int c) {
        String name = e.customerNames[c];
        return name == null ? "customer " + e.customerIds[c] : name;
    }

    private String payerText(Prepared p) {
        return "payer " + customerName(p.payer.customer()) + (p.payer.byAccount() ? " by account" : " by name");
    }

    private static String namedInText(Refs refs) {
        List<String> texts = new ArrayList<>();
        for (Token t : refs.unresolved) {
            texts.add("'" + t.text() + "'");
        }
        return texts.isEmpty() ? "a number" : String.join(", ", texts);
    }

    // ------------------------------------------------------------------ the outcome

    /** zero at each currency's scale, shared by all outcomes */
    private BigDecimal[] zeros;
    private static final Map<Double, BigDecimal> CONFIDENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private BigDecimal amountOf(long minor, int currency) {
        return minor == 0 ? zeros[currency] : money(minor, currency);
    }

    private MatchOutcome outcome(Prepared p, Proposal pr) {
        long tx = p.payment.transactionId();
        Long customer = pr.customer >= 0 ? e.customerIds[pr.customer] : null;
        int cur = p.currency;
        if (pr.isAuto()) {
            List<MatchOutcome.Application> apps = new ArrayList<>();
            for (int k = 0; k < pr.items.length; k++) {
                apps.add(new MatchOutcome.Application(e.documentIds[pr.items[k]], amountOf(pr.cash[k], cur),
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
                .thenComparing(Candidate::reason));
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
            long customerId = k.customer() >= 0 ? e.customerIds[k.customer()]
                    : customer != null ? customer : -1;
            suggestions.add(new MatchOutcome.Suggestion(customerId,
                    Arrays.stream(k.documentIds()).boxed().toList(), k.rule(),
                    BigDecimal.valueOf(k.score()).setScale(2, RoundingMode.HALF_UP), k.reason()));
        }
        MatchOutcome.Status status = suggestions.isEmpty() ? MatchOutcome.Status.UNMATCHED
                : MatchOutcome.Status.SUGGESTED;
        BigDecimal zero = cur >= 0 ? zeros[cur] : BigDecimal.ZERO;
        return new MatchOutcome(tx, status, customer, List.of(), zero, null, null, List.copyOf(suggestions));
    }
}
