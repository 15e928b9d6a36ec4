package io.crmrecon.matching.engine;

import java.util.Arrays;

/**
 * What one evaluation read — items, customers, amounts — so that a proposal computed from it is noticed when one
 * of them changes before it is applied; and the evaluation's operation budget.
 */
final class Reads {
final CombinationSearch.Budget budget;
private final OpenAmounts state;
    private int[] items = new int[8];
    private int itemCount;
    private int[] customers = new int[2];
    private int customerCount;
    private int[] amountSlots = new int[1];
    private int amountSlotCount;

    Reads(OpenAmounts state, int combinationBudget) {
        this.state = state;
        this.budget = new CombinationSearch.Budget(Math.max(0, combinationBudget));
    }

    long open(int item) {
        if (itemCount == items.length) {
            items = Arrays.copyOf(items, itemCount * 2);
        }
        items[itemCount++] = item;
        return state.openOf(item);
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
        int slot = OpenAmounts.amountSlot(currency, amount);
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
            return EngineIndex.EMPTY;
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
        return customerCount == 0 ? EngineIndex.EMPTY : Arrays.copyOf(customers, customerCount);
    }

    int[] amountSlots() {
        return amountSlotCount == 0 ? EngineIndex.EMPTY : Arrays.copyOf(amountSlots, amountSlotCount);
    }
}
