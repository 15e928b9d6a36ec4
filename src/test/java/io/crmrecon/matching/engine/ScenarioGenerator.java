package io.crmrecon.matching.engine;

import static io.crmrecon.demo.PaymentTexts.NET_OF_CREDIT_NOTES;
import static io.crmrecon.demo.PaymentTexts.OVERPAID_NOTES;
import static io.crmrecon.demo.PaymentTexts.PARTIAL_NOTES;
import static io.crmrecon.demo.PaymentTexts.RECURRING_FEE;
import static io.crmrecon.demo.PaymentTexts.SEPARATORS;
import static io.crmrecon.demo.PaymentTexts.TAX_INVOICE;
import static io.crmrecon.demo.PaymentTexts.fill;
import static io.crmrecon.demo.PaymentTexts.generic;

import io.crmrecon.demo.CompanyNames;
import io.crmrecon.demo.PaymentTexts;
import io.crmrecon.matching.engine.MatchingScenario.Pattern;
import io.crmrecon.matching.engine.MatchingScenario.Truth;
import io.crmrecon.matching.engine.OpenItem.ItemKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link MatchingScenario}. In order: the payments' plan (patterns and how many items each settles, in
 * exact shares), the customers, which customer each payment comes from, each customer's open items (those its
 * payments settle, made to fit their pattern and checked for uniqueness against all of the customer's items, plus
 * items nobody pays), document and tax invoice numbers, statements, and finally the payments' texts. Each step
 * draws from its own {@link SplittableRandom} split off the seed, in a fixed order.
 */
