package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The typo family: a number in the text one keying error away from an open item's number — one adjacent swap,
 * one digit dropped, added or wrong — taken when the amount confirms it and no twin could be meant.
 */
final class TypoRules extends Rules {

    /**
     * The items one typo away from a number's keys, per keys: they depend on the index alone, and a payment left
     * to a clerk is evaluated in several passes.
     */
    private final Map<String, int[]> hitsByKeys = new ConcurrentHashMap<>();

    TypoRules(EngineIndex index, OpenAmounts state, Currencies currencies) {
        super(index, state, currencies);
    }

    /**
     * Readings of the payment where one number of the text is one typo away from an open item's number: that
     * item replaces what the number resolved to (or is added, for a number that resolved to nothing), and the
     * amount must confirm it — exactly, or short within tolerance. The item must belong to the customer of the
     * other named items, or else to the payer, so the search starts there: the customer's items of the amount
     * still missing (an index range), each compared with the number (one adjacent swap, one digit dropped,
     * added or wrong). An item with an open twin (same customer, same amount) is never taken: the typo might as
     * well be a settled twin's number.
     */
    List<Alternative> alternatives(Prepared p, Refs refs, List<Integer> named, Reads x,
            List<Candidate> candidates) {
        List<Alternative> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int payer = p.payer.customer();
        int cur = p.currency;
        List<Token> sources = new ArrayList<>();
        List<int[]> replaced = new ArrayList<>();
        for (int k = 0; k < refs.tokens.size(); k++) {
            if (refs.tokens.get(k).strong()) {
                sources.add(refs.tokens.get(k));
                replaced.add(refs.tokenItems.get(k));
            }
        }
        for (Token t : refs.unresolved) {
            sources.add(t);
            replaced.add(EngineIndex.EMPTY);
        }
        Set<Integer> namedSet = new HashSet<>(named);
        for (int s = 0; s < sources.size(); s++) {
            Token t = sources.get(s);
            Set<Integer> drop = new HashSet<>();
            for (int i : replaced.get(s)) {
                drop.add(i);
            }
            int[] base = named.stream().filter(i -> !drop.contains(i)).mapToInt(Integer::intValue).toArray();
            int customer = base.length == 0 ? payer : singleCustomer(base);
            if (customer < 0) {
                continue;
            }
            long missing = p.amount - sum(x, base);
            if (missing <= 0) {
                continue;
            }
            boolean replaces = replaced.get(s).length > 0;
            // a number that names an open item is read as a typo only if the amount fits exactly
            long slack = replaces ? 0 : currencies.toleranceAbsolute(cur);
            for (int y : itemsInRange(x, customer, cur, missing, missing + slack)) {
                long openY = x.open(y);
                long diff = openY - missing;
                if (namedSet.contains(y) || (diff > 0 && diff > tolerance(openY, cur)) || !oneTypo(t, y)) {
                    continue;
                }
                int[] set = concat(base, new int[] {y});
                if (!seen.add(Arrays.toString(Arrays.stream(set).sorted().toArray()))) {
                    continue;
                }
                Reason reason = diff > 0 ? Reason.of(Reason.Code.TYPO_SHORT, no(y), t.text(), money(diff, cur))
                        : Reason.of(Reason.Code.TYPO, no(y), t.text());
                if (itemsWithAmount(x, customer, cur, openY).length > 1) {
                    refs.typoDoubt = true;
                    candidates.add(candidate(set, MatchRule.REFERENCE_TYPO, Scores.SUGGEST_TYPO_TWIN, diff > 0
                            ? Reason.of(Reason.Code.TYPO_SHORT_TWIN, no(y), t.text(), money(diff, cur))
                            : Reason.of(Reason.Code.TYPO_TWIN, no(y), t.text())));
                    continue;
                }
                Proposal pr = diff == 0 ? full(p, set, MatchRule.REFERENCE_TYPO, Scores.REFERENCE_TYPO)
                        : shortPaid(p, set, y, diff, MatchRule.REFERENCE_TYPO, Scores.REFERENCE_TYPO);
                out.add(new Alternative(pr, set, reason, replaces));
            }
        }
        return out;
    }

