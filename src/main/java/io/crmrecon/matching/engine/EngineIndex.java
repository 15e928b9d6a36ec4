package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * What the engine knows, built once over a snapshot of open items, payers and statements and never changed
 * after: every run works on its own copy of the open amounts (see {@link OpenAmounts}), so one index may serve
 * several runs, also at the same time.
 *
 * <p>Indexes, built in parallel:
 * <ul>
 * <li>references ({@link ReferenceIndex});</li>
 * <li>amounts: (customer, currency, open amount) → items and (currency, open amount) → items;</li>
 * <li>payers ({@link PayerIndex}): normalised account → customers, exact and tolerant name → customers;</li>
 * <li>per customer: its items by currency and amount (for range queries and the bounded combination
 * search).</li>
 * </ul>
 * About 250 MB for a million open items of 100,000 customers.
 */
final class EngineIndex {

    static final int[] EMPTY = new int[0];

    final MatchingPolicy policy;

    // ---- items, in documentId order (so nothing depends on the order they were given in)
    final OpenItem[] items;
    final long[] documentIds;
    final int[] itemCustomer;
    final int[] itemCurrency;
    /** open amount in minor units at the snapshot; 0 for an unusable item (never matched) */
    final long[] itemOpen;
    /** the order items are paid in when a payment does not cover all: due date, else issue date (epoch day) */
    final long[] itemDue;

    // ---- customers
    final long[] customerIds;
    final String[] customerNames;
    final int[] customerItemStart;
    final int[] customerItems;

    // ---- currencies
    final List<String> currencies = new ArrayList<>();
    final Map<String, Integer> currencyIndex = new HashMap<>();
    final int[] currencyScale;

    // ---- statements and settled documents
    final StatementRef[] statements;
    final int[] statementCustomer;
    final int[][] statementItems;
    final SettledDocument[] settled;
    final int[] settledCustomer;

    // ---- indexes
    final ReferenceIndex references;
    final LongMultiIndex customerAmounts;
    final LongMultiIndex amounts;
    final PayerIndex payers;

    EngineIndex(Collection<OpenItem> openItems, Collection<Payer> payerList, Collection<StatementRef> statementRefs,
            MatchingPolicy policy, Collection<SettledDocument> settledDocs) {
        this.policy = Objects.requireNonNull(policy, "policy");
        OpenItem[] given = openItems.stream().filter(Objects::nonNull).toArray(OpenItem[]::new);
        Payer[] payerArray = payerList.stream().filter(Objects::nonNull).toArray(Payer[]::new);
        this.customerIds = customerIds(given, payerArray, statementRefs, settledDocs);
        this.customerNames = new String[customerIds.length];
        this.customerItemStart = new int[customerIds.length + 1];
        this.items = byCustomerAndDocument(given, customerIds, customerItemStart);
        this.currencyScale = currencies(items);
        int n = items.length;
        documentIds = new long[n];
        itemCustomer = new int[n];
        itemCurrency = new int[n];
        itemOpen = new long[n];
        itemDue = new long[n];
        fillItems();
        this.customerItems = customerItemsByAmount();

        this.statements = statementRefs.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(StatementRef::statementNo,
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(StatementRef::customerId))
                .toArray(StatementRef[]::new);
        statementCustomer = new int[statements.length];
        statementItems = new int[statements.length][];
        fillStatements();
        this.settled = settledDocs.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(SettledDocument::documentId)).toArray(SettledDocument[]::new);
        settledCustomer = new int[settled.length];
        for (int s = 0; s < settled.length; s++) {
            settledCustomer[s] = customerIndex(settled[s].customerId());
        }

