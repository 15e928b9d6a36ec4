package io.crmrecon.matching;

import java.text.Normalizer;

/**
 * How document, tax invoice and statement numbers are compared: by their letters and digits only, upper case
 * ({@link #key}), and the same with the leading zeros of every digit run dropped ({@link #stripped}), so that
 * {@code INV-2026-000123}, {@code inv 2026 000123} and {@code inv2026123} all meet.
 */
final class ReferenceKeys {

    private ReferenceKeys() {
    }

    /** Full-width letters, digits and dashes become their ASCII forms; ASCII text is returned as it is. */
    static String nfkc(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    /** The ASCII letters and digits of a number, upper case: {@code inv-2026/000123} → {@code INV2026000123}. */
    static String key(String number) {
        if (number == null) {
            return "";
        }
        String s = nfkc(number);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAlnum(c)) {
                b.append(upper(c));
            }
        }
        return b.toString();
    }

    /**
     * The key with the leading zeros of every digit run dropped, runs as written (separators end a run):
     * {@code INV-2026-000123} → {@code INV2026123}, {@code 04412345} → {@code 4412345},
     * {@code ST-2026-10-C0001} → {@code ST202610C1}. A run of zeros keeps one.
     */
    static String stripped(String number) {
        if (number == null) {
            return "";
        }
        String s = nfkc(number);
        return stripped(s, 0, s.length());
    }

    /** {@link #stripped(String)} of {@code s[from, to)} (already NFKC). */
    static String stripped(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                int j = i;
                while (j < to && isDigit(s.charAt(j))) {
                    j++;
                }
                int k = i;
                while (k < j - 1 && s.charAt(k) == '0') {
                    k++;
                }
                b.append(s, k, j);
                i = j;
            } else {
                if (isAlnum(c)) {
                    b.append(upper(c));
                }
                i++;
            }
        }
        return b.toString();
    }

    /** The letters before the first digit of a key: its family, e.g. {@code INV} for {@code INV2026000123}. */
    static String family(CharSequence key) {
        int i = 0;
        while (i < key.length() && !isDigit(key.charAt(i))) {
            i++;
        }
        return key.subSequence(0, i).toString();
    }

    static int digits(CharSequence key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (isDigit(key.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static boolean allDigits(CharSequence key) {
        if (key.length() == 0) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ hashing

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** A well-spread 64-bit hash of a key; the index verifies every hit, so a collision only costs a compare. */
    static long hash(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    static long hash(char[] a, int length) {
        long h = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            h ^= a[i];
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** MurmurHash3's finaliser. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