    /** Whether the item's number (full or stripped) is one typo from one of the token's keys. */
    private boolean oneTypo(Token t, int item) {
        String number = index.items[item].documentNo();
        if (number == null) {
            return false;
        }
        String full = ReferenceKeys.key(number);
        String stripped = ReferenceKeys.stripped(number);
        for (String key : t.typoKeys()) {
            if (ReferenceKeys.oneTypo(key, full) || ReferenceKeys.oneTypo(key, stripped)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A payer that neither its account nor its name tells anything about: the one open item of any customer
     * whose number is one typo from a number in the text and whose open amount is exactly the payment (no
     * short), without an open twin; null when there is none or more than one. The number's variants are looked
     * up in the exact index.
     */
    Proposal fromAnyone(Prepared p, Refs refs, Reads x) {
        if (p.payer.customer() >= 0 || p.payer.candidates().length > 0) {
            return null;
        }
        int found = -1;
        for (Token t : refs.unresolved) {
            for (int y : typoHits(t.typoKeys())) {
                if (currencyOf(y) != p.currency || x.open(y) != p.amount || y == found) {
                    continue;
                }
                if (found >= 0 || itemsWithAmount(x, customerOf(y), p.currency, p.amount).length > 1) {
                    return null;
                }
                found = y;
            }
        }
        return found < 0 ? null : full(p, new int[] {found}, MatchRule.REFERENCE_TYPO, Scores.REFERENCE_TYPO);
    }

    /**
     * For a clerk only: items of any customer whose number is one typo from a number in the text that resolves
     * to nothing. Generates the number's variants and looks each up in the exact index (no variant index).
     */
    void suggestions(Prepared p, Refs refs, Reads x, List<Candidate> candidates) {
        for (Token t : refs.unresolved) {
            for (int y : typoHits(t.typoKeys())) {
                if (currencyOf(y) == p.currency && x.open(y) != 0) {
                    long diff = x.open(y) - p.amount;
                    candidates.add(candidate(new int[] {y}, MatchRule.REFERENCE_TYPO, diff == 0
                            ? Scores.SUGGEST_TYPO_SAME_AMOUNT : Scores.SUGGEST_TYPO_OTHER_AMOUNT,
                            diff == 0 ? Reason.of(Reason.Code.TYPO_SAME_AMOUNT, no(y), t.text())
                                    : Reason.of(Reason.Code.TYPO_OPEN, no(y), t.text(),
                                            money(x.open(y), p.currency))));
                }
            }
        }
    }

    /** Items whose number is one typo from a key: adjacent swap, a digit dropped, added or wrong. */
    private int[] typoHits(String[] keys) {
        return hitsByKeys.computeIfAbsent(String.join("\n", keys), k -> searchTypoHits(keys));
    }

    private int[] searchTypoHits(String[] keys) {
        TreeSet<Integer> hits = new TreeSet<>();
        for (String key : keys) {
            char[] a = key.toCharArray();
            int n = a.length;
            char[] buf = new char[n + 1];
            // two adjacent characters swapped
            for (int i = 0; i + 1 < n; i++) {
                if (a[i] != a[i + 1]) {
                    System.arraycopy(a, 0, buf, 0, n);
                    buf[i] = a[i + 1];
                    buf[i + 1] = a[i];
                    probe(buf, n, hits);
                }
            }
            // one digit too many
            for (int i = 0; i < n; i++) {
                if (ReferenceKeys.isDigit(a[i])) {
                    System.arraycopy(a, 0, buf, 0, i);
                    System.arraycopy(a, i + 1, buf, i, n - i - 1);
                    probe(buf, n - 1, hits);
                }
            }
            // one digit dropped
            for (int i = 0; i <= n; i++) {
                if ((i > 0 && ReferenceKeys.isDigit(a[i - 1])) || (i < n && ReferenceKeys.isDigit(a[i]))) {
                    System.arraycopy(a, 0, buf, 0, i);
                    System.arraycopy(a, i, buf, i + 1, n - i);
                    for (char d = '0'; d <= '9'; d++) {
                        buf[i] = d;
                        probe(buf, n + 1, hits);
                    }
                }
            }
            // one digit wrong
            for (int i = 0; i < n; i++) {
                if (ReferenceKeys.isDigit(a[i])) {
                    System.arraycopy(a, 0, buf, 0, n);
                    for (char d = '0'; d <= '9'; d++) {
                        if (d != a[i]) {
                            buf[i] = d;
                            probe(buf, n, hits);
                        }
                    }
                }
            }
        }
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    private void probe(char[] buf, int length, Set<Integer> hits) {
        if (length < 4) {
            return;
        }
        for (int posting : index.references.lookup(ReferenceKeys.hash(buf, length), ReferenceKeys.check(buf, length))) {
            int kind = ReferenceIndex.kind(posting);
            if (kind == ReferenceIndex.DOC_FULL || kind == ReferenceIndex.DOC_STRIPPED) {
                hits.add(ReferenceIndex.id(posting));
            }
        }
    }
}