        this.references = new ReferenceIndex(this);
        this.customerAmounts = amountIndex(true);
        this.amounts = amountIndex(false);
        this.payers = new PayerIndex(payerArray, this, customerNames);
    }

    /** Every customer id that payers, items, statements or settled documents name, sorted. */
    private static long[] customerIds(OpenItem[] given, Payer[] payers, Collection<StatementRef> statementRefs,
            Collection<SettledDocument> settledDocs) {
        LongStream ids = LongStream.concat(Arrays.stream(payers).mapToLong(Payer::customerId),
                Arrays.stream(given).mapToLong(OpenItem::customerId));
        ids = LongStream.concat(ids,
                statementRefs.stream().filter(Objects::nonNull).mapToLong(StatementRef::customerId));
        ids = LongStream.concat(ids,
                settledDocs.stream().filter(Objects::nonNull).mapToLong(SettledDocument::customerId));
        return ids.parallel().sorted().distinct().toArray();
    }

    /**
     * Items by customer (counting sort), then by document within each: canonical whatever the input order, and
     * a customer's items side by side in memory; {@code perCustomer} receives where each customer's items start.
     */
    private static OpenItem[] byCustomerAndDocument(OpenItem[] given, long[] custIds, int[] perCustomer) {
        int n = given.length;
        int[] rank = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> rank[i] = Arrays.binarySearch(custIds, given[i].customerId()));
        for (int i = 0; i < n; i++) {
            perCustomer[rank[i] + 1]++;
        }
        for (int c = 0; c < custIds.length; c++) {
            perCustomer[c + 1] += perCustomer[c];
        }
        OpenItem[] sorted = new OpenItem[n];
        int[] placed = new int[custIds.length];
        for (int i = 0; i < n; i++) {
            sorted[perCustomer[rank[i]] + placed[rank[i]]++] = given[i];
        }
        Comparator<OpenItem> byDocument = Comparator.comparingLong(OpenItem::documentId)
                .thenComparing(OpenItem::documentNo, Comparator.nullsFirst(Comparator.naturalOrder()));
        IntStream.range(0, custIds.length).parallel()
                .forEach(c -> Arrays.sort(sorted, perCustomer[c], perCustomer[c + 1], byDocument));
        return sorted;
    }

    /** The items' currencies and their scales: the currency's minor digits, or more if the items use more. */
    private int[] currencies(OpenItem[] sorted) {
        int n = sorted.length;
        int[] itemScale = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            BigDecimal open = sorted[i].open();
            itemScale[i] = open == null ? 0 : Math.max(0, open.stripTrailingZeros().scale());
        });
        Map<String, Integer> scales = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String code = sorted[i].currency();
            if (code != null && sorted[i].open() != null) {
                Integer known = scales.get(code);
                if (known == null) {
                    scales.put(code, Math.max(itemScale[i], minorDigits(code)));
                } else if (itemScale[i] > known) {
                    scales.put(code, itemScale[i]);
                }
            }
        }
        List<String> codes = new ArrayList<>(scales.keySet());
        codes.sort(Comparator.naturalOrder());
        int[] scale = new int[codes.size()];
        for (String code : codes) {
            scale[currencies.size()] = scales.get(code);
            currencyIndex.put(code, currencies.size());
            currencies.add(code);
        }
        return scale;
    }

    /** Per item: its document, customer, currency, open amount in minor units and due day. */
    private void fillItems() {
        IntStream.range(0, items.length).parallel().forEach(i -> {
            OpenItem it = items[i];
            documentIds[i] = it.documentId();
            itemCustomer[i] = Arrays.binarySearch(customerIds, it.customerId());
            Integer cur = it.currency() == null ? null : currencyIndex.get(it.currency());
            itemCurrency[i] = cur == null ? -1 : cur;
            Long minor = cur == null || it.open() == null ? null : toMinor(it.open(), currencyScale[cur]);
            itemOpen[i] = minor == null ? 0 : minor;
            LocalDate due = it.dueDate() != null ? it.dueDate() : it.issueDate();
            itemDue[i] = due == null ? Long.MAX_VALUE : due.toEpochDay();
        });
    }

    /** Each customer's items by currency and amount, for range queries. */
    private int[] customerItemsByAmount() {
        int n = items.length;
        int[] byCustomer = new int[n];
        int[] fill = new int[customerIds.length];
        for (int i = 0; i < n; i++) {
            int c = itemCustomer[i];
            byCustomer[customerItemStart[c] + fill[c]++] = i;
        }
        IntStream.range(0, customerIds.length).parallel().forEach(c -> {
            int from = customerItemStart[c];
            int to = customerItemStart[c + 1];
            if (to - from > 1 && to - from <= 32) {
                for (int k = from + 1; k < to; k++) { // insertion sort: customers have few items
                    int item = byCustomer[k];
                    int m = k - 1;
                    while (m >= from && compareItems(byCustomer[m], item) > 0) {
                        byCustomer[m + 1] = byCustomer[m];
                        m--;
                    }
                    byCustomer[m + 1] = item;
                }
            } else if (to - from > 1) {
                Integer[] slice = new Integer[to - from];
                for (int k = 0; k < slice.length; k++) {
                    slice[k] = byCustomer[from + k];
                }
                Arrays.sort(slice, this::compareItems);
                for (int k = 0; k < slice.length; k++) {
                    byCustomer[from + k] = slice[k];
                }
            }
        });
        return byCustomer;
    }

    /** Statements: their customers and their documents among the open items. */
    private void fillStatements() {
        for (int s = 0; s < statements.length; s++) {
            statementCustomer[s] = customerIndex(statements[s].customerId());
            List<Long> docs = statements[s].documentIds() == null ? List.of() : statements[s].documentIds();
            int c = statementCustomer[s];
            statementItems[s] = docs.stream().filter(Objects::nonNull).mapToInt(d -> itemOfDocument(c, d))
                    .filter(i -> i >= 0).distinct().sorted().toArray();
        }
    }

    /** (customer, currency, open amount) → items, or (currency, open amount) → items. */
    private LongMultiIndex amountIndex(boolean perCustomer) {
        LongMultiIndex.Builder b = new LongMultiIndex.Builder(items.length);
        for (int i = 0; i < items.length; i++) {
            if (itemOpen[i] != 0) {
                b.add(perCustomer ? customerAmountKey(itemCustomer[i], itemCurrency[i], itemOpen[i])
                        : amountKey(itemCurrency[i], itemOpen[i]), i);
            }
        }
        return b.build();
    }

    /** Items in the order range queries need: currency, open amount, index. */
    private int compareItems(int a, int b) {
        return itemCurrency[a] != itemCurrency[b] ? Integer.compare(itemCurrency[a], itemCurrency[b])
                : itemOpen[a] != itemOpen[b] ? Long.compare(itemOpen[a], itemOpen[b]) : Integer.compare(a, b);
    }

    /** The index of a customer id (ids are sorted). */
    int customerIndex(long customerId) {
        return Arrays.binarySearch(customerIds, customerId);
    }

    // ------------------------------------------------------------------ building

    static int minorDigits(String currency) {
        try {
            int d = Currency.getInstance(currency).getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** The amount in minor units at the scale, or null when it does not fit exactly. */
    static Long toMinor(BigDecimal amount, int scale) {
        try {
            // scaleByPowerOfTen keeps the compact form; longValueExact of a compact scale-0 value is a field read
            return amount.scaleByPowerOfTen(scale).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The customer's open item of that document (a statement lists its customer's documents), or -1. */
    private int itemOfDocument(int customer, long documentId) {
        int from = customerItemStart[customer];
        int to = customerItemStart[customer + 1];
        int at = Arrays.binarySearch(documentIds, from, to, documentId);
        if (at < 0) {
            return -1;
        }
        while (at > from && documentIds[at - 1] == documentId) {
            at--;
        }
        return itemOpen[at] == 0 ? -1 : at;
    }

    static long customerAmountKey(int customer, int currency, long amount) {
        long who = ((long) customer << 16) | (currency & 0xffff);
        return ReferenceKeys.mix(ReferenceKeys.mix(amount) ^ who * 0x9E3779B97F4A7C15L);
    }

    static long amountKey(int currency, long amount) {
        long seed = 0xC2B2AE3D27D4EB4FL * (currency + 1);
        return ReferenceKeys.mix(ReferenceKeys.mix(amount + 0x5851F42D4C957F2DL) ^ seed);
    }
}
