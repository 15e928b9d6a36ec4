package io.crmrecon.matching.engine;

import java.text.Normalizer;

/**
 * How document, tax invoice and statement numbers are compared: by their letters and digits only, upper case
 * ({@link #key}), and the same with the leading zeros of every digit run dropped ({@link #stripped}), so that
 * {@code INV-2026-000123}, {@code inv 2026 000123} and {@code inv2026123} all meet.
 */
final class ReferenceKeys {

    private ReferenceKeys() {
    }

    /**
     * Full-width letters, digits and dashes become their ASCII forms. Text of ASCII and common CJK ideographs
     * only (which NFKC leaves alone) is returned as it is, without the cost of normalising.
     */
    static String nfkc(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
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

    /**
     * Whether {@code written} is one typo from {@code actual}: two adjacent characters swapped, one digit of
     * {@code actual} dropped, one digit added, or one digit wrong. Equal keys are no typo.
     */
    static boolean oneTypo(String written, String actual) {
        int w = written.length();
        int a = actual.length();
        if (w == a) {
            int first = -1;
            int second = -1;
            for (int i = 0; i < w; i++) {
                if (written.charAt(i) != actual.charAt(i)) {
                    if (first < 0) {
                        first = i;
                    } else if (second < 0) {
                        second = i;
                    } else {
                        return false;
                    }
                }
            }
            if (first < 0) {
                return false;
            }
            if (second < 0) {
                return isDigit(written.charAt(first)) && isDigit(actual.charAt(first));
            }
            return second == first + 1 && written.charAt(first) == actual.charAt(second)
                    && written.charAt(second) == actual.charAt(first);
        }
        if (w + 1 == a) {
            return oneDigitMore(actual, written);
        }
        if (a + 1 == w) {
            return oneDigitMore(written, actual);
        }
        return false;
    }

    /** Whether deleting one digit of {@code longer} gives {@code shorter}. */
    private static boolean oneDigitMore(String longer, String shorter) {
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        // the first difference is at i: longer[i] is the extra character (or any equal one before it)
        if (!isDigit(longer.charAt(i))) {
            return false;
        }
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
    }

    // ------------------------------------------------------------------ hashing

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** What {@link #digest} works out of a number; one per thread, reused (the family string too, if equal). */
    static final class Digest {
        long hash;
        long check;
        /** 0 when the stripped key is the key */
        long strippedHash;
        long strippedCheck;
        int digits;
        int strippedDigits;
        String family = "";
        private final StringBuilder letters = new StringBuilder();
    }

    /**
     * The hash and check of a number's key and of its stripped key, their digit counts and the family, in one
     * pass without building the keys. Returns false when the number has no key (no letters or digits).
     */
    static boolean digest(String number, Digest d) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= 0x80) {
                return digestSlowly(number, d);
            }
        }
        long h = FNV_OFFSET;
        long k = CHECK_OFFSET;
        long sh = FNV_OFFSET;
        long sk = CHECK_OFFSET;
        int length = 0;
        int strippedLength = 0;
        int digits = 0;
        int strippedDigits = 0;
        boolean familyDone = false;
        StringBuilder letters = d.letters;
        letters.setLength(0);
        int pendingZeros = 0;
        boolean runHasOutput = false;
        boolean inRun = false;
        int n = number.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? number.charAt(i) : ' ';
            boolean digit = isDigit(c);
            if (inRun && !digit) { // a digit run ends: an all-zero run keeps one zero
                if (!runHasOutput && pendingZeros > 0) {
                    sh = (sh ^ '0') * FNV_PRIME;
                    sk = checkStep(sk, '0');
                    strippedLength++;
                    strippedDigits++;
                }
                inRun = false;
            }
            if (i == n || !isAlnum(c)) {
                continue;
            }
            char u = upper(c);
            h = (h ^ u) * FNV_PRIME;
            k = checkStep(k, u);
            length++;
            if (digit) {
                familyDone = true;
                digits++;
                if (!inRun) {
                    inRun = true;
                    runHasOutput = false;
                    pendingZeros = 0;
                }
                if (c == '0' && !runHasOutput) {
                    pendingZeros++;
                    continue;
                }
                runHasOutput = true;
            } else if (!familyDone) {
                letters.append(u);
            }
            sh = (sh ^ u) * FNV_PRIME;
            sk = checkStep(sk, u);
            strippedLength++;
            if (digit) {
                strippedDigits++;
            }
        }
        if (length == 0) {
            return false;
        }
        d.hash = mix(h);
        d.check = nonZero(mix2(k ^ length));
        boolean same = strippedLength == length;
        d.strippedHash = same ? 0 : mix(sh);
        d.strippedCheck = same ? 0 : nonZero(mix2(sk ^ strippedLength));
        d.digits = digits;
        d.strippedDigits = strippedDigits;
        if (!d.family.contentEquals(letters)) {
            d.family = letters.toString();
        }
        return true;
    }

    private static boolean digestSlowly(String number, Digest d) {
        String full = key(number);
        if (full.isEmpty()) {
            return false;
        }
        String stripped = stripped(number);
        d.hash = hash(full);
        d.check = check(full);
        boolean same = stripped.equals(full);
        d.strippedHash = same ? 0 : hash(stripped);
        d.strippedCheck = same ? 0 : check(stripped);
        d.digits = digits(full);
        d.strippedDigits = digits(stripped);
        d.family = family(full);
        return true;
    }

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

    /**
     * A second 64-bit hash of a key, computed differently from {@link #hash} (another multiplier, the length
     * mixed in, another finaliser): stored beside each key's value so that the two together (128 bits) stand
     * for the key. Never 0.
     */
    static long check(CharSequence s) {
        long h = CHECK_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = checkStep(h, s.charAt(i));
        }
        return nonZero(mix2(h ^ s.length()));
    }

    static long check(char[] a, int length) {
        long h = CHECK_OFFSET;
        for (int i = 0; i < length; i++) {
            h = checkStep(h, a[i]);
        }
        return nonZero(mix2(h ^ length));
    }

    private static final long CHECK_OFFSET = 0x2545F4914F6CDD1DL;

    private static long checkStep(long h, char c) {
        h = (h + c) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix2(long h) {
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
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
