package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.OpenAmounts.Gathered;
import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every family of rules reads and builds its proposals with: the index, the run's open amounts and
 * currencies; proposals (paid in full, paid short, paid in part) and suggestions for a clerk, with their reasons.
 */
abstract class Rules {

    final EngineIndex index;
    final OpenAmounts state;
    final Currencies currencies;

    Rules(EngineIndex index, OpenAmounts state, Currencies currencies) {
        this.index = index;
        this.state = state;
        this.currencies = currencies;
    }

    // ------------------------------------------------------------------ reading the state

    long openOf(int item) {
        return state.openOf(item);
    }

    int customerOf(int item) {
        return state.customerOf(item);
    }

    int currencyOf(int item) {
        return state.currencyOf(item);
    }

    int[] itemsWithAmount(Reads x, int customer, int currency, long amount) {
        return state.itemsWithAmount(x, customer, currency, amount);
    }

    int[] itemsInRange(Reads x, int customer, int currency, long lo, long hi) {
        return state.itemsInRange(x, customer, currency, lo, hi);
    }

    int[] anyItemsWithAmount(Reads x, int currency, long amount) {
        return state.anyItemsWithAmount(x, currency, amount);
    }

    Gathered gather(Reads x, int customer, int currency, int[] exclude) {
        return state.gather(x, customer, currency, exclude);
    }

    long tolerance(long amount, int currency) {
        return currencies.tolerance(amount, currency);
    }

    long unit(int currency) {
        return currencies.unit(currency);
    }

    BigDecimal money(long minor, int currency) {
        return currencies.money(minor, currency);
    }

    // ------------------------------------------------------------------ building proposals

    /** Every item paid in full. */
    Proposal full(Prepared p, int[] items, MatchRule rule, double confidence) {
        int[] sorted = byDue(items);
        long[] cash = new long[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            cash[k] = openOf(sorted[k]);
        }
        return Proposal.auto(autoCustomer(p, sorted), sorted, cash, new long[sorted.length], 0, rule, confidence);
    }

    /** Every item paid in full but {@code w}, which is paid short by {@code diff}, written off. */
    Proposal shortPaid(Prepared p, int[] items, int w, long diff, MatchRule rule, double confidence) {
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
    Proposal partial(Prepared p, int[] items) {
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
                Scores.REFERENCE_PARTIAL);
    }

    /** The payer if known, else the items' one customer, else the first item's. */
    int autoCustomer(Prepared p, int[] items) {
        if (p.payer.customer() >= 0) {
            return p.payer.customer();
        }
        int single = singleCustomer(items);
        return single >= 0 ? single : items.length == 0 ? -1 : customerOf(items[0]);
    }



    boolean containsCustomer(int[] items, int customer) {
        for (int i : items) {
            if (customerOf(i) == customer) {
                return true;
            }
        }
        return false;
    }

    int singleCustomer(int[] items) {
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

    int largestPositive(Reads x, int[] items) {
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
    int[] byDue(int[] items) {
        if (items.length > 16) {
            long[] keys = new long[items.length];
            for (int k = 0; k < items.length; k++) {
                long due = Math.min(index.itemDue[items[k]], Integer.MAX_VALUE);
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
            while (at > 0 && (index.itemDue[out[at - 1]] > index.itemDue[i]
                    || (index.itemDue[out[at - 1]] == index.itemDue[i] && out[at - 1] > i))) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = i;
            n++;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    long sum(Reads x, int[] items) {
        long s = 0;
        for (int i : items) {
            s += x.open(i);
        }
        return s;
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int[] pick(int[] items, int[] positions) {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = items[positions[k]];
        }
        return out;
    }

    Candidate candidate(int[] items, MatchRule rule, double score, Reason reason) {
        int[] sorted = byDue(items);
        long[] docs = Arrays.stream(sorted).mapToLong(i -> index.documentIds[i]).toArray();
        long due = sorted.length == 0 ? Long.MAX_VALUE : index.itemDue[sorted[0]];
        int customer = singleCustomer(sorted);
        return new Candidate(customer, docs, rule, score, due, reason);
    }

    // ------------------------------------------------------------------ texts

    String no(int item) {
        String no = index.items[item].documentNo();
        return no == null ? "document " + index.documentIds[item] : no;
    }

    String no(int[] items) {
        StringBuilder b = new StringBuilder();
        for (int i : byDue(items)) {
            if (b.length() > 0) {
                b.append(" + ");
            }
            b.append(no(i));
        }
        return b.toString();
    }


    String customerName(int c) {
        String name = index.customerNames[c];
        return name == null ? "customer " + index.customerIds[c] : name;
    }

    /** The payer as a reason names it: its name and how it was recognised (account or name). */
    String[] payer(Prepared p) {
        return new String[] {customerName(p.payer.customer()), p.payer.byAccount() ? "account" : "name"};
    }

    static String namedInText(Refs refs) {
        List<String> texts = new ArrayList<>();
        for (Token t : refs.unresolved) {
            texts.add("'" + t.text() + "'");
        }
        return texts.isEmpty() ? "a number" : String.join(", ", texts);
    }
}
