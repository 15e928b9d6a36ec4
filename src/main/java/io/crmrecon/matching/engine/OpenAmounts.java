package io.crmrecon.matching.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The open amounts of one run: a copy of the snapshot's that the run changes as it applies proposals, with what
 * changed when (so that a proposal computed against an older state is noticed), and the queries the rules ask of
 * it — a customer's items of an amount or in a range of amounts, any customer's items of an amount, a customer's
 * items for the combination search. Items, customers and currencies are indexes of the {@link EngineIndex}.
 */
final class OpenAmounts {

    /** items of one amount a suggestion for an unknown payer looks at */
    static final int GLOBAL_SCAN = 200;

    private final EngineIndex index;
    /** per item, open now: what a run changes; the rest (open at the snapshot, customer, currency) is the index's */
    private final long[] open;
    /** per item: when it last changed (the run's clock) */
    private final int[] changedAt;
    private final long[] initial;
    private final int[] customer;
    private final int[] currency;
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

    static int amountSlot(int currency, long amount) {
        return (int) (EngineIndex.amountKey(currency, amount) >>> (64 - AMOUNT_SLOT_BITS));
    }
    private int clock;

    OpenAmounts(EngineIndex index) {
        this.index = index;
        int n = index.itemOpen.length;
        this.open = index.itemOpen.clone();
        this.changedAt = new int[n];
        this.initial = index.itemOpen;
        this.customer = index.itemCustomer;
        this.currency = index.itemCurrency;
        this.customerState = new int[2 * index.customerIds.length];
        for (int i = 0; i < n; i++) {
            if (initial[i] != 0) {
                customerState[2 * customer[i] + 1]++;
            }
        }
    }

    /** The run's clock: how many proposals were applied. */
    int clock() {
        return clock;
    }

    boolean valid(Proposal pr) {
        for (int i : pr.depItems) {
            if (changedAt[i] > pr.time) {
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

    boolean apply(Proposal pr, long amount) {
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
            open[i] = after;
            changedAt[i] = time;
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
                overlayRemove(EngineIndex.customerAmountKey(c, cur, b), i);
                overlayRemove(EngineIndex.amountKey(cur, b), i);
            } else if (after != 0) { // items paid in full are simply no longer open
                int[] list = changedByCustomer.getOrDefault(c, EngineIndex.EMPTY);
                int[] grown = append(list, i);
                Arrays.sort(grown);
                changedByCustomer.put(c, grown);
            }
            if (after != 0) {
                overlayAdd(EngineIndex.customerAmountKey(c, cur, after), i);
                overlayAdd(EngineIndex.amountKey(cur, after), i);
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

    /** The payer's items (of the currency) whose open amount is exactly {@code amount}, in index order. */
    int[] itemsWithAmount(Reads x, int customer, int currency, long amount) {
        long key = EngineIndex.customerAmountKey(customer, currency, amount);
        x.customer(customer);
        int[] out = EngineIndex.EMPTY;
        int slot = index.customerAmounts.find(key);
        if (slot >= 0) {
            int start = index.customerAmounts.start(slot);
            int end = start + index.customerAmounts.count(slot);
            for (int p = start; p < end; p++) {
                int i = index.customerAmounts.value(p);
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

    /** A new record of what one evaluation reads. */
    Reads reads() {
        return new Reads(this, index.policy.combinationBudget());
    }

    long openOf(int item) {
        return open[item];
    }

    long initialOf(int item) {
        return initial[item];
    }

    int customerOf(int item) {
        return customer[item];
    }

    int currencyOf(int item) {
        return currency[item];
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
    int[] itemsInRange(Reads x, int customer, int currency, long lo, long hi) {
        x.customer(customer);
        int from = index.customerItemStart[customer];
        int to = index.customerItemStart[customer + 1];
        int a = from;
        int b = to;
        while (a < b) { // first item of (currency, amount ≥ lo)
            int mid = (a + b) >>> 1;
            int i = index.customerItems[mid];
            if (currencyOf(i) < currency || (currencyOf(i) == currency && initialOf(i) < lo)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int[] out = EngineIndex.EMPTY;
        for (int p = a; p < to; p++) {
            int i = index.customerItems[p];
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
    int[] anyItemsWithAmount(Reads x, int currency, long amount) {
        long key = EngineIndex.amountKey(currency, amount);
        x.amount(currency, amount);
        int[] changed = overlay.getOrDefault(key, EngineIndex.EMPTY);
        int slot = index.amounts.find(key);
        int[] out = new int[Math.min(GLOBAL_SCAN, slot < 0 ? 0 : index.amounts.count(slot)) + changed.length];
        int n = 0;
        if (slot >= 0) {
            int start = index.amounts.start(slot);
            for (int p = start; p < start + index.amounts.count(slot) && n < GLOBAL_SCAN; p++) {
                int i = index.amounts.value(p);
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
    record Gathered(long[] amounts, int[] items) {
    }

    Gathered gather(Reads x, int customer, int currency, int[] exclude) {
        x.customer(customer);
        int from = index.customerItemStart[customer];
        int to = index.customerItemStart[customer + 1];
        // one operation per open item of the customer: the same in a later run over the amounts left
        if (!x.budget.spend(customerState[2 * customer + 1])) {
            return null;
        }
        int[] items = new int[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            int i = index.customerItems[p];
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
}
