package io.crmrecon.bankfile;

import java.util.Locale;
import java.util.Set;

/**
 * Banks must fill reference fields even when they have nothing to say, and write a placeholder then. A placeholder
 * is no reference: taken as one, it would make every later line of the account with the same placeholder look
 * like a duplicate of the first, and that line would be lost.
 */
final class BankReferences {

    private static final Set<String> PLACEHOLDERS = Set.of("NONREF", "NOREF", "NONE", "NOTPROVIDED", "NOT PROVIDED",
            "N/A", "NA", "-", "/", "NULL");

    private BankReferences() {
    }

    /** The reference, or null when it is absent, blank or a placeholder. */
    static String meaningful(String reference) {
        if (reference == null) {
            return null;
        }
        String r = reference.strip();
        if (r.isEmpty() || PLACEHOLDERS.contains(collapsed(r))) {
            return null;
        }
        return r;
    }

    /** Upper case, each run of blanks one space; by hand, as it runs for every line of a file. */
    private static String collapsed(String r) {
        StringBuilder sb = new StringBuilder(r.length());
        boolean blank = false;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = true;
                continue;
            }
            if (blank) {
                sb.append(' ');
                blank = false;
            }
            sb.append(c);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
