package io.crmrecon.bankfile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contract's duplicate rule as one short key per transaction, so that "seen before" is a unique index:
 * <ul>
 * <li>with a bank reference: {@code "R"} + SHA-256 of (account, bank reference);</li>
 * <li>without: {@code "N"} + SHA-256 of (account, booking date, amount, currency, counterparty account,
 * remittance text, occurrence number among identical lines of the statement).</li>
 * </ul>
 * Identical lines within one statement get different keys (occurrence 1, 2, ...), and reading the same file again
 * gives the same keys. A bank reference that repeats inside one statement (a camt entry split into its
 * transaction details shares the entry's reference) gets the occurrence added from its second appearance on, so
 * the first keeps the plain (account, reference) key every format agrees on. Keys are 65 characters.
 */
public final class DuplicateKey {

    private static final char SEPARATOR = '\u001f';
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final int PARALLEL_FROM = 2_000;

    private DuplicateKey() {
    }

    public static List<String> keysOf(List<ParsedTransaction> transactionsOfOneStatement) {
        Statement statement = new Statement();
        return hash(transactionsOfOneStatement.stream().map(statement::identity).toList());
    }

    /**
     * The keys of one statement's transactions as they come, in file order: what makes a line's key depends only
     * on the lines of its statement before it, so a file can be stored while it is still being read.
     */
    public static final class Statement {
        private final Map<String, Integer> occurrences = new HashMap<>();

        /** What the key is made from; {@link #hash} turns a batch of them into keys. */
        public String identity(ParsedTransaction t) {
            // a placeholder such as NONREF is no reference: the whole-line rule applies
            String reference = text(BankReferences.meaningful(t.bankReference()));
            String identity;
            if (reference != null) {
                identity = join("R", account(t.account()), reference);
            } else {
                identity = join("N", account(t.account()), String.valueOf(t.bookingDate()), amount(t.amount()),
                        t.currency() == null ? "" : t.currency().toUpperCase(Locale.ROOT),
                        nullToEmpty(account(t.counterpartyAccount())), nullToEmpty(text(t.remittanceInfo())));
            }
            int occurrence = occurrences.merge(identity, 1, Integer::sum);
            if (reference != null) {
                return "R" + (occurrence == 1 ? identity : identity + SEPARATOR + occurrence);
            }
            return "N" + identity + SEPARATOR + occurrence;
        }
    }

    /** The keys of the identities, in their order. */
    public static List<String> hash(List<String> identities) {
        // hashing is most of the work for a large file, and each key stands alone
        Stream<String> each = identities.stream();
        return (identities.size() >= PARALLEL_FROM ? each.parallel() : each)
                .map(id -> id.charAt(0) + sha256(id.substring(1))).toList();
    }

    /** Accounts compare without spaces and case: "nl26 vayb ..." is the IBAN "NL26VAYB...". */
    private static String account(String account) {
        if (account == null) {
            return null;
        }
        String a = BLANKS.matcher(account).replaceAll("").toUpperCase(Locale.ROOT);
        return a.isEmpty() ? null : a;
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    /** Whitespace runs count as one space: banks re-wrap the same text differently. */
    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = BLANKS.matcher(s.strip()).replaceAll(" ");
        return t.isEmpty() ? null : t;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(part == null ? "" : part);
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
