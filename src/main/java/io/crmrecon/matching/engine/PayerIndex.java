package io.crmrecon.matching.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** Who a payment comes from, as far as its account and name tell: accounts and names to customers. */
final class PayerIndex {

    final Map<String, int[]> accounts = new HashMap<>();
    final Map<String, int[]> exactNames = new HashMap<>();
    final Map<String, int[]> tolerantNames = new HashMap<>();

    /** Indexes the payers; {@code customerNames} receives each customer's name (the least of its names). */
    PayerIndex(Payer[] payers, EngineIndex index, String[] customerNames) {
        String[][] payerKeys = new String[payers.length][];
        IntStream.range(0, payers.length).parallel().forEach(k -> {
            String exactName = PayerNames.exactName(payers[k].name());
            payerKeys[k] = new String[] {exactName, PayerNames.tolerantOfExact(exactName)};
        });
        for (int k = 0; k < payers.length; k++) {
            Payer p = payers[k];
            int c = index.customerIndex(p.customerId());
            if (p.name() != null && (customerNames[c] == null || p.name().compareTo(customerNames[c]) < 0)) {
                customerNames[c] = p.name();
            }
            if (p.accounts() != null) {
                for (String a : p.accounts()) {
                    String key = PayerNames.account(a);
                    if (key != null) {
                        accounts.merge(key, new int[] {c}, PayerIndex::union);
                    }
                }
            }
            if (payerKeys[k][0] != null) {
                exactNames.merge(payerKeys[k][0], new int[] {c}, PayerIndex::union);
            }
            if (payerKeys[k][1] != null) {
                tolerantNames.merge(payerKeys[k][1], new int[] {c}, PayerIndex::union);
            }
        }
    }

    /** Two sorted sets of customers as one. */
    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    /** Who paid, as far as account and name tell; customer -1 when not one customer. */
    record PayerMatch(int customer, boolean byAccount, int[] candidates) {
        static final PayerMatch NONE = new PayerMatch(-1, false, EngineIndex.EMPTY);
    }

    PayerMatch identify(IncomingPayment p) {
        String account = PayerNames.account(p.counterpartyAccount());
        int[] byAccount = account == null ? EngineIndex.EMPTY : accounts.getOrDefault(account, EngineIndex.EMPTY);
        if (byAccount.length == 1) {
            return new PayerMatch(byAccount[0], true, byAccount);
        }
        String exactName = PayerNames.exactName(p.counterpartyName());
        String tolerantName = PayerNames.tolerantOfExact(exactName);
        int[] exact = exactName == null ? EngineIndex.EMPTY : exactNames.getOrDefault(exactName, EngineIndex.EMPTY);
        int[] tolerant = tolerantName == null ? EngineIndex.EMPTY
                : tolerantNames.getOrDefault(tolerantName, EngineIndex.EMPTY);
        if (byAccount.length > 1) {
            // an account several customers pay from: the name may tell which
            int[] both = intersect(byAccount, exact);
            if (both.length != 1) {
                both = intersect(byAccount, tolerant);
            }
            return both.length == 1 ? new PayerMatch(both[0], true, byAccount) : new PayerMatch(-1, false, byAccount);
        }
        if (exact.length == 1) {
            return new PayerMatch(exact[0], false, exact);
        }
        if (exact.length == 0 && tolerant.length == 1) {
            return new PayerMatch(tolerant[0], false, tolerant);
        }
        int[] candidates = exact.length > 0 ? exact : tolerant;
        return candidates.length == 0 ? PayerMatch.NONE : new PayerMatch(-1, false, candidates);
    }

    private static int[] intersect(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
    }
}