final class ScenarioGenerator {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 1);
    /** issue dates: 2025-11-01 .. 2026-10-31 */
    static final int DAYS = 365;
    /** bookings up to 2026-11-01; matching runs the day after */
    static final int LAST_BOOKING_DAY = 365;
    static final LocalDate RUN_DATE = FIRST_DAY.plusDays(LAST_BOOKING_DAY + 1L);
    static final int MONTHS = 12;
    /** statements exist for the last six months: 2026-05 .. 2026-10 */
    static final int FIRST_STATEMENT_MONTH = 6;
    static final int[] MONTH_START = new int[MONTHS + 1];

    static {
        for (int m = 0; m <= MONTHS; m++) {
            MONTH_START[m] = (int) ChronoUnit.DAYS.between(FIRST_DAY, FIRST_DAY.plusMonths(m));
        }
    }

    static final byte INV = 0;
    static final byte DN = 1;
    static final byte CN = 2;
    static final String[] SERIES = {"INV", "DN", "CN"};
    static final ItemKind[] KINDS = {ItemKind.INVOICE, ItemKind.DEBIT_NOTE, ItemKind.CREDIT_NOTE};
    static final String CNY = "CNY";

    /** How many items the multi-item patterns settle: {size, share in percent}. Fixed with the mix. */
    static final int[][] COMBINED_REFERENCE_SIZES = {{2, 50}, {3, 30}, {4, 20}};
    static final int[][] COMBINED_NO_REFERENCE_SIZES = {{2, 60}, {3, 30}, {4, 10}};
    static final int[][] STATEMENT_SIZES = {{2, 40}, {3, 35}, {4, 25}};
    static final int[][] TWIN_SIZES = {{2, 60}, {3, 40}};
    static final int[][] NET_OF_CREDIT_NOTE_SIZES = {{2, 100}};
    static final int[][] SINGLE = {{1, 100}};
    static final int[][] NONE = {{0, 100}};
    /** noise: bank interest, refunds received, strangers (in percent of the noise) */
    static final int NOISE_INTEREST = 30;
    static final int NOISE_REFUND = 30;

    /** of the open items, this share at least stays open (nobody pays it) */
    static final double SPARE_ITEMS = 0.10;
    static final int TAX_INVOICE_SHARE = 80;
    static final double ENGLISH_NAMES = 0.15;
    static final int CUSTOMER_ITEMS = 100;
    static final int MIN_CUSTOMERS = 50;
    static final int MAX_PER_CUSTOMER = 3;
    static final int SMALL_CUSTOMERS = 35;
    /**
     * A combination of k items is only unique among few open items (a customer with 300 open items has millions
     * of 3-item sums): a payment combining k items without a reference comes from a customer with at most this
     * many open items, by k.
     */
    static final int[] COMBINATION_MAX_ITEMS = {0, 0, 300, 120, 60};

    static final String[] BANK_PREFIXES = {"3105", "1001", "4100", "7311", "1216", "0200", "6216", "4420"};
    static final class Job {
        final Pattern pattern;
        final int size;
        int customer = -1;
        int[] items;
        long pay;
        long writeOff;
        long onAccount;
        int month = -1;

        Job(Pattern pattern, int size) {
            this.pattern = pattern;
            this.size = size;
        }
    }

    private final long seed;
    private final int transactions;
    private final int requestedOpenItems;
    private final SplittableRandom master;
    private final ComboCounter counter = new ComboCounter();

    private Job[] jobs;
    private int itemTotal;
    private int customerCount;
    private GeneratedNames.Name[] names;
    private String[] legalNames;
    private String[] codes;
    private String[][] accounts;
    private int[] terms;
    private boolean[] recurring;
    private int[] itemCount;
    private int[] itemStart;
    private int registeredAccounts;
    private int unregisteredAccounts;

    private long[] amount;
    private byte[] kind;
    private short[] day;
    private boolean[] forceTax;
    private int[] owner;

    private int[] documentId;
    private int[] serial;
    private int[][] serialsByGroup;
    private int width;
    private OpenItem[] items;
    private LocalDate[] dates;

    ScenarioGenerator(long seed, int transactions, int requestedOpenItems) {
        if (transactions < 1 || requestedOpenItems < 1) {
            throw new IllegalArgumentException("transactions and open items must be positive");
        }
        this.seed = seed;
        this.transactions = transactions;
        this.requestedOpenItems = requestedOpenItems;
        this.master = new SplittableRandom(seed);
    }

    // ---------------------------------------------------------------- plan

    static int[] shares(int total, int[] percents) {
        int sum = Arrays.stream(percents).sum();
        int[] counts = new int[percents.length];
        long[] remainders = new long[percents.length];
        int given = 0;
        for (int i = 0; i < percents.length; i++) {
            long exact = (long) total * percents[i];
            counts[i] = (int) (exact / sum);
            remainders[i] = exact % sum;
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < percents.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        return counts;
    }

    static int[][] sizesOf(Pattern p) {
        return switch (p.shape()) {
            case COMBINED_WITH_REFERENCES -> COMBINED_REFERENCE_SIZES;
            case COMBINED_WITHOUT_REFERENCE -> COMBINED_NO_REFERENCE_SIZES;
            case STATEMENT_NUMBER -> STATEMENT_SIZES;
            case AMBIGUOUS_TWINS -> TWIN_SIZES;
            case NET_OF_CREDIT_NOTE -> NET_OF_CREDIT_NOTE_SIZES;
            case NOISE -> NONE;
            default -> SINGLE;
        };
    }

    static int[] patternCounts(int transactions) {
        Pattern[] ps = Pattern.values();
        int[] percents = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            percents[i] = ps[i].percent();
        }
        return shares(transactions, percents);
    }

    /** The open items the payments settle, a deterministic function of the number of payments. */
    static long itemsSettled(int transactions) {
        int[] counts = patternCounts(transactions);
        long total = 0;
        for (Pattern p : Pattern.values()) {
            int[][] sizes = sizesOf(p);
            int[] split = shares(counts[p.ordinal()], Arrays.stream(sizes).mapToInt(s -> s[1]).toArray());
            for (int i = 0; i < sizes.length; i++) {
                total += (long) split[i] * sizes[i][0];
            }
        }
        return total;
    }

    static int openItemsNeeded(int transactions) {
        return (int) Math.max(500, Math.ceil(itemsSettled(transactions) / (1 - SPARE_ITEMS)));
    }

    private void plan(SplittableRandom rnd) {
        int[] counts = patternCounts(transactions);
        jobs = new Job[transactions];
        int n = 0;
        for (Pattern p : Pattern.values()) {
            int[][] sizes = sizesOf(p);
            int[] split = shares(counts[p.ordinal()], Arrays.stream(sizes).mapToInt(s -> s[1]).toArray());
            for (int i = 0; i < sizes.length; i++) {
                for (int k = 0; k < split[i]; k++) {
                    jobs[n++] = new Job(p, sizes[i][0]);
                }
            }
        }
        for (int i = jobs.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Job t = jobs[i];
            jobs[i] = jobs[j];
            jobs[j] = t;
        }
        itemTotal = Math.max(requestedOpenItems, openItemsNeeded(transactions));
    }

    // ---------------------------------------------------------------- customers

    private void customers(SplittableRandom rnd) {
        customerCount = Math.max(MIN_CUSTOMERS, itemTotal / CUSTOMER_ITEMS);
        names = GeneratedNames.customers(customerCount, ENGLISH_NAMES, rnd);
        legalNames = new String[customerCount];
        codes = new String[customerCount];
        accounts = new String[customerCount][];
        terms = new int[customerCount];
        recurring = new boolean[customerCount];
        int codeWidth = Math.max(5, Integer.toString(customerCount).length());
        double[] weights = new double[customerCount];
        double weightSum = 0;
        for (int c = 0; c < customerCount; c++) {
            legalNames[c] = names[c].legal();
            codes[c] = "C" + pad(c + 1, codeWidth);
            int a = rnd.nextInt(100);
            int count = a < 12 ? 0 : a < 72 ? 1 : 2;
            accounts[c] = new String[count];
            for (int k = 0; k < count; k++) {
                accounts[c][k] = account(rnd, ++registeredAccounts);
            }
            terms[c] = rnd.nextInt(100) < 65 ? 30 : 60;
            recurring[c] = rnd.nextInt(100) < 15;
            // a third of the customers are small (about 10–40 open items), the others spread around ~120
            weights[c] = rnd.nextInt(100) < SMALL_CUSTOMERS ? 0.08 + 0.27 * rnd.nextDouble()
                    : StrictMath.exp(Math.max(-1.2, Math.min(1.2, 0.6 * rnd.nextGaussian())));
            weightSum += weights[c];
        }
        itemCount = new int[customerCount];
        double cumulative = 0;
        long previous = 0;
        for (int c = 0; c < customerCount; c++) {
            cumulative += weights[c];
            long upTo = c == customerCount - 1 ? itemTotal : Math.round(itemTotal * cumulative / weightSum);
            itemCount[c] = (int) (upTo - previous);
            previous = upTo;
        }
    }

    private static String account(SplittableRandom rnd, int number) {
        return BANK_PREFIXES[rnd.nextInt(BANK_PREFIXES.length)] + pad(rnd.nextInt(10_000), 4) + pad(number, 8)
                + rnd.nextInt(10);
    }

    private String unregisteredAccount(SplittableRandom rnd) {
        return account(rnd, 50_000_000 + ++unregisteredAccounts);
    }

    // ---------------------------------------------------------------- who pays what

    private static boolean needsAccount(Pattern p) {
        return p == Pattern.AMOUNT_ONLY || p == Pattern.COMBINED_WITHOUT_REFERENCE || p == Pattern.AMBIGUOUS_TWINS;
    }

    private void deal(SplittableRandom rnd) {
        int[] capacity = new int[customerCount];
        int[] statementJobs = new int[customerCount];
        int[] twinJobs = new int[customerCount];
        long capacitySum = 0;
        long capacityWithAccounts = 0;
        for (int c = 0; c < customerCount; c++) {
            capacity[c] = Math.max(0, itemCount[c] - Math.max(1, (int) Math.ceil(itemCount[c] * 0.06)));
            capacitySum += capacity[c];
            if (accounts[c].length > 0) {
                capacityWithAccounts += capacity[c];
            }
        }
        List<Job> queueA = new ArrayList<>();
        List<Job> queueB = new ArrayList<>();
        long demand = 0;
        long demandA = 0;
        for (Job j : jobs) {
            if (j.pattern == Pattern.NOISE) {
                continue;
            }
            demand += j.size;
            if (needsAccount(j.pattern)) {
                queueA.add(j);
                demandA += j.size;
            } else {
                queueB.add(j);
            }
        }
        int[] order = GeneratedNames.sample(customerCount, customerCount, rnd);
        // first the combinations without reference, on customers with few open items, at most half their room each
        List<Job> restricted = new ArrayList<>();
        List<Job> others = new ArrayList<>();
        for (Job j : queueA) {
            (j.pattern == Pattern.COMBINED_WITHOUT_REFERENCE ? restricted : others).add(j);
        }
        queueA = others;
        int[] halfRoom = new int[customerCount];
        for (int c = 0; c < customerCount; c++) {
            halfRoom[c] = capacity[c] / 2;
        }
        for (Job j : restricted) {
            int found = -1;
            for (int tries = 0; tries < 64 && found < 0; tries++) {
                int c = rnd.nextInt(customerCount);
                if (halfRoom[c] >= j.size && fits(j, c, capacity, statementJobs, twinJobs)) {
                    found = c;
                }
            }
            for (int k = 0; k < customerCount && found < 0; k++) {
                if (halfRoom[order[k]] >= j.size && fits(j, order[k], capacity, statementJobs, twinJobs)) {
                    found = order[k];
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no customer with few enough open items for a combination of "
                        + j.size);
            }
            halfRoom[found] -= j.size;
            assign(j, found, capacity, statementJobs, twinJobs);
            demand -= j.size;
            demandA -= j.size;
        }
        capacitySum = 0;
        capacityWithAccounts = 0;
        for (int c = 0; c < customerCount; c++) {
            capacitySum += capacity[c];
            if (accounts[c].length > 0) {
                capacityWithAccounts += capacity[c];
            }
        }
        double takeA = Math.min(1.0, demandA / (demand * (double) capacityWithAccounts / capacitySum));
        int headA = 0;
        int headB = 0;
        double cumulative = 0;
        long dealt = 0;
        for (int c : order) {
            cumulative += capacity[c];
            long target = Math.round(demand * cumulative / capacitySum) - dealt;
            long taken = 0;
            while (taken < target && (headA < queueA.size() || headB < queueB.size())) {
                boolean hasAccounts = accounts[c].length > 0;
                boolean fromA = hasAccounts && headA < queueA.size()
                        && (headB >= queueB.size() || rnd.nextDouble() < takeA);
                Job j = fromA ? queueA.get(headA) : headB < queueB.size() ? queueB.get(headB) : null;
                if (j == null || !fits(j, c, capacity, statementJobs, twinJobs)) {
                    break;
                }
                assign(j, c, capacity, statementJobs, twinJobs);
                if (fromA) {
                    headA++;
                } else {
                    headB++;
                }
                taken += j.size;
            }
            dealt += taken;
        }
        List<Job> left = new ArrayList<>(queueA.subList(headA, queueA.size()));
        left.addAll(queueB.subList(headB, queueB.size()));
        int pointer = 0;
        for (Job j : left) {
            int found = -1;
            for (int k = 0; k < customerCount && found < 0; k++) {
                int c = order[(pointer + k) % customerCount];
                if (fits(j, c, capacity, statementJobs, twinJobs)) {
                    found = c;
                }
            }
            if (found < 0) {
                // no room left anywhere: the customer gets more items (only when the items asked for are tight)
                for (int k = 0; k < customerCount && found < 0; k++) {
                    int c = order[(pointer + k) % customerCount];
                    capacity[c] += j.size;
                    if (fits(j, c, capacity, statementJobs, twinJobs)) {
                        found = c;
                        itemCount[c] += j.size;
                        itemTotal += j.size;
                    } else {
                        capacity[c] -= j.size;
                    }
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no customer can take a " + j.pattern + " payment");
            }
            assign(j, found, capacity, statementJobs, twinJobs);
            pointer = (pointer + 1) % customerCount;
        }
    }

    private boolean fits(Job j, int c, int[] capacity, int[] statementJobs, int[] twinJobs) {
        if (capacity[c] < j.size || (needsAccount(j.pattern) && accounts[c].length == 0)) {
            return false;
        }
        if (j.pattern == Pattern.COMBINED_WITHOUT_REFERENCE) {
            return itemCount[c] <= COMBINATION_MAX_ITEMS[j.size];
        }
        if (j.pattern == Pattern.STATEMENT_NUMBER) {
            return statementJobs[c] < MAX_PER_CUSTOMER;
        }
        if (j.pattern == Pattern.AMBIGUOUS_TWINS) {
            return twinJobs[c] < MAX_PER_CUSTOMER;
        }
        return true;
    }

    private static void assign(Job j, int c, int[] capacity, int[] statementJobs, int[] twinJobs) {
        j.customer = c;
        capacity[c] -= j.size;
        if (j.pattern == Pattern.STATEMENT_NUMBER) {
            statementJobs[c]++;
        } else if (j.pattern == Pattern.AMBIGUOUS_TWINS) {
            twinJobs[c]++;
        }
    }

    // ---------------------------------------------------------------- open items per customer

    private void openItems(SplittableRandom rnd) {
        amount = new long[itemTotal];
        kind = new byte[itemTotal];
        day = new short[itemTotal];
        forceTax = new boolean[itemTotal];
        owner = new int[itemTotal];
        itemStart = new int[customerCount + 1];
        for (int c = 0; c < customerCount; c++) {
            itemStart[c + 1] = itemStart[c] + itemCount[c];
        }
        // the jobs of each customer, in plan order (a counting sort)
        int[] jobStart = new int[customerCount + 1];
        for (Job j : jobs) {
            if (j.customer >= 0) {
                jobStart[j.customer + 1]++;
            }
        }
        for (int c = 0; c < customerCount; c++) {
            jobStart[c + 1] += jobStart[c];
        }
        Job[] byCustomer = new Job[jobStart[customerCount]];
        int[] fill = Arrays.copyOf(jobStart, customerCount);
        for (Job j : jobs) {
            if (j.customer >= 0) {
                byCustomer[fill[j.customer]++] = j;
            }
        }
        long[] scratch = new long[16];
        for (int c = 0; c < customerCount; c++) {
            int n = itemCount[c];
            if (scratch.length < n) {
                scratch = new long[n];
            }
            customer(c, Arrays.copyOfRange(byCustomer, jobStart[c], jobStart[c + 1]), scratch, rnd);
        }
    }

    private void customer(int c, Job[] own, long[] values, SplittableRandom rnd) {
        int base = itemStart[c];
        int n = itemCount[c];
        Arrays.fill(owner, base, base + n, c);
        boolean[] reserved = new boolean[MONTHS];
        int used = 0;
        for (Job j : own) {
            if (j.pattern == Pattern.STATEMENT_NUMBER) {
                int m;
                do {
                    m = FIRST_STATEMENT_MONTH + rnd.nextInt(MONTHS - FIRST_STATEMENT_MONTH);
                } while (reserved[m]);
                reserved[m] = true;
                j.month = m;
            }
            j.items = new int[j.size];
            for (int k = 0; k < j.size; k++) {
                j.items[k] = base + used++;
            }
            draw(j, rnd);
        }
        // the items nobody pays: a recurring fee for some customers, the rest ordinary documents
        int free = used;
        if (recurring[c] && n - used >= 3) {
            int g = Math.min(n - used, 3 + rnd.nextInt(4));
            long fee = feeCents(rnd);
            int[] group = new int[g];
            for (int k = 0; k < g; k++) {
                group[k] = base + used + k;
                kind[group[k]] = INV;
                amount[group[k]] = fee;
            }
            monthly(group, reserved, rnd);
            free += g;
        }
        for (int i = free; i < n; i++) {
            int idx = base + i;
            int k = rnd.nextInt(100);
            kind[idx] = k < 86 ? INV : k < 92 ? DN : CN;
            amount[idx] = kind[idx] == INV ? invoiceCents(rnd) : kind[idx] == DN ? debitNoteCents(rnd)
                    : creditNoteCents(rnd);
            day[idx] = (short) freeDay(reserved, rnd);
        }
        for (Job j : own) {
            dates(j, reserved, rnd);
        }
        // make every payment that relies on uniqueness unique among all of the customer's items
        for (int pass = 0;; pass++) {
            if (pass > 1000) {
                StringBuilder why = new StringBuilder();
                for (Job j : own) {
                    if (violates(j, values, n, base)) {
                        why.append(' ').append(j.pattern).append('/').append(j.size).append('=').append(j.pay);
                    }
                }
                throw new IllegalStateException("customer " + codes[c] + " (" + n + " items): payments cannot be made"
                        + " unique:" + why);
            }
            System.arraycopy(amount, base, values, 0, n);
            boolean clean = true;
            for (Job j : own) {
                if (violates(j, values, n, base)) {
                    draw(j, rnd);
                    for (int idx : j.items) {
                        values[idx - base] = amount[idx];
                    }
                    clean = false;
                }
            }
            if (clean) {
                break;
            }
        }
    }

    private boolean violates(Job j, long[] values, int n, int base) {
        switch (j.pattern.shape()) {
            case AMOUNT_ONLY, TOLERANT_NAME -> {
                return counter.count(values, n, j.pay, 1, 2) != 1;
            }
            case COMBINED_WITHOUT_REFERENCE -> {
                for (int s = 1; s < j.size; s++) {
                    if (counter.count(values, n, j.pay, s, 1) > 0) {
                        return true;
                    }
                }
                return counter.count(values, n, j.pay, j.size, 2) != 1;
            }
            case PARTIAL, BANK_CHARGES, OVERPAYMENT -> {
                // no other item has the amount (that would make the reference look wrong rather than the amount),
                // and the referenced item plus other open items must not make it either
                if (counter.count(values, n, j.pay, 1, 1) > 0) {
                    return true;
                }
                long[] others = without(values, n, j.items[0] - base);
                long diff = j.pay - amount[j.items[0]];
                for (int s = 1; s <= 3; s++) {
                    if (counter.count(others, n - 1, diff, s, 1) > 0) {
                        return true;
                    }
                }
                return false;
            }
            case AMBIGUOUS_TWINS -> {
                // exactly the twins have the amount
                return counter.count(values, n, j.pay, 1, j.size + 1) != j.size;
            }
            case NET_OF_CREDIT_NOTE -> {
                if (counter.count(values, n, j.pay, 1, 1) > 0) {
                    return true;
                }
                long[] others = without(values, n, j.items[0] - base);
                return counter.count(others, n - 1, j.pay - amount[j.items[0]], 1, 2) != 1;
            }
            default -> {
                return false;
            }
        }
    }

    private static long[] without(long[] values, int n, int skip) {
        long[] out = new long[Math.max(0, n - 1)];
        System.arraycopy(values, 0, out, 0, skip);
        System.arraycopy(values, skip + 1, out, skip, n - 1 - skip);
        return out;
    }

    /** Kinds and amounts of a payment's items, and what the payment is. */
    private void draw(Job j, SplittableRandom rnd) {
        int[] it = j.items;
        j.writeOff = 0;
        j.onAccount = 0;
        switch (j.pattern.shape()) {
            case EXACT_REFERENCE, REFORMATTED_REFERENCE, REFERENCE_TYPO, AMOUNT_ONLY -> {
                single(it[0], rnd.nextInt(100) < 9 ? DN : INV, rnd);
                j.pay = amount[it[0]];
            }
            case TAX_INVOICE_NUMBER, TOLERANT_NAME -> {
                single(it[0], INV, rnd);
                forceTax[it[0]] = j.pattern == Pattern.TAX_INVOICE_NUMBER;
                j.pay = amount[it[0]];
            }
            case COMBINED_WITH_REFERENCES, COMBINED_WITHOUT_REFERENCE -> {
                j.pay = 0;
                for (int idx : it) {
                    single(idx, rnd.nextInt(100) < 12 ? DN : INV, rnd);
                    j.pay += amount[idx];
                }
            }
            case STATEMENT_NUMBER -> {
                j.pay = 0;
                for (int k = 0; k < it.length; k++) {
                    boolean credit = k == it.length - 1 && it.length >= 3 && rnd.nextInt(100) < 20;
                    if (credit) {
                        kind[it[k]] = CN;
                        amount[it[k]] = -Math.min(-creditNoteCents(rnd), Math.max(100, j.pay / 2 / 100 * 100));
                    } else {
                        single(it[k], rnd.nextInt(100) < 15 ? DN : INV, rnd);
                    }
                    j.pay += amount[it[k]];
                }
            }
            case PARTIAL -> {
                long inv = invoiceAtLeast(200_000, rnd);
                kind[it[0]] = INV;
                amount[it[0]] = inv;
                long pay;
                int how = rnd.nextInt(100);
                int[] tenths = {3, 4, 5, 6, 7, 8};
                if (how < 35) {
                    pay = inv * tenths[rnd.nextInt(tenths.length)] / 10 / 10_000 * 10_000;
                } else if (how < 65) {
                    pay = inv / 2;
                } else {
                    pay = (long) (inv * (0.2 + 0.6 * rnd.nextDouble())) / 100_000 * 100_000;
                }
                if (pay < 10_000 || inv - pay < 5_001) {
                    pay = inv / 2;
                }
                j.pay = pay;
            }
            case BANK_CHARGES -> {
                long inv = invoiceAtLeast(100_000, rnd);
                kind[it[0]] = INV;
                amount[it[0]] = inv;
                long max = Math.min(5_000, inv * 5 / 1000);
                int[] charges = {5, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50};
                long charge;
                if (rnd.nextInt(100) < 15) {
                    charge = 500 + rnd.nextLong(max - 500 + 1);
                } else {
                    int options = 0;
                    while (options < charges.length && charges[options] * 100L <= max) {
                        options++;
                    }
                    charge = charges[rnd.nextInt(options)] * 100L;
                }
                j.writeOff = charge;
                j.pay = inv - charge;
            }
            case OVERPAYMENT -> {
                long inv = invoiceCents(rnd);
                kind[it[0]] = INV;
                amount[it[0]] = inv;
                int how = rnd.nextInt(100);
                long extra;
                if (how < 40) {
                    extra = ceilTo(inv, 100_000) - inv;
                    extra = extra < 100 ? extra + 100_000 : extra;
                } else if (how < 70) {
                    extra = ceilTo(inv, 10_000) - inv;
                    extra = extra < 100 ? extra + 10_000 : extra;
                } else {
                    extra = 10_000 + rnd.nextLong(490_001);
                }
                j.onAccount = extra;
                j.pay = inv + extra;
            }
            case NET_OF_CREDIT_NOTE -> {
                long inv = invoiceAtLeast(100_000, rnd);
                kind[it[0]] = INV;
                amount[it[0]] = inv;
                long credit = (long) (inv * (0.02 + 0.28 * rnd.nextDouble()));
                if (rnd.nextInt(100) < 30) {
                    credit = credit / 1_000 * 1_000;
                }
                credit = Math.max(1_000, Math.min(credit, inv - 100));
                kind[it[1]] = CN;
                amount[it[1]] = -credit;
                j.pay = inv - credit;
            }
            case AMBIGUOUS_TWINS -> {
                long fee = feeCents(rnd);
                for (int idx : it) {
                    kind[idx] = INV;
                    amount[idx] = fee;
                }
                j.pay = fee;
            }
            case NOISE -> throw new IllegalStateException("noise settles nothing");
        }
    }

    private void single(int idx, byte k, SplittableRandom rnd) {
        kind[idx] = k;
        amount[idx] = k == DN ? debitNoteCents(rnd) : invoiceCents(rnd);
    }

    private void dates(Job j, boolean[] reserved, SplittableRandom rnd) {
        switch (j.pattern) {
            case STATEMENT_NUMBER -> {
                int from = MONTH_START[j.month];
                int length = MONTH_START[j.month + 1] - from;
                for (int idx : j.items) {
                    day[idx] = (short) (from + rnd.nextInt(length));
                }
            }
            case AMBIGUOUS_TWINS -> monthly(j.items, reserved, rnd);
            case NET_OF_CREDIT_NOTE -> {
                int d = freeDay(reserved, rnd);
                day[j.items[0]] = (short) d;
                int credit = Math.min(DAYS - 1, d + rnd.nextInt(31));
                day[j.items[1]] = (short) (reserved[monthOf(credit)] ? d : credit);
            }
            default -> {
                for (int idx : j.items) {
                    day[idx] = (short) freeDay(reserved, rnd);
                }
            }
        }
    }

    /** Recurring documents: one a month, on the same day of the month, in months not reserved for a statement. */
    private void monthly(int[] group, boolean[] reserved, SplittableRandom rnd) {
        int[] months = new int[MONTHS];
        int allowed = 0;
        for (int m = 0; m < MONTHS; m++) {
            if (!reserved[m]) {
                months[allowed++] = m;
            }
        }
        int dayOfMonth = rnd.nextInt(100) < 50 ? 0 : rnd.nextInt(28);
        int first = rnd.nextInt(Math.max(1, allowed - group.length + 1));
        for (int k = 0; k < group.length; k++) {
            int m = months[(first + k) % allowed];
            day[group[k]] = (short) (MONTH_START[m] + dayOfMonth);
        }
    }

    private static int freeDay(boolean[] reserved, SplittableRandom rnd) {
        while (true) {
            int d = rnd.nextInt(DAYS);
            if (!reserved[monthOf(d)]) {
                return d;
            }
        }
    }

    static int monthOf(int d) {
        int m = 0;
        while (MONTH_START[m + 1] <= d) {
            m++;
        }
        return m;
    }

    // amounts in cents: realistic magnitudes, some round

    private static long magnitude(SplittableRandom rnd, double mu, double sigma, double lo, double hi) {
        double x;
        do {
            x = mu + sigma * rnd.nextGaussian();
        } while (x < lo || x > hi);
        return (long) (StrictMath.pow(10, x) * 100);
    }

    private static long round(long cents, int significant) {
        long unit = 1;
        while (cents / unit >= (long) StrictMath.pow(10, significant)) {
            unit *= 10;
        }
        return Math.max(10_000, cents / unit * unit);
    }

    static long invoiceCents(SplittableRandom rnd) {
        long c = magnitude(rnd, 3.9, 0.6, 2.0, StrictMath.log10(500_000));
        if (rnd.nextInt(100) < 20) {
            c = round(c, rnd.nextBoolean() ? 2 : 3);
        }
        return Math.max(10_000, Math.min(50_000_000, c));
    }

    static long invoiceAtLeast(long minimum, SplittableRandom rnd) {
        long c;
        do {
            c = invoiceCents(rnd);
        } while (c < minimum);
        return c;
    }

    static long debitNoteCents(SplittableRandom rnd) {
        long c = magnitude(rnd, 3.0, 0.5, 2.0, 4.5);
        return Math.max(10_000, rnd.nextInt(100) < 30 ? round(c, 2) : c);
    }

    static long creditNoteCents(SplittableRandom rnd) {
        long c = magnitude(rnd, 3.2, 0.5, 2.0, 4.7);
        return -Math.max(10_000, rnd.nextInt(100) < 40 ? round(c, 2) : c);
    }

    static long feeCents(SplittableRandom rnd) {
        long c = magnitude(rnd, 3.8, 0.5, 2.5, 5.0);
        return Math.max(10_000, rnd.nextInt(100) < 70 ? round(c, rnd.nextBoolean() ? 2 : 3) : c);
    }

    private static long ceilTo(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    // ---------------------------------------------------------------- numbers

    private void number(SplittableRandom rnd) {
        long[] keys = new long[itemTotal];
        for (int i = 0; i < itemTotal; i++) {
            keys[i] = ((long) day[i] << 32) | i;
        }
        Arrays.sort(keys);
        documentId = new int[itemTotal];
        serial = new int[itemTotal];
        int[] counters = new int[6];
        int[][] groups = new int[6][];
        int[] groupSizes = new int[6];
        for (int g = 0; g < 6; g++) {
            groups[g] = new int[1024];
        }
        for (int r = 0; r < itemTotal; r++) {
            int i = (int) keys[r];
            documentId[i] = r + 1;
            int g = group(i);
            counters[g] += 1 + (rnd.nextInt(100) < 55 ? 0 : 1 + rnd.nextInt(3));
            serial[i] = counters[g];
            if (groupSizes[g] == groups[g].length) {
                groups[g] = Arrays.copyOf(groups[g], groups[g].length * 2);
            }
            groups[g][groupSizes[g]++] = counters[g];
        }
        serialsByGroup = new int[6][];
        int max = 0;
        for (int g = 0; g < 6; g++) {
            serialsByGroup[g] = Arrays.copyOf(groups[g], groupSizes[g]);
            max = Math.max(max, counters[g]);
        }
        width = Math.max(6, Integer.toString(max).length());

        int invoices = 0;
        int forced = 0;
        for (int i = 0; i < itemTotal; i++) {
            if (kind[i] == INV) {
                invoices++;
                forced += forceTax[i] ? 1 : 0;
            }
        }
        double share = TAX_INVOICE_SHARE / 100.0;
        double p = forced >= invoices ? 0 : Math.max(0, (share * invoices - forced) / (invoices - forced));
        // distinct 8-digit numbers: an arithmetic progression modulo 10^8 with a step prime to 10^8
        long start = rnd.nextLong(100_000_000L);
        long step = 37_654_321L;
        long taxCount = 0;
        dates = new LocalDate[LAST_BOOKING_DAY + 61];
        for (int d = 0; d < dates.length; d++) {
            dates[d] = FIRST_DAY.plusDays(d);
        }
        items = new OpenItem[itemTotal];
        for (int r = 0; r < itemTotal; r++) {
            int i = (int) keys[r];
            String tax = null;
            if (kind[i] == INV && (forceTax[i] || rnd.nextDouble() < p)) {
                tax = pad((start + taxCount++ * step) % 100_000_000L, 8);
            }
            items[r] = new OpenItem(r + 1, documentNo(i), tax, owner[i] + 1L, KINDS[kind[i]], CNY,
                    BigDecimal.valueOf(amount[i], 2), dates[day[i]], dates[day[i] + terms[owner[i]]]);
        }
    }

    private int group(int i) {
        return kind[i] * 2 + (day[i] < MONTH_START[2] ? 0 : 1);
    }

    private int yearOf(int i) {
        return day[i] < MONTH_START[2] ? 2025 : 2026;
    }

    private String documentNo(int i) {
        return SERIES[kind[i]] + "-" + yearOf(i) + "-" + pad(serial[i], width);
    }

    private OpenItem item(int i) {
        return items[documentId[i] - 1];
    }

    private boolean documentExists(int group, int serialNo) {
        return Arrays.binarySearch(serialsByGroup[group], serialNo) >= 0;
    }

    // ---------------------------------------------------------------- statements

    private List<StatementRef> statements() {
        List<StatementRef> out = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            for (int m = FIRST_STATEMENT_MONTH; m < MONTHS; m++) {
                List<Long> ids = new ArrayList<>();
                for (int i = itemStart[c]; i < itemStart[c + 1]; i++) {
                    if (monthOf(day[i]) == m) {
                        ids.add((long) documentId[i]);
                    }
                }
                if (!ids.isEmpty()) {
                    Collections.sort(ids);
                    out.add(new StatementRef(statementNo(c, m), c + 1L, List.copyOf(ids)));
                }
            }
        }
        return out;
    }

    private String statementNo(int c, int m) {
        LocalDate month = FIRST_DAY.plusMonths(m);
        return "ST-" + month.getYear() + "-" + pad(month.getMonthValue(), 2) + "-" + codes[c];
    }

    // ---------------------------------------------------------------- payments

    private record Text(String name, String account, String remittance, String structured) {
    }

    private void payments(SplittableRandom rnd, List<IncomingPayment> payments, List<Truth> truths) {
        int[] order = GeneratedNames.sample(transactions, transactions, rnd);
        for (int p = 0; p < transactions; p++) {
            Job j = jobs[order[p]];
            long id = p + 1L;
            if (j.pattern == Pattern.NOISE) {
                noise(id, rnd, payments, truths);
                continue;
            }
            int c = j.customer;
            Text text = text(j, rnd);
            int latest = 0;
            for (int idx : j.items) {
                latest = Math.max(latest, day[idx]);
            }
            int booking = latest + rnd.nextInt(Math.min(76, LAST_BOOKING_DAY - latest + 1));
            BigDecimal paid = j.items.length == 1 && j.pay == amount[j.items[0]] ? item(j.items[0]).open()
                    : BigDecimal.valueOf(j.pay, 2);
            payments.add(new IncomingPayment(id, paid, CNY, dates[booking], text.name(), text.account(),
                    text.remittance(), text.structured()));
            truths.add(truth(j, c));
        }
    }

    private Truth truth(Job j, int c) {
        Long customer = c + 1L;
        if (!j.pattern.shouldAutoMatch()) {
            return new Truth(j.pattern, false, customer, Map.of(), Map.of(), BigDecimal.ZERO);
        }
        Map<Long, BigDecimal> cash;
        Map<Long, BigDecimal> writeOff = Map.of();
        BigDecimal onAccount = BigDecimal.ZERO;
        int first = j.items[0];
        switch (j.pattern.shape()) {
            case PARTIAL -> cash = Map.of((long) documentId[first], BigDecimal.valueOf(j.pay, 2));
            case BANK_CHARGES -> {
                cash = Map.of((long) documentId[first], BigDecimal.valueOf(j.pay, 2));
                writeOff = Map.of((long) documentId[first], BigDecimal.valueOf(j.writeOff, 2));
            }
            case OVERPAYMENT -> {
                cash = Map.of((long) documentId[first], item(first).open());
                onAccount = BigDecimal.valueOf(j.onAccount, 2);
            }
            default -> {
                if (j.items.length == 1) {
                    cash = Map.of((long) documentId[first], item(first).open());
                } else {
                    Map<Long, BigDecimal> all = new LinkedHashMap<>();
                    for (int idx : j.items) {
                        all.put((long) documentId[idx], item(idx).open());
                    }
                    cash = Collections.unmodifiableMap(all);
                }
            }
        }
        return new Truth(j.pattern, true, customer, cash, writeOff, onAccount);
    }

    private void noise(long id, SplittableRandom rnd, List<IncomingPayment> payments, List<Truth> truths) {
        int kindOfNoise = rnd.nextInt(100);
        int booking = LAST_BOOKING_DAY - rnd.nextInt(90);
        String name;
        String account;
        String remittance;
        long cents;
        if (kindOfNoise < NOISE_INTEREST) {
            String[] texts = {"利息", "结息", "存款利息", "活期结息", "INTEREST", "CREDIT INTEREST", "利息收入"};
            name = rnd.nextInt(100) < 50 ? "" : CompanyNames.BANK_BRANCHES.get(rnd.nextInt(
                    CompanyNames.BANK_BRANCHES.size()));
            account = null;
            remittance = texts[rnd.nextInt(texts.length)];
            cents = Math.max(1, (long) (StrictMath.pow(10, -1 + 4.7 * rnd.nextDouble()) * 100));
        } else if (kindOfNoise < NOISE_INTEREST + NOISE_REFUND) {
            String[] texts = {"退款", "退货退款", "多付款退回", "REFUND", "RETURN OF OVERPAYMENT", "保证金退还",
                "押金退回"};
            name = GeneratedNames.stranger(rnd);
            account = unregisteredAccount(rnd);
            remittance = texts[rnd.nextInt(texts.length)];
            cents = rnd.nextBoolean() ? invoiceCents(rnd) : debitNoteCents(rnd);
        } else {
            name = GeneratedNames.stranger(rnd);
            account = rnd.nextInt(100) < 85 ? unregisteredAccount(rnd) : null;
            remittance = generic(rnd);
            cents = invoiceCents(rnd);
        }
        payments.add(new IncomingPayment(id, BigDecimal.valueOf(cents, 2), CNY, dates[booking], name, account,
                remittance, null));
        truths.add(new Truth(Pattern.NOISE, false, null, Map.of(), Map.of(), BigDecimal.ZERO));
    }

    private Text text(Job j, SplittableRandom rnd) {
        int c = j.customer;
        int first = j.items[0];
        switch (j.pattern) {
            case EXACT_REFERENCE -> {
                String no = item(first).documentNo();
                int how = rnd.nextInt(100);
                String[] beside = {"货款", "PAYMENT", "付款"};
                return how < 60 ? referencePayer(c, no, null, rnd)
                        : referencePayer(c, how < 80 ? "" : beside[rnd.nextInt(beside.length)], no, rnd);
            }
            case REFORMATTED_REFERENCE -> {
                return referencePayer(c, reformatted(first, true, rnd), null, rnd);
            }
            case TAX_INVOICE_NUMBER -> {
                String t = item(first).taxInvoiceNo();
                return referencePayer(c, fill(TAX_INVOICE.get(rnd.nextInt(TAX_INVOICE.size())), t), null, rnd);
            }
            case COMBINED_WITH_REFERENCES -> {
                String[] joiners = {",", ", ", "/", " ", "、", ";", "，"};
                String[] prefixes = {"", "", "货款 ", "PAYMENT ", "付", "支付发票 "};
                String joiner = joiners[rnd.nextInt(joiners.length)];
                boolean plain = rnd.nextInt(100) < 70;
                String style = SEPARATORS.get(rnd.nextInt(SEPARATORS.size() / 2) * 2);
                boolean lower = rnd.nextBoolean();
                boolean drop = rnd.nextBoolean();
                StringBuilder sb = new StringBuilder(prefixes[rnd.nextInt(prefixes.length)]);
                for (int k = 0; k < j.items.length; k++) {
                    int idx = j.items[k];
                    sb.append(k == 0 ? "" : joiner);
                    sb.append(plain ? item(idx).documentNo() : token(idx, lower ? 1 : 0, style, style, drop));
                }
                return referencePayer(c, sb.toString(), null, rnd);
            }
            case STATEMENT_NUMBER -> {
                String st = statementNo(c, j.month);
                int month = FIRST_DAY.plusMonths(j.month).getMonthValue();
                String[] templates = {st, st, "对账单" + st, "STATEMENT " + st,
                    st.replace("-", "").toLowerCase(Locale.ROOT), month + "月对账单 " + st, st + " 货款"};
                return referencePayer(c, templates[rnd.nextInt(templates.length)], null, rnd);
            }
            case PARTIAL -> {
                String ref = rnd.nextInt(100) < 70 ? item(first).documentNo() : reformatted(first, false, rnd);
                String note = PARTIAL_NOTES.get(rnd.nextInt(PARTIAL_NOTES.size()));
                return referencePayer(c, note.isEmpty() ? ref : rnd.nextBoolean() ? ref + " " + note : note + ref,
                        null, rnd);
            }
            case BANK_CHARGES -> {
                int how = rnd.nextInt(100);
                String no = item(first).documentNo();
                return how < 60 ? referencePayer(c, no, null, rnd)
                        : how < 80 ? referencePayer(c, "", no, rnd)
                        : referencePayer(c, reformatted(first, true, rnd), null, rnd);
            }
            case OVERPAYMENT -> {
                return referencePayer(c, item(first).documentNo() + OVERPAID_NOTES.get(rnd.nextInt(OVERPAID_NOTES.size())),
                        null, rnd);
            }
            case NET_OF_CREDIT_NOTE -> {
                String ref = rnd.nextInt(100) < 75 ? item(first).documentNo() : reformatted(first, false, rnd);
                return referencePayer(c, ref + NET_OF_CREDIT_NOTES.get(rnd.nextInt(NET_OF_CREDIT_NOTES.size())), null, rnd);
            }
            case REFERENCE_TYPO -> {
                String typo = typo(first, rnd);
                if (rnd.nextInt(100) < 20) {
                    typo = typo.toLowerCase(Locale.ROOT);
                }
                return referencePayer(c, rnd.nextInt(100) < 30 ? wrap(typo, rnd) : typo, null, rnd);
            }
            case SHORTENED_REFERENCE -> {
                return referencePayer(c, shortened(first, rnd), null, rnd);
            }
            case KEYING_ERROR -> {
                String keyed = keyingError(first, rnd);
                return referencePayer(c, rnd.nextInt(100) < 30 ? wrap(keyed, rnd) : keyed, null, rnd);
            }
            case DECORATED_SHORT, DECORATED_OVERPAID -> {
                return referencePayer(c, decorated(first, rnd), null, rnd);
            }
            case AMOUNT_ONLY, COMBINED_WITHOUT_REFERENCE -> {
                return registeredPayer(c, generic(rnd), rnd);
            }
            case AMBIGUOUS_TWINS -> {
                return registeredPayer(c, RECURRING_FEE.get(rnd.nextInt(RECURRING_FEE.size())), rnd);
            }
            case TOLERANT_NAME -> {
                String account = rnd.nextInt(100) < 70 ? unregisteredAccount(rnd) : null;
                return new Text(names[c].tolerant(rnd), account, generic(rnd), null);
            }
            default -> throw new IllegalStateException(j.pattern.name());
        }
    }

    /** As a bank shows a customer paying with a reference: mostly from a registered account. */
    private Text referencePayer(int c, String remittance, String structured, SplittableRandom rnd) {
        int how = rnd.nextInt(100);
        if (accounts[c].length > 0 && how < 85) {
            return new Text(shown(c, rnd), accounts[c][rnd.nextInt(accounts[c].length)], remittance, structured);
        }
        if (how < 95) {
            return new Text(shown(c, rnd), unregisteredAccount(rnd), remittance, structured);
        }
        return new Text("", null, remittance, structured);
    }

    private Text registeredPayer(int c, String remittance, SplittableRandom rnd) {
        String name = rnd.nextInt(100) < 95 ? shown(c, rnd) : "";
        return new Text(name, accounts[c][rnd.nextInt(accounts[c].length)], remittance, null);
    }

    private String shown(int c, SplittableRandom rnd) {
        return names[c].english() && rnd.nextBoolean() ? legalNames[c].toUpperCase(Locale.ROOT) : legalNames[c];
    }

    /** The document number written another way; with text around it when {@code text} allows. */
    private String reformatted(int i, boolean text, SplittableRandom rnd) {
        String exact = item(i).documentNo();
        while (true) {
            int cases = rnd.nextInt(100);
            int s = rnd.nextInt(SEPARATORS.size() / 2) * 2;
            boolean drop = rnd.nextBoolean();
            String token = token(i, cases < 45 ? 0 : cases < 85 ? 1 : 2, SEPARATORS.get(s), SEPARATORS.get(s + 1), drop);
            String result = text && rnd.nextInt(100) < 55 ? wrap(token, rnd) : token;
            if (!result.equals(exact)) {
                return result;
            }
        }
    }

    /** cases: 0 upper (as issued), 1 lower, 2 capitalised; drop: leading zeros of the serial left out */
    private String token(int i, int cases, String sep1, String sep2, boolean drop) {
        String series = SERIES[kind[i]];
        series = cases == 1 ? series.toLowerCase(Locale.ROOT)
                : cases == 2 ? series.charAt(0) + series.substring(1).toLowerCase(Locale.ROOT) : series;
        String number = drop ? Integer.toString(serial[i]) : pad(serial[i], width);
        return series + sep1 + yearOf(i) + sep2 + number;
    }

    /** The number with words around it, Chinese or English, never the number alone. */
    private static String wrap(String token, SplittableRandom rnd) {
        while (true) {
            String out = PaymentTexts.once(token, rnd.nextInt(100) >= 55, rnd);
            if (!out.equals(token)) {
                return out;
            }
        }
    }

    /**
     * The document number with two adjacent digits of the serial swapped or one significant digit dropped, such
     * that no document of the same series and year has the resulting number; failing that, two digits of the
     * year swapped (no document has that year).
     */
    private String typo(int i, SplittableRandom rnd) {
        String digits = pad(serial[i], width);
        List<String> variants = new ArrayList<>();
        int firstSignificant = 0;
        while (digits.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        for (int p = 0; p + 1 < digits.length(); p++) {
            if (digits.charAt(p) != digits.charAt(p + 1)) {
                char[] cs = digits.toCharArray();
                cs[p] = digits.charAt(p + 1);
                cs[p + 1] = digits.charAt(p);
                variants.add(new String(cs));
            }
        }
        for (int p = firstSignificant; p < digits.length(); p++) {
            String dropped = digits.substring(0, p) + digits.substring(p + 1);
            if (Integer.parseInt(dropped) > 0 && Integer.parseInt(dropped) != serial[i]) {
                variants.add(dropped);
            }
        }
        int g = group(i);
        String prefix = SERIES[kind[i]] + "-" + yearOf(i) + "-";
        while (!variants.isEmpty()) {
            String v = variants.remove(rnd.nextInt(variants.size()));
            if (!documentExists(g, Integer.parseInt(v))) {
                return prefix + v;
            }
        }
        String year = Integer.toString(yearOf(i));
        return SERIES[kind[i]] + "-" + year.substring(0, 2) + year.charAt(3) + year.charAt(2) + "-" + digits;
    }

    /**
     * The reference as people shorten it: series and serial without the year or the zero padding, the serial
     * alone with a word around it, or the last 4–6 digits of the tax invoice number when the item has one.
     */
    private String shortened(int i, SplittableRandom rnd) {
        String series = SERIES[kind[i]];
        String number = Integer.toString(serial[i]);
        String tax = item(i).taxInvoiceNo();
        int how = rnd.nextInt(100);
        if (tax != null && how < 30) {
            String tail = tax.substring(8 - (4 + rnd.nextInt(3)));
            String[] forms = {"发票尾号" + tail, "发票号后四位" + tail, "FP..." + tail, "INVOICE NO. *" + tail,
                "尾号" + tail + "发票款"};
            return forms[rnd.nextInt(forms.length)];
        }
        if (how < 70) {
            String[] seps = {"-", "", " ", "#", "."};
            String s = series + seps[rnd.nextInt(seps.length)] + number;
            String[] forms = {s, s, s.toLowerCase(Locale.ROOT), "付" + s + "货款", "PAYMENT " + s, s + " 货款"};
            return forms[rnd.nextInt(forms.length)];
        }
        String[] forms = {"第" + number + "号发票", number + "号发票货款", "NO." + number, "发票 " + number,
            "INVOICE " + number, "单号" + number};
        return forms[rnd.nextInt(forms.length)];
    }

    /**
     * A keying error in the serial, in the proportions data-entry studies find: one wrong digit (most), two
     * adjacent digits swapped, one digit dropped or doubled — such that no document of the same series and year
     * has the result; failing that, the exact number with a wrong digit in the year.
     */
    private String keyingError(int i, SplittableRandom rnd) {
        String digits = pad(serial[i], width);
        int g = group(i);
        String prefix = SERIES[kind[i]] + "-" + yearOf(i) + "-";
        for (int attempt = 0; attempt < 20; attempt++) {
            int how = rnd.nextInt(100);
            int first = 0;
            while (digits.charAt(first) == '0') {
                first++;
            }
            int p = first + rnd.nextInt(digits.length() - first);
            String v;
            if (how < 60) {
                char d = (char) ('0' + rnd.nextInt(10));
                if (d == digits.charAt(p)) {
                    continue;
                }
                v = digits.substring(0, p) + d + digits.substring(p + 1);
            } else if (how < 85) {
                if (p + 1 >= digits.length() || digits.charAt(p) == digits.charAt(p + 1)) {
                    continue;
                }
                v = digits.substring(0, p) + digits.charAt(p + 1) + digits.charAt(p) + digits.substring(p + 2);
            } else if (how < 93) {
                v = digits.substring(0, p) + digits.substring(p + 1);
            } else {
                v = digits.substring(0, p + 1) + digits.charAt(p) + digits.substring(p + 1);
            }
            if (v.length() > 9 || Long.parseLong(v) == 0 || Long.parseLong(v) == serial[i]) {
                continue;
            }
            if (!documentExists(g, (int) Long.parseLong(v))) {
                return prefix + v;
            }
        }
        String year = Integer.toString(yearOf(i));
        return SERIES[kind[i]] + "-" + year.substring(0, 3) + (year.charAt(3) == '9' ? '0' : '9') + "-" + digits;
    }

    /** The document number with a decoration after it or written in full-width characters. */
    private String decorated(int i, SplittableRandom rnd) {
        String no = item(i).documentNo();
        int how = rnd.nextInt(100);
        if (how < 25) {
            StringBuilder wide = new StringBuilder();
            for (char ch : no.toCharArray()) {
                wide.append(ch >= '!' && ch <= '~' ? (char) (ch - '!' + '\uFF01') : ch);
            }
            return wide.toString() + (rnd.nextBoolean() ? "" : " 货款");
        }
        String[] decorations = {"/" + (1 + rnd.nextInt(5)), "-" + (1 + rnd.nextInt(3)), "(1)", "（2）", "#1",
            "/A", " 第1次"};
        return no + decorations[rnd.nextInt(decorations.length)];
    }

    // ---------------------------------------------------------------- all together

    MatchingScenario generate() {
        SplittableRandom planRnd = master.split();
        SplittableRandom customerRnd = master.split();
        SplittableRandom dealRnd = master.split();
        SplittableRandom itemRnd = master.split();
        SplittableRandom numberRnd = master.split();
        SplittableRandom paymentRnd = master.split();
        plan(planRnd);
        customers(customerRnd);
        deal(dealRnd);
        openItems(itemRnd);
        number(numberRnd);
        List<StatementRef> statements = statements();
        List<IncomingPayment> payments = new ArrayList<>(transactions);
        List<Truth> truths = new ArrayList<>(transactions);
        payments(paymentRnd, payments, truths);
        List<Payer> payers = new ArrayList<>(customerCount);
        for (int c = 0; c < customerCount; c++) {
            payers.add(new Payer(c + 1L, codes[c], legalNames[c], List.of(accounts[c])));
        }
        return new MatchingScenario(seed, requestedOpenItems, RUN_DATE, Collections.unmodifiableList(payers),
                Collections.unmodifiableList(Arrays.asList(items)), Collections.unmodifiableList(statements),
                Collections.unmodifiableList(payments), Collections.unmodifiableList(truths));
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }
}
