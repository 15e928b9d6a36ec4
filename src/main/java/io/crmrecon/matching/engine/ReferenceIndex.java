package io.crmrecon.matching.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The reference index of an {@link EngineIndex}: each document number, tax invoice number, statement number and
 * settled document number under its {@link ReferenceKeys#key full key} and its {@link ReferenceKeys#stripped
 * stripped key}, in a flat table keyed by a 64-bit hash of the key, with a second, independent 64-bit hash stored
 * beside each entry to verify hits without touching the numbers themselves. A posting is {@code (id << KIND_BITS)
 * | kind}.
 *
 * <p>A near-miss reference is looked for among the items of the customer it must belong to whose amount fits,
 * each compared with the number; for a clerk's suggestions only, an unresolved number's one-typo variants are
 * looked up in the exact index. There is no index of variants: memory stays proportional to the items.
 */
final class ReferenceIndex {

    // posting kinds
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

    private final EngineIndex index;
    private final LongMultiIndex references;
    /** family (the letters before the first digit of a key) → {fewest digits, most digits} seen */
    final Map<String, int[]> families = new HashMap<>();
    /** every prefix of a family, "" included */
    final Set<String> familyPrefixes = new HashSet<>();

    ReferenceIndex(EngineIndex index) {
        this.index = index;
        this.references = build(index);
    }

    /** Keys hashed in parallel, the table built in one pass; the families seen noted. */
    private LongMultiIndex build(EngineIndex index) {
        OpenItem[] items = index.items;
        long[] itemOpen = index.itemOpen;
        StatementRef[] statements = index.statements;
        SettledDocument[] settled = index.settled;
        int n = items.length;
        OpenItem[] sorted = items;
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
            addReference(refs, s, keyed(index.statements[s].statementNo()), STMT_FULL, STMT_STRIPPED);
        }
        for (int s = 0; s < settled.length; s++) {
            addReference(refs, s, keyed(index.settled[s].documentNo()), SETTLED_DOC_FULL, SETTLED_DOC_STRIPPED);
            addReference(refs, s, keyed(index.settled[s].taxInvoiceNo()), SETTLED_TAX_FULL, SETTLED_TAX_STRIPPED);
        }
        LongMultiIndex built = refs.build();
        for (String family : families.keySet()) {
            for (int len = 0; len <= family.length(); len++) {
                familyPrefixes.add(family.substring(0, len));
            }
        }
        return built;
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
            case DOC_FULL, DOC_STRIPPED -> index.items[id].documentNo();
            case TAX_FULL, TAX_STRIPPED -> index.items[id].taxInvoiceNo();
            case STMT_FULL, STMT_STRIPPED -> index.statements[id].statementNo();
            case SETTLED_DOC_FULL, SETTLED_DOC_STRIPPED -> index.settled[id].documentNo();
            default -> index.settled[id].taxInvoiceNo();
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
        return stripped.equals(full) ? EngineIndex.EMPTY : lookup(ReferenceKeys.hash(stripped), ReferenceKeys.check(stripped));
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
            return EngineIndex.EMPTY;
        }
        int start = references.start(slot);
        int end = start + references.count(slot);
        int[] out = EngineIndex.EMPTY;
        for (int p = start; p < end; p++) {
            if (references.check(p) == check) {
                out = appendTo(out == EngineIndex.EMPTY ? null : out, references.value(p));
            }
        }
        return out;
    }

    /** The items a posting stands for now-or-ever: one item, a statement's items, or none (settled). */
    int[] itemsOf(int posting) {
        return switch (kind(posting)) {
            case DOC_FULL, DOC_STRIPPED, TAX_FULL, TAX_STRIPPED -> new int[] {id(posting)};
            case STMT_FULL, STMT_STRIPPED -> index.statementItems[id(posting)];
            default -> EngineIndex.EMPTY;
        };
    }

    /** The customer a posting belongs to. */
    int customerOf(int posting) {
        return switch (kind(posting)) {
            case DOC_FULL, DOC_STRIPPED, TAX_FULL, TAX_STRIPPED -> index.itemCustomer[id(posting)];
            case STMT_FULL, STMT_STRIPPED -> index.statementCustomer[id(posting)];
            default -> index.settledCustomer[id(posting)];
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
