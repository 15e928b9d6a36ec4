package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.util.List;

/**
 * The shortened-reference family: a number in the text that is not one of ours as written, but is the series
 * and serial of one of the payer's open documents without the year or the zero padding ("INV-123" for
 * INV-2026-000123). Taken only when the payer is known, every such number in the text reads as the same one
 * of its open items, and the amount confirms it — exactly, or short within tolerance — and no other reading; else
 * the items the numbers shorten are suggested.
 */
final class ShortenedReferenceRules extends Rules {

    /** fewer digits than this say too little to name a document */
    static final int MIN_SERIAL_DIGITS = 3;

    /**
     * Per item, what its number shortens to ({@link #shortForm}), worked out when first needed: a payment is
     * evaluated in several passes, each comparing its numbers with all of the payer's items.
     */
    private final ShortForm[] shortForms;

    /** An item number's series and serial (zeros dropped); {@code serial} null when it cannot be shortened. */
    private record ShortForm(String family, String serial) {
        static final ShortForm NONE = new ShortForm("", null);
    }

    ShortenedReferenceRules(EngineIndex index, OpenAmounts state, Currencies currencies) {
        super(index, state, currencies);
        this.shortForms = new ShortForm[index.items.length];
    }

    /**
     * The one reading of the unresolved numbers as a shortened number of the payer's items that the amount
     * confirms, or null; then the items they shorten are added to {@code candidates} for a clerk.
     */
    Proposal propose(Prepared p, Refs refs, Reads x, List<Candidate> candidates) {
        int c = p.payer.customer();
        if (refs.unresolved.isEmpty() || refs.settled || refs.ambiguous || refs.otherCurrency
                || !refs.items.isEmpty()) {
            return null;
        }
        if (c < 0) {
            suggestOfAnyone(p, refs, x, candidates);
            return null;
        }
        int found = -1;
        boolean one = true;
        for (Token t : refs.unresolved) {
            int[] read = readAs(t, c, p.currency, x);
            for (int i : read) {
                candidates.add(candidate(new int[] {i}, MatchRule.REFERENCE_SHORTENED,
                        x.open(i) == p.amount ? Scores.SUGGEST_SHORTENED_SAME_AMOUNT : Scores.SUGGEST_SHORTENED,
                        Reason.of(Reason.Code.SHORTENED, no(i), t.text(), money(x.open(i), p.currency))));
            }
            int confirmed = confirmedBy(read, p, x);
            if (confirmed < 0 || (found >= 0 && confirmed != found)) {
                one = false;
            }
            found = confirmed;
        }
        if (!one || found < 0) {
            return null;
        }
        long open = x.open(found);
        long diff = open - p.amount;
        return diff == 0
                ? full(p, new int[] {found}, MatchRule.REFERENCE_SHORTENED, Scores.REFERENCE_SHORTENED)
                : shortPaid(p, new int[] {found}, found, diff, MatchRule.REFERENCE_SHORTENED,
                        Scores.REFERENCE_SHORTENED);
    }

    /**
     * A payer neither account nor name tells: only suggestions — any customer's items of exactly the amount whose
     * number a number of the text shortens.
     */
    private void suggestOfAnyone(Prepared p, Refs refs, Reads x, List<Candidate> candidates) {
        int[] sameAmount = anyItemsWithAmount(x, p.currency, p.amount);
        for (Token t : refs.unresolved) {
            for (int i : sameAmount) {
                if (shortens(t, shortForm(i))) {
                    candidates.add(candidate(new int[] {i}, MatchRule.REFERENCE_SHORTENED,
                            Scores.SUGGEST_SHORTENED_SAME_AMOUNT,
                            Reason.of(Reason.Code.SHORTENED, no(i), t.text(), money(x.open(i), p.currency))));
                }
            }
        }
    }

    /** Of the items a number may shorten, the one the amount confirms (exactly, or short within tolerance); -1. */
    private int confirmedBy(int[] read, Prepared p, Reads x) {
        int found = -1;
        for (int i : read) {
            long open = x.open(i);
            long diff = open - p.amount;
            if (diff == 0 || (diff > 0 && diff <= tolerance(open, p.currency))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** The open items of the customer (in the currency) whose number the token shortens. */
    private int[] readAs(Token t, int customer, int currency, Reads x) {
        int[] found = EngineIndex.EMPTY;
        x.customer(customer);
        for (int p = index.customerItemStart[customer]; p < index.customerItemStart[customer + 1]; p++) {
            int i = index.customerItems[p];
            if (currencyOf(i) != currency || openOf(i) == 0 || !shortens(t, shortForm(i))) {
                continue;
            }
            x.open(i);
            found = java.util.Arrays.copyOf(found, found.length + 1);
            found[found.length - 1] = i;
        }
        return found;
    }

    private ShortForm shortForm(int item) {
        ShortForm f = shortForms[item];
        if (f == null) {
            // computed at most once per item and thread; a record is safely published, so racing writes are harmless
            f = shortForm(index.items[item].documentNo());
            shortForms[item] = f;
        }
        return f;
    }

    private static ShortForm shortForm(String number) {
        if (number == null) {
            return ShortForm.NONE;
        }
        String full = ReferenceKeys.key(number);
        String family = ReferenceKeys.family(full);
        String serial = serial(number);
        if (serial == null || full.equals(family + serial)) {
            return ShortForm.NONE; // nothing to shorten: the number is its series and serial
        }
        return new ShortForm(family, serial);
    }

    /** Whether one of the token's keys is the number's series followed by its serial, zeros dropped. */
    private static boolean shortens(Token t, ShortForm form) {
        String family = form.family();
        String serial = form.serial();
        if (serial == null) {
            return false;
        }
        for (String key : t.typoKeys()) {
            if (key.length() > family.length() && key.startsWith(family)) {
                String digits = key.substring(family.length());
                if (allDigits(digits) && stripZeros(digits).equals(serial)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last group of digits of a number, leading zeros dropped; null when it is too short to tell. */
    static String serial(String number) {
        int end = number.length();
        while (end > 0 && !ReferenceKeys.isDigit(number.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && ReferenceKeys.isDigit(number.charAt(start - 1))) {
            start--;
        }
        String serial = stripZeros(number.substring(start, end));
        return serial.length() < MIN_SERIAL_DIGITS ? null : serial;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static boolean allDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!ReferenceKeys.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
