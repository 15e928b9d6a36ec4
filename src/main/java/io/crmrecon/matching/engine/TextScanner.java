package io.crmrecon.matching.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a payment's remittance text and structured reference for the numbers in it that are, or look like,
 * ours: document, tax invoice, statement and settled document numbers as the {@link EngineIndex} knows them.
 */
final class TextScanner {

    /** text n-grams join at most this many runs of letters and digits */
    static final int MAX_RUNS = 5;
    static final int MAX_KEY_LENGTH = 40;

    private final EngineIndex index;

    TextScanner(EngineIndex index) {
        this.index = index;
    }

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
            if (!acceptable(key, amountMinor, scale) || !index.references.families.containsKey(ReferenceKeys.family(key))) {
                continue;
            }
            int from = start;
            int to = runs[2 * (r + k - 1) + 1];
            int[] hits = index.references.resolve(key, ReferenceKeys.stripped(text, from, to));
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
                EngineIndex.EMPTY, keys.toArray(String[]::new), used);
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
        Set<String> set = i < to ? index.references.families.keySet() : index.references.familyPrefixes;
        if (set.contains(letters) || swapIn(letters, set)) {
            return from;
        }
        for (int o = 1; o + 2 <= letters.length(); o++) {
            if (set.contains(letters.substring(o))) {
                return from + o;
            }
        }
        // a bare number glued to a word ("FP04412345", "NO.4412345"): from its first digit, if we have such numbers
        return i < to && index.references.families.containsKey("") ? i : -1;
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
        int[] range = index.references.families.get(family);
        if (range == null) {
            char[] a = family.toCharArray();
            for (int i = 0; i + 1 < a.length && range == null; i++) {
                char t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                range = index.references.families.get(new String(a));
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

}
