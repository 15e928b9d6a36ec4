package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The matching engine: indexes built once over a snapshot of open items, payers and statements; every
 * {@link #matchAll} works on its own copy of the open amounts (see {@link MatchRun}), so one engine may serve
 * several runs, also at the same time.
 *
 * <p>Indexes, built in parallel:
 * <ul>
 * <li>references: each document number, tax invoice number, statement number and settled document number under
 * its {@link ReferenceKeys#key full key} and its {@link ReferenceKeys#stripped stripped key}, in a flat table
 * keyed by a 64-bit hash of the key, with a second, independent 64-bit hash stored beside each entry to verify
 * hits without touching the numbers themselves;</li>
 * <li>amounts: (customer, currency, open amount) → items and (currency, open amount) → items;</li>
 * <li>payers: normalised account → customers, exact and tolerant name → customers;</li>
 * <li>per customer: its items by currency and amount (for range queries and the bounded combination
 * search).</li>
 * </ul>
 * A near-miss reference is looked for among the items of the customer it must belong to whose amount fits,
 * each compared with the number; for a clerk's suggestions only, an unresolved number's one-typo variants are
 * looked up in the exact index. There is no index of variants: memory stays proportional to the items.
 * About 250 MB for a million open items of 100,000 customers.
 */
final class DefaultMatchingEngine implements MatchingEngine {

    // posting kinds of the reference index: (id << KIND_BITS) | kind
    static final int DOC_FULL = 0;
    static final int DOC_STRIPPED = 1;
    static final int TAX_FULL = 2;
    static final int TAX_STRIPPED = 3;
    static final int STMT_FULL = 4;
    static final int STMT_STRIPPED = 5;
    static final int SETTLED_DOC_FULL = 6;
    static final int SETTLED_DOC_STRIPPED = 7;
    static final int SETTLED_TAX_FULL = 8;
    static final int SETTLED_TAX_STRIPPED = 9;
    static final int KIND_BITS = 4;
    static final int KIND_MASK = (1 << KIND_BITS) - 1;

    /** text n-grams join at most this many runs of letters and digits */
    static final int MAX_RUNS = 5;
    static final int MAX_KEY_LENGTH = 40;

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
    int[] currencyScale;

    // ---- statements and settled documents
    final StatementRef[] statements;
    final int[] statementCustomer;
    final int[][] statementItems;
    final SettledDocument[] settled;
    final int[] settledCustomer;

    // ---- indexes
    final LongMultiIndex references;
    /** family (the letters before the first digit of a key) → {fewest digits, most digits} seen */
    final Map<String, int[]> families = new HashMap<>();
    /** every prefix of a family, "" included */
    final Set<String> familyPrefixes = new HashSet<>();
    final LongMultiIndex customerAmounts;
    final LongMultiIndex amounts;
    final Map<String, int[]> accounts = new HashMap<>();
    final Map<String, int[]> exactNames = new HashMap<>();
    final Map<String, int[]> tolerantNames = new HashMap<>();

    DefaultMatchingEngine(Collection<OpenItem> openItems, Collection<Payer> payerList,
            Collection<StatementRef> statementRefs, MatchingPolicy policy, Collection<SettledDocument> settledDocs) {
        this.policy = Objects.requireNonNull(policy, "policy");
        OpenItem[] given = openItems.stream().filter(Objects::nonNull).toArray(OpenItem[]::new);
        Payer[] payers = payerList.stream().filter(Objects::nonNull).toArray(Payer[]::new);

        // customers: every id that payers, items, statements or settled documents name, sorted
        LongStream ids = LongStream.concat(Arrays.stream(payers).mapToLong(Payer::customerId),
                Arrays.stream(given).mapToLong(OpenItem::customerId));
        ids = LongStream.concat(ids,
                statementRefs.stream().filter(Objects::nonNull).mapToLong(StatementRef::customerId));
        ids = LongStream.concat(ids,
                settledDocs.stream().filter(Objects::nonNull).mapToLong(SettledDocument::customerId));
        long[] custIds = ids.parallel().sorted().distinct().toArray();
        this.customerIds = custIds;
        this.customerNames = new String[custIds.length];

        // items by customer (counting sort), then by document within each: canonical whatever the input order,
        // and a customer's items side by side in memory
        int n = given.length;
        int[] rank = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> rank[i] = Arrays.binarySearch(custIds, given[i].customerId()));
        int[] perCustomer = new int[custIds.length + 1];
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
        this.items = sorted;

        // currencies and their scales: the currency's minor digits, or more if the items use more
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
        currencyScale = new int[codes.size()];
        for (String code : codes) {
            currencyScale[currencies.size()] = scales.get(code);
            currencyIndex.put(code, currencies.size());
            currencies.add(code);
        }

        // items
        documentIds = new long[n];
        itemCustomer = new int[n];
        itemCurrency = new int[n];
        itemOpen = new long[n];
        itemDue = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            OpenItem it = sorted[i];
            documentIds[i] = it.documentId();
            itemCustomer[i] = Arrays.binarySearch(custIds, it.customerId());
            Integer cur = it.currency() == null ? null : currencyIndex.get(it.currency());
            itemCurrency[i] = cur == null ? -1 : cur;
            Long minor = cur == null || it.open() == null ? null : toMinor(it.open(), currencyScale[cur]);
            itemOpen[i] = minor == null ? 0 : minor;
            LocalDate due = it.dueDate() != null ? it.dueDate() : it.issueDate();
            itemDue[i] = due == null ? Long.MAX_VALUE : due.toEpochDay();
        });
        customerItemStart = perCustomer;
        customerItems = new int[n];
        int[] fill = new int[custIds.length];
        for (int i = 0; i < n; i++) {
            int c = itemCustomer[i];
            customerItems[customerItemStart[c] + fill[c]++] = i;
        }
        // each customer's items by currency and amount, for range queries
        IntStream.range(0, custIds.length).parallel().forEach(c -> {
            int from = customerItemStart[c];
            int to = customerItemStart[c + 1];
            if (to - from > 1 && to - from <= 32) {
                for (int k = from + 1; k < to; k++) { // insertion sort: customers have few items
                    int item = customerItems[k];
                    int m = k - 1;
                    while (m >= from && compareItems(customerItems[m], item) > 0) {
                        customerItems[m + 1] = customerItems[m];
                        m--;
                    }
                    customerItems[m + 1] = item;
                }
            } else if (to - from > 1) {
                Integer[] slice = new Integer[to - from];
                for (int k = 0; k < slice.length; k++) {
                    slice[k] = customerItems[from + k];
                }
                Arrays.sort(slice, this::compareItems);
                for (int k = 0; k < slice.length; k++) {
                    customerItems[from + k] = slice[k];
                }
            }
        });

        // statements: their documents among the open items
        this.statements = statementRefs.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(StatementRef::statementNo,
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(StatementRef::customerId))
                .toArray(StatementRef[]::new);
        statementCustomer = new int[statements.length];
        statementItems = new int[statements.length][];
        for (int s = 0; s < statements.length; s++) {
            statementCustomer[s] = customerIndex(statements[s].customerId());
            List<Long> docs = statements[s].documentIds() == null ? List.of() : statements[s].documentIds();
            int c = statementCustomer[s];
            statementItems[s] = docs.stream().filter(Objects::nonNull).mapToInt(d -> itemOfDocument(c, d))
                    .filter(i -> i >= 0).distinct().sorted().toArray();
        }
        this.settled = settledDocs.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(SettledDocument::documentId)).toArray(SettledDocument[]::new);
        settledCustomer = new int[settled.length];
        for (int s = 0; s < settled.length; s++) {
            settledCustomer[s] = customerIndex(settled[s].customerId());
        }

        // the reference index: keys hashed in parallel, the table built in one pass
        long[] hashes = new long[4 * n]; // per number (document, tax invoice): full key, stripped key (0: the same)
        long[] checks = new long[4 * n];
        int[] familyOf = new int[2 * n];
        int[] digitsFull = new int[2 * n];
        int[] digitsStripped = new int[2 * n];
        Map<String, Integer> familyIds = new ConcurrentHashMap<>();
        AtomicInteger nextFamily = new AtomicInteger();
        ThreadLocal<ReferenceKeys.Digest> digests = ThreadLocal.withInitial(ReferenceKeys.Digest::new);
        IntStream.range(0, 2 * n).parallel().forEach(slot -> {
            int i = slot / 2;
            String number = slot % 2 == 0 ? sorted[i].documentNo() : sorted[i].taxInvoiceNo();
            familyOf[slot] = -1;
            ReferenceKeys.Digest d = digests.get();
            if (itemOpen[i] == 0 || number == null || !ReferenceKeys.digest(number, d)) {
                return;
            }
            hashes[2 * slot] = d.hash;
            checks[2 * slot] = d.check;
            hashes[2 * slot + 1] = d.strippedHash;
            checks[2 * slot + 1] = d.strippedCheck;
            Integer f = familyIds.get(d.family);
            familyOf[slot] = f != null ? f : familyIds.computeIfAbsent(d.family, x -> nextFamily.getAndIncrement());
            digitsFull[slot] = d.digits;
            digitsStripped[slot] = d.strippedDigits;
        });
        LongMultiIndex.Builder refs = new LongMultiIndex.Builder(n * 3 + statements.length * 2 + settled.length * 3);
        for (int slot = 0; slot < 2 * n; slot++) {
            if (familyOf[slot] < 0) {
                continue;
            }
            int i = slot / 2;
            boolean doc = slot % 2 == 0;
            refs.add(hashes[2 * slot], (i << KIND_BITS) | (doc ? DOC_FULL : TAX_FULL), checks[2 * slot]);
            if (checks[2 * slot + 1] != 0) {
                refs.add(hashes[2 * slot + 1], (i << KIND_BITS) | (doc ? DOC_STRIPPED : TAX_STRIPPED),
                        checks[2 * slot + 1]);
            }
        }
        int[][] ranges = new int[nextFamily.get()][];
        for (int slot = 0; slot < 2 * n; slot++) {
            int f = familyOf[slot];
            if (f >= 0) {
                if (ranges[f] == null) {
                    ranges[f] = new int[] {Integer.MAX_VALUE, 0};
                }
                ranges[f][0] = Math.min(ranges[f][0], digitsStripped[slot]);
                ranges[f][1] = Math.max(ranges[f][1], digitsFull[slot]);
            }
        }
        familyIds.forEach((family, f) -> {
            if (ranges[f] != null) {
                families.put(family, ranges[f]);
            }
        });
        for (int s = 0; s < statements.length; s++) {
            addReference(refs, s, keyed(statements[s].statementNo()), STMT_FULL, STMT_STRIPPED);
        }
        for (int s = 0; s < settled.length; s++) {
            addReference(refs, s, keyed(settled[s].documentNo()), SETTLED_DOC_FULL, SETTLED_DOC_STRIPPED);
            addReference(refs, s, keyed(settled[s].taxInvoiceNo()), SETTLED_TAX_FULL, SETTLED_TAX_STRIPPED);
        }
        references = refs.build();
        for (String family : families.keySet()) {
            for (int len = 0; len <= family.length(); len++) {
                familyPrefixes.add(family.substring(0, len));
            }
        }

        // the amount indexes
        LongMultiIndex.Builder byCustomer = new LongMultiIndex.Builder(n);
        LongMultiIndex.Builder byAmount = new LongMultiIndex.Builder(n);
        for (int i = 0; i < n; i++) {
            if (itemOpen[i] != 0) {
                byCustomer.add(customerAmountKey(itemCustomer[i], itemCurrency[i], itemOpen[i]), i);
                byAmount.add(amountKey(itemCurrency[i], itemOpen[i]), i);
            }
        }
        customerAmounts = byCustomer.build();
        amounts = byAmount.build();

        // payers
        String[][] payerKeys = new String[payers.length][];
        IntStream.range(0, payers.length).parallel().forEach(k -> {
            String exactName = PayerNames.exactName(payers[k].name());
            payerKeys[k] = new String[] {exactName, PayerNames.tolerantOfExact(exactName)};
        });
        for (int k = 0; k < payers.length; k++) {
            Payer p = payers[k];
            int c = customerIndex(p.customerId());
            if (p.name() != null && (customerNames[c] == null || p.name().compareTo(customerNames[c]) < 0)) {
                customerNames[c] = p.name();
            }
            if (p.accounts() != null) {
                for (String a : p.accounts()) {
                    String key = PayerNames.account(a);
                    if (key != null) {
                        accounts.merge(key, new int[] {c}, DefaultMatchingEngine::union);
                    }
                }
            }
            if (payerKeys[k][0] != null) {
                exactNames.merge(payerKeys[k][0], new int[] {c}, DefaultMatchingEngine::union);
            }
            if (payerKeys[k][1] != null) {
                tolerantNames.merge(payerKeys[k][1], new int[] {c}, DefaultMatchingEngine::union);
            }
        }
    }

    /** Two sorted sets of customers as one. */
    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
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

    @Override
    public List<MatchOutcome> matchAll(List<IncomingPayment> payments) {
        return new MatchRun(this).run(payments);
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

    /** A number's full and stripped keys, their hashes, its family and digit counts (null for no number). */
    record Keyed(String full, String stripped, long fullHash, long strippedHash) {
    }

    private static Keyed keyed(String number) {
        if (number == null) {
            return null;
        }
        String full = ReferenceKeys.key(number);
        if (full.isEmpty()) {
            return null;
        }
        String stripped = ReferenceKeys.stripped(number);
        return new Keyed(full, stripped, ReferenceKeys.hash(full),
                stripped.equals(full) ? 0 : ReferenceKeys.hash(stripped));
    }

    private void addReference(LongMultiIndex.Builder refs, int id, Keyed k, int fullKind, int strippedKind) {
        if (k == null) {
            return;
        }
        refs.add(k.fullHash(), (id << KIND_BITS) | fullKind, ReferenceKeys.check(k.full()));
        if (!k.stripped().equals(k.full())) {
            refs.add(k.strippedHash(), (id << KIND_BITS) | strippedKind, ReferenceKeys.check(k.stripped()));
        }
        String family = ReferenceKeys.family(k.full());
        int[] range = families.get(family);
        if (range == null) {
            range = new int[] {Integer.MAX_VALUE, 0};
            families.put(family, range);
        }
        range[0] = Math.min(range[0], ReferenceKeys.digits(k.stripped()));
        range[1] = Math.max(range[1], ReferenceKeys.digits(k.full()));
    }

    static long customerAmountKey(int customer, int currency, long amount) {
        long who = ((long) customer << 16) | (currency & 0xffff);
        return ReferenceKeys.mix(ReferenceKeys.mix(amount) ^ who * 0x9E3779B97F4A7C15L);
    }

    static long amountKey(int currency, long amount) {
        long seed = 0xC2B2AE3D27D4EB4FL * (currency + 1);
        return ReferenceKeys.mix(ReferenceKeys.mix(amount + 0x5851F42D4C957F2DL) ^ seed);
    }

    // ------------------------------------------------------------------ reference postings

    static int id(int posting) {
        return posting >>> KIND_BITS;
    }

    static int kind(int posting) {
        return posting & KIND_MASK;
    }

    static boolean isFullKind(int kind) {
        return (kind & 1) == 0;
    }

    /** The number a posting stands for, as written. */
    String number(int posting) {
        int id = id(posting);
        return switch (kind(posting)) {
            case DOC_FULL, DOC_STRIPPED -> items[id].documentNo();
            case TAX_FULL, TAX_STRIPPED -> items[id].taxInvoiceNo();
            case STMT_FULL, STMT_STRIPPED -> statements[id].statementNo();
            case SETTLED_DOC_FULL, SETTLED_DOC_STRIPPED -> settled[id].documentNo();
            default -> settled[id].taxInvoiceNo();
        };
    }

    /**
     * The postings a text key stands for, best evidence first: the full key as written; else a stripped key
     * as written (the payer dropped zeros and separators); else the text's own stripped form. A posting
     * matches when both its hash and its check are the key's.
     */
    int[] resolve(String full, String stripped) {
        int slot = references.find(ReferenceKeys.hash(full));
        if (slot >= 0) {
            long check = ReferenceKeys.check(full);
            int start = references.start(slot);
            int end = start + references.count(slot);
            int[] asWritten = null;
            int[] dropped = null;
            for (int p = start; p < end; p++) {
                if (references.check(p) == check) {
                    int posting = references.value(p);
                    if (isFullKind(kind(posting))) {
                        asWritten = appendTo(asWritten, posting);
                    } else {
                        dropped = appendTo(dropped, posting);
                    }
                }
            }
            if (asWritten != null) {
                return asWritten;
            }
            if (dropped != null) {
                return dropped;
            }
        }
        return stripped.equals(full) ? EMPTY : lookup(ReferenceKeys.hash(stripped), ReferenceKeys.check(stripped));
    }

    private static int[] appendTo(int[] a, int v) {
        if (a == null) {
            return new int[] {v};
        }
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /** Every posting whose key has this hash and check. */
    int[] lookup(long hash, long check) {
        int slot = references.find(hash);
        if (slot < 0) {
            return EMPTY;
        }
        int start = references.start(slot);
        int end = start + references.count(slot);
        int[] out = EMPTY;
        for (int p = start; p < end; p++) {
            if (references.check(p) == check) {
                out = appendTo(out == EMPTY ? null : out, references.value(p));
            }
        }
        return out;
    }

    static final int[] EMPTY = new int[0];

    // ------------------------------------------------------------------ payers

    /** Who paid, as far as account and name tell; customer -1 when not one customer. */
    record PayerMatch(int customer, boolean byAccount, int[] candidates) {
        static final PayerMatch NONE = new PayerMatch(-1, false, EMPTY);
    }

    PayerMatch identify(IncomingPayment p) {
        String account = PayerNames.account(p.counterpartyAccount());
        int[] byAccount = account == null ? EMPTY : accounts.getOrDefault(account, EMPTY);
        if (byAccount.length == 1) {
            return new PayerMatch(byAccount[0], true, byAccount);
        }
        String exactName = PayerNames.exactName(p.counterpartyName());
        String tolerantName = PayerNames.tolerantOfExact(exactName);
        int[] exact = exactName == null ? EMPTY : exactNames.getOrDefault(exactName, EMPTY);
        int[] tolerant = tolerantName == null ? EMPTY : tolerantNames.getOrDefault(tolerantName, EMPTY);
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

    // ------------------------------------------------------------------ reading the text

    /**
     * A number found in the text: the postings it resolves to (empty: it resolves to nothing but looks like one
     * of our numbers), whether it has letters (a pure number is weaker evidence: it may be an order or phone
     * number), its keys for the typo search (null: the number's own), and how many runs of the text it spans.
     */
    record Token(String text, boolean strong, int[] hits, String[] candidateKeys, int runs) {
        boolean resolved() {
            return hits.length > 0;
        }

        /** The keys a typo is looked for in: the candidate n-grams of an unresolved number, else the number's. */
        String[] typoKeys() {
            if (candidateKeys != null) {
                return candidateKeys;
            }
            return distinct(ReferenceKeys.key(text), ReferenceKeys.stripped(text));
        }
    }

    /**
     * The numbers in a payment's remittance text and structured reference. The text is cut into runs of
     * letters and digits; runs joined only by {@code - _ / .} or spaces form candidate keys of up to
     * {@value #MAX_RUNS} runs, tried longest first from every run that can start one of our numbers (its letters
     * begin a known family). Pure numbers shorter than 6 digits, the payment amount and dates are no
     * candidates.
     */
    Token[] scan(String remittance, String structured, long amountMinor, int scale) {
        String text = structured == null || structured.isEmpty() ? ReferenceKeys.nfkc(remittance)
                : ReferenceKeys.nfkc(remittance) + "\n" + ReferenceKeys.nfkc(structured);
        int[] runs = runs(text);
        int count = runs.length / 2;
        if (count == 0) {
            return NO_TOKENS;
        }
        List<Token> tokens = null;
        StringBuilder buffer = new StringBuilder();
        for (int r = 0; r < count; ) {
            int start = startOf(text, runs[2 * r], runs[2 * r + 1]);
            if (start < 0) {
                r++;
                continue;
            }
            int chain = chain(text, runs, r, count);
            Token found = resolvedAt(text, runs, r, start, chain, amountMinor, scale, buffer);
            if (found == null) {
                found = unresolvedAt(text, runs, r, start, chain, buffer);
            }
            if (found == null) {
                r++;
                continue;
            }
            if (tokens == null) {
                tokens = new ArrayList<>(2);
            }
            tokens.add(found);
            r += found.runs;
        }
        return tokens == null ? NO_TOKENS : tokens.toArray(NO_TOKENS);
    }

    private static final Token[] NO_TOKENS = new Token[0];

    /**
     * The runs of ASCII letters and digits, start and end of each in one exactly sized array; a run also ends
     * where letters follow digits ("000123PAYMENT"), with nothing between, so that it still joins what follows.
     */
    private static int[] runs(String text) {
        int len = text.length();
        int count = 0;
        for (int i = 0; i < len; i++) {
            if (runStarts(text, i)) {
                count++;
            }
        }
        int[] runs = new int[2 * count];
        int r = -1;
        for (int i = 0; i < len; i++) {
            if (runStarts(text, i)) {
                r++;
                runs[2 * r] = i;
            }
            if (ReferenceKeys.isAlnum(text.charAt(i))) {
                runs[2 * r + 1] = i + 1;
            }
        }
        return runs;
    }

    private static boolean runStarts(String text, int i) {
        char c = text.charAt(i);
        if (!ReferenceKeys.isAlnum(c)) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !ReferenceKeys.isAlnum(before) || ReferenceKeys.isDigit(before) && !ReferenceKeys.isDigit(c);
    }

    /** How many runs from {@code r} on are joined by soft separators (at most {@value #MAX_RUNS}). */
    private static int chain(String text, int[] runs, int r, int count) {
        int chain = 1;
        while (chain < MAX_RUNS && r + chain < count && softGap(text, runs[2 * (r + chain) - 1], runs[2 * (r + chain)])
                && runs[2 * (r + chain) + 1] - runs[2 * r] <= MAX_KEY_LENGTH + 8) {
            chain++;
        }
        return chain;
    }

    /** The longest n-gram from run {@code r} that resolves to something, or null. */
    private Token resolvedAt(String text, int[] runs, int r, int start, int chain, long amountMinor, int scale,
            StringBuilder buffer) {
        for (int k = chain; k >= 1; k--) {
            String key = join(text, runs, r, start, k, buffer);
            if (!acceptable(key, amountMinor, scale) || !families.containsKey(ReferenceKeys.family(key))) {
                continue;
            }
            int from = start;
            int to = runs[2 * (r + k - 1) + 1];
            int[] hits = resolve(key, ReferenceKeys.stripped(text, from, to));
            if (hits.length > 0) {
                return new Token(text.substring(from, to), !ReferenceKeys.allDigits(key), hits, null, k);
            }
        }
        return null;
    }

    /** A number from run {@code r} that resolves to nothing but looks like one of ours, or null. */
    private Token unresolvedAt(String text, int[] runs, int r, int start, int chain, StringBuilder buffer) {
        List<String> keys = new ArrayList<>();
        int used = 0;
        for (int k = 1; k <= chain; k++) {
            String key = join(text, runs, r, start, k, buffer);
            if (looksLikeOurs(key)) {
                keys.add(key);
                String stripped = ReferenceKeys.stripped(text, start, runs[2 * (r + k - 1) + 1]);
                if (!stripped.equals(key)) {
                    keys.add(stripped);
                }
                used = k;
            }
        }
        return keys.isEmpty() ? null : new Token(text.substring(start, runs[2 * (r + used - 1) + 1]), true,
                EMPTY, keys.toArray(String[]::new), used);
    }

    private static String[] distinct(String a, String b) {
        return a.equals(b) ? new String[] {a} : new String[] {a, b};
    }

    /** The key of runs r … r + k − 1, the first taken from {@code start}. */
    private static String join(String text, int[] runs, int r, int start, int k, StringBuilder b) {
        b.setLength(0);
        for (int q = r; q < r + k; q++) {
            for (int i = q == r ? start : runs[2 * q]; i < runs[2 * q + 1]; i++) {
                b.append(ReferenceKeys.upper(text.charAt(i)));
            }
        }
        return b.toString();
    }

    private static boolean softGap(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_' && c != '/' && c != '.' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where in a run one of our numbers can begin: at its start when its letters are (the start of) a family,
     * maybe with two letters swapped; else where a family of two letters or more begins after a word glued to
     * it ("PAYMENTINV-2026-000123"), or where its digits begin if numbers without letters are ours (tax invoice
     * numbers: "FP04412345"); -1 when nowhere.
     */
    private int startOf(String text, int from, int to) {
        int i = from;
        while (i < to && !ReferenceKeys.isDigit(text.charAt(i))) {
            i++;
        }
        String letters = text.substring(from, i).toUpperCase(java.util.Locale.ROOT);
        Set<String> set = i < to ? families.keySet() : familyPrefixes;
        if (set.contains(letters) || swapIn(letters, set)) {
            return from;
        }
        for (int o = 1; o + 2 <= letters.length(); o++) {
            if (set.contains(letters.substring(o))) {
                return from + o;
            }
        }
        // a bare number glued to a word ("FP04412345", "NO.4412345"): from its first digit, if we have such numbers
        return i < to && families.containsKey("") ? i : -1;
    }

    private static boolean swapIn(String letters, Set<String> set) {
        char[] a = letters.toCharArray();
        for (int i = 0; i + 1 < a.length; i++) {
            if (a[i] != a[i + 1]) {
                char t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                boolean hit = set.contains(new String(a));
                a[i + 1] = a[i];
                a[i] = t;
                if (hit) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean acceptable(String key, long amountMinor, int scale) {
        int digits = ReferenceKeys.digits(key);
        if (digits == 0) {
            return false;
        }
        if (digits == key.length()) {
            return key.length() >= 6 && !isAmount(key, amountMinor, scale) && !isDate(key);
        }
        return key.length() >= 4;
    }

    /** The payment amount as a payer might write it: in minor units, or in whole units when there is no fraction. */
    private static boolean isAmount(String digits, long minor, int scale) {
        if (digits.length() > 18) {
            return false;
        }
        long value = Long.parseLong(digits);
        if (value == minor) {
            return true;
        }
        long unit = 1;
        for (int k = 0; k < scale; k++) {
            unit *= 10;
        }
        return minor % unit == 0 && value == minor / unit;
    }

    /** A key with letters, of a known family (or one swap from one) and about as many digits as its numbers. */
    private boolean looksLikeOurs(String key) {
        String family = ReferenceKeys.family(key);
        if (family.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        int[] range = families.get(family);
        if (range == null) {
            char[] a = family.toCharArray();
            for (int i = 0; i + 1 < a.length && range == null; i++) {
                char t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                range = families.get(new String(a));
                a[i + 1] = a[i];
                a[i] = t;
            }
            if (range == null) {
                return false;
            }
        }
        int digits = ReferenceKeys.digits(key);
        return digits >= Math.max(3, range[0] - 1) && digits <= range[1] + 1;
    }

    /** yyyyMMdd or yyyyMM of a plausible year. */
    private static boolean isDate(String key) {
        if (key.length() != 8 && key.length() != 6) {
            return false;
        }
        int year = Integer.parseInt(key.substring(0, 4));
        int month = Integer.parseInt(key.substring(4, 6));
        if (year < 1990 || year > 2099 || month < 1 || month > 12) {
            return false;
        }
        if (key.length() == 6) {
            return true;
        }
        int day = Integer.parseInt(key.substring(6, 8));
        return day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth();
    }

    /** The items a posting stands for now-or-ever: one item, a statement's items, or none (settled). */
    int[] itemsOf(int posting) {
        return switch (kind(posting)) {
            case DOC_FULL, DOC_STRIPPED, TAX_FULL, TAX_STRIPPED -> new int[] {id(posting)};
            case STMT_FULL, STMT_STRIPPED -> statementItems[id(posting)];
            default -> EMPTY;
        };
    }

    /** The customer a posting belongs to. */
    int customerOf(int posting) {
        return switch (kind(posting)) {
            case DOC_FULL, DOC_STRIPPED, TAX_FULL, TAX_STRIPPED -> itemCustomer[id(posting)];
            case STMT_FULL, STMT_STRIPPED -> statementCustomer[id(posting)];
            default -> settledCustomer[id(posting)];
        };
    }

    /** Distinct targets of postings: the same document under two kinds counts once. */
    static int[] targets(int[] postings) {
        if (postings.length == 1) {
            return postings;
        }
        int[] out = new int[postings.length];
        int n = 0;
        for (int p : postings) {
            boolean seen = false;
            for (int m = 0; m < n && !seen; m++) {
                seen = id(out[m]) == id(p) && group(kind(out[m])) == group(kind(p));
            }
            if (!seen) {
                out[n++] = p;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int group(int kind) {
        return kind <= TAX_STRIPPED ? 0 : kind <= STMT_STRIPPED ? 1 : 2;
    }
}
