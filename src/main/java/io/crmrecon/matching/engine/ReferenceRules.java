package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.OpenAmounts.Gathered;
import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference family: what the numbers in the text name — documents, tax invoices, statements — against the
 * open amounts: paid exactly, with other items of the customer, short, in part or more; a number that names
 * nothing payable blocks the amount rules and is looked at for a typo.
 */
final class ReferenceRules extends Rules {

    private final TypoRules typos;
    private final ShortenedReferenceRules shortened;

    ReferenceRules(EngineIndex index, OpenAmounts state, Currencies currencies, TypoRules typos,
            ShortenedReferenceRules shortened) {
        super(index, state, currencies);
        this.typos = typos;
        this.shortened = shortened;
    }

    /**
     * The common case without the general machinery: every number in the text names exactly one open document
     * of the currency (by a number with letters, or the payer's own), and together they make the amount. The
     * general rules decide the same; this only saves their cost. Null when it does not apply.
     */
    Proposal exactReference(Prepared p, Reads x) {
        Token[] tokens = p.tokens;
        if (tokens.length == 0) {
            return null;
        }
        int[] items = new int[tokens.length];
        long sum = 0;
        for (int k = 0; k < tokens.length; k++) {
            Token t = tokens[k];
            if (t.hits().length != 1) {
                return null;
            }
            int posting = t.hits()[0];
            int kind = ReferenceIndex.kind(posting);
            if (kind > ReferenceIndex.TAX_STRIPPED) {
                return null;
            }
            int i = ReferenceIndex.id(posting);
            long o = x.open(i);
            if (o == 0 || currencyOf(i) != p.currency || !(t.strong() || customerOf(i) == p.payer.customer())) {
                return null;
            }
            for (int m = 0; m < k; m++) {
                if (items[m] == i) {
                    return null;
                }
            }
            items[k] = i;
            sum += o;
        }
        return sum == p.amount ? full(p, items, MatchRule.REFERENCE, Scores.REFERENCE) : null;
    }

    Refs readReferences(Prepared p, Reads x) {
        Refs refs = new Refs();
        int payer = p.payer.customer();
        List<Token> resolved = new ArrayList<>();
        List<int[]> resolvedItems = new ArrayList<>();
        for (Token t : p.tokens) {
            if (!t.resolved()) {
                refs.unresolved.add(t);
                continue;
            }
            int[] targets = ReferenceIndex.targets(t.hits());
            if (targets.length > 1 && payer >= 0) {
                int[] own = Arrays.stream(targets).filter(q -> index.references.customerOf(q) == payer).toArray();
                if (own.length == 1) {
                    targets = own;
                }
            }
            if (targets.length > 1) {
                refs.ambiguous = true;
                for (int q : targets) {
                    int[] openOnes = openItems(x, index.references.itemsOf(q), p.currency);
                    if (openOnes.length > 0) {
                        refs.notes.add(candidate(openOnes, MatchRule.REFERENCE, Scores.SUGGEST_AMBIGUOUS_NUMBER,
                                Reason.of(Reason.Code.AMBIGUOUS_NUMBER, t.text(), no(openOnes))));
                    }
                }
                continue;
            }
            int q = targets[0];
            int kind = ReferenceIndex.kind(q);
            if (kind >= ReferenceIndex.SETTLED_DOC_FULL) {
                SettledDocument s = index.settled[ReferenceIndex.id(q)];
                refs.settled = true;
                refs.notes.add(settledNote(index.settledCustomer[ReferenceIndex.id(q)], s.documentId(),
                        s.documentNo()));
                continue;
            }
            if (kind == ReferenceIndex.STMT_FULL || kind == ReferenceIndex.STMT_STRIPPED) {
                int[] openOnes = openItems(x, index.references.itemsOf(q), p.currency);
                if (openOnes.length == 0) {
                    StatementRef st = index.statements[ReferenceIndex.id(q)];
                    refs.settled = true;
                    refs.notes.add(new Candidate(index.references.customerOf(q), new long[0], MatchRule.REFERENCE,
                            Scores.SUGGEST_POSSIBLE_DUPLICATE, Long.MAX_VALUE,
                            Reason.of(Reason.Code.STATEMENT_SETTLED, st.statementNo())));
                    continue;
                }
                resolved.add(t);
                resolvedItems.add(openOnes);
                continue;
            }
            int item = ReferenceIndex.id(q);
            if (x.open(item) == 0) {
                // settled earlier in this run: exactly as if it had been given as a settled document
                refs.settled = true;
                refs.notes.add(settledNote(customerOf(item), index.documentIds[item], index.items[item].documentNo()));
                continue;
            }
            if (currencyOf(item) != p.currency) {
                refs.otherCurrency = true;
                refs.notes.add(candidate(new int[] {item}, MatchRule.REFERENCE, Scores.SUGGEST_OTHER_CURRENCY,
                        Reason.of(Reason.Code.OTHER_CURRENCY, t.text(), no(item))));
                continue;
            }
            int[] openOnes = {item};
            resolved.add(t);
            resolvedItems.add(openOnes);
        }
        // strong: a number with letters, or a bare number of the payer's own items or of the strongly named customer
        Set<Integer> strongCustomers = new HashSet<>();
        for (int k = 0; k < resolved.size(); k++) {
            if (resolved.get(k).strong()) {
                for (int i : resolvedItems.get(k)) {
                    strongCustomers.add(customerOf(i));
                }
            }
        }
        Set<Integer> strongItems = new LinkedHashSet<>();
        Set<Integer> weakItems = new LinkedHashSet<>();
        List<Token> weakTokens = new ArrayList<>();
        List<int[]> weakTokenItems = new ArrayList<>();
        for (int k = 0; k < resolved.size(); k++) {
            Token t = resolved.get(k);
            int[] its = resolvedItems.get(k);
            boolean strong = t.strong() || Arrays.stream(its).allMatch(
                    i -> customerOf(i) == payer || strongCustomers.contains(customerOf(i)));
            if (strong) {
                refs.tokens.add(t);
                refs.tokenItems.add(its);
                for (int i : its) {
                    strongItems.add(i);
                }
            } else {
                weakTokens.add(t);
                weakTokenItems.add(its);
                for (int i : its) {
                    weakItems.add(i);
                }
            }
        }
        weakItems.removeAll(strongItems);
        if (strongItems.isEmpty() && !weakItems.isEmpty()) {
            refs.weakOnly = true;
            refs.items.addAll(weakItems);
            refs.tokens.addAll(weakTokens);
            refs.tokenItems.addAll(weakTokenItems);
        } else {
            refs.items.addAll(strongItems);
            refs.weakOthers.addAll(weakItems);
        }
        return refs;
    }

    private static Candidate settledNote(int customer, long documentId, String documentNo) {
        return new Candidate(customer, new long[] {documentId}, MatchRule.REFERENCE,
                Scores.SUGGEST_POSSIBLE_DUPLICATE, Long.MAX_VALUE,
                Reason.of(Reason.Code.SETTLED, documentNo == null ? "document " + documentId : documentNo));
    }

    private int[] openItems(Reads x, int[] items, int currency) {
        int[] out = new int[items.length];
        int n = 0;
        for (int i : items) {
            if (currencyOf(i) == currency && x.open(i) != 0) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
    Proposal referenceRules(Prepared p, Refs refs, Reads x) {
        long amount = p.amount;
        int cur = p.currency;
        int payer = p.payer.customer();
        int[] r = refs.items.stream().mapToInt(Integer::intValue).toArray();
        long sum = sum(x, r);
        if (sum == amount) {
            return full(p, r, MatchRule.REFERENCE, Scores.REFERENCE);
        }
        if (!refs.weakOthers.isEmpty()) {
            int[] all = concat(r, refs.weakOthers.stream().mapToInt(Integer::intValue).toArray());
            if (sum(x, all) == amount) {
                return full(p, all, MatchRule.REFERENCE, Scores.REFERENCE);
            }
        }
        int single = singleCustomer(r);
        List<Candidate> candidates = new ArrayList<>(refs.notes);
        List<Alternative> alternatives = new ArrayList<>();
        boolean unsure = false;

        // the named items and the one smallest set of the customer's other items (index.g. a credit note deducted)
        if (single >= 0 && !refs.settled && !refs.ambiguous && !refs.otherCurrency) {
            Gathered g = gather(x, single, cur, r);
            // the plain reading (part payment, short, more) competes: a set of other items must be rarer by
            // chance than for a payment without a reference
            int maxK = g == null ? 0 : CombinationSearch.significantSizes(g.amounts(), amount - sum, 1,
                    index.policy.maxCombinationSize(), unit(cur), Scores.COMPLEMENT_SINGLE_BY_CHANCE,
                    Scores.COMPLEMENT_SEVERAL_BY_CHANCE, x.budget);
            CombinationSearch.Result res = g == null || x.budget.exhausted()
                    ? new CombinationSearch.Result(CombinationSearch.Kind.EXHAUSTED, List.of())
                    : CombinationSearch.search(g.amounts(), amount - sum, 1, maxK, x.budget);
            int pairs = Math.min(2, index.policy.maxCombinationSize());
            if (res.kind() == CombinationSearch.Kind.NONE && g != null && maxK < pairs) {
                // one or two items too likely by chance to be taken: still another reading, so no plain one
                CombinationSearch.Result weak = CombinationSearch.search(g.amounts(), amount - sum, maxK + 1, pairs,
                        x.budget);
                for (int[] sol : weak.solutions()) {
                    int[] set = concat(r, pick(g.items(), sol));
                    candidates.add(candidate(set, MatchRule.REFERENCE_COMBINED, Scores.SUGGEST_NAMED_WITH_COMMON,
                            Reason.of(Reason.Code.NAMED_WITH_COMMON, no(r), no(pick(g.items(), sol)))));
                }
                unsure |= weak.kind() != CombinationSearch.Kind.NONE;
            }
            for (int[] sol : res.solutions()) {
                int[] set = concat(r, pick(g.items(), sol));
                Reason reason = Reason.of(Reason.Code.NAMED_WITH, no(r), no(pick(g.items(), sol)));
                if (res.kind() == CombinationSearch.Kind.UNIQUE && refs.unresolved.isEmpty()) {
                    Proposal combined = full(p, set, MatchRule.REFERENCE_COMBINED, Scores.REFERENCE_COMBINED);
                    alternatives.add(new Alternative(combined, set, reason, false));
                } else {
                    candidates.add(candidate(set, MatchRule.REFERENCE_COMBINED, Scores.SUGGEST_NAMED_WITH_NOT_UNIQUE,
                            reason));
                }
            }
            if (res.kind() == CombinationSearch.Kind.AMBIGUOUS || res.kind() == CombinationSearch.Kind.EXHAUSTED) {
                unsure = true;
            }
        }
        // a typo in one of the numbers
        if (!refs.settled && !refs.weakOnly) {
            alternatives.addAll(typos.alternatives(p, refs, refs.items, x, candidates));
        }
        // short by bank charges
        long diff = sum - amount;
        if (diff > 0 && !refs.blocked()) {
            int w = largestPositive(x, r);
            if (w >= 0 && diff <= tolerance(x.open(w), cur)) {
                Proposal shortOne = shortPaid(p, r, w, diff, MatchRule.REFERENCE_SHORT, Scores.REFERENCE_SHORT);
                Reason why = Reason.of(Reason.Code.NAMED_SHORT, no(r), money(diff, cur));
                alternatives.add(new Alternative(shortOne, r, why, false));
            }
        }
        // part or more than the named items: only when nothing else explains the amount (not even a typo that
        // is not taken because of a twin), and part payments only by the named items' customer or an unknown payer
        boolean payerNamed = payer < 0 || containsCustomer(r, payer);
        boolean plain = !unsure && !refs.weakOnly && !refs.blocked() && !refs.typoDoubt;
        boolean partial = plain && amount < sum && payerNamed;
        boolean overpaid = plain && amount > sum && single >= 0 && (payer < 0 || payer == single)
                && amount - sum <= sum;
        if (alternatives.size() == 1 && !unsure) {
            Alternative only = alternatives.get(0);
            // a typo reading of a number that names an open item competes with the plain reading of it
            if (!(only.replacesNamed() && (partial || overpaid))) {
                return only.proposal();
            }
        }
        for (Alternative a : alternatives) {
            candidates.add(candidate(a.items(), a.proposal().rule, Scores.SUGGEST_COMPETING_READING, a.reason()));
        }
        if (alternatives.isEmpty() && plain) {
            if (partial) {
                return partial(p, r);
            }
            if (overpaid) {
                int[] sorted = byDue(r);
                long[] cash = new long[sorted.length];
                for (int k = 0; k < sorted.length; k++) {
                    cash[k] = x.open(sorted[k]);
                }
                return Proposal.auto(single, sorted, cash, new long[sorted.length], amount - sum,
                        MatchRule.REFERENCE_OVERPAID, Scores.REFERENCE_OVERPAID);
            }
        }
        candidates.add(candidate(r, amount < sum ? MatchRule.REFERENCE_PARTIAL : MatchRule.REFERENCE_OVERPAID,
                Scores.SUGGEST_NAMED_AS_PAID,
                Reason.of(Reason.Code.NAMED_PARTIAL, no(r), money(sum, cur), money(amount, cur))));
        return Proposal.open(payer >= 0 ? payer : single, candidates);
    }

    /**
     * The text names something that cannot be paid (settled, ambiguous, in another currency, or nothing open):
     * a typo may explain it, the amount alone may not.
     */
    Proposal whenBlocked(Prepared p, Refs refs, Reads x, List<Candidate> extra) {
        List<Candidate> candidates = new ArrayList<>(refs.notes);
        Proposal shortForm = shortened.propose(p, refs, x, candidates);
        if (shortForm != null) {
            return shortForm;
        }
        if (!refs.settled && !refs.unresolved.isEmpty()) {
            List<Alternative> typoReadings = typos.alternatives(p, refs, List.of(), x, candidates);
            if (typoReadings.size() == 1 && !refs.ambiguous && !refs.otherCurrency) {
                return typoReadings.get(0).proposal();
            }
            for (Alternative a : typoReadings) {
                candidates.add(candidate(a.items(), MatchRule.REFERENCE_TYPO, Scores.SUGGEST_TYPO_READING, a.reason()));
            }
            Proposal anonymous = typos.fromAnyone(p, refs, x);
            if (anonymous != null && typoReadings.isEmpty() && !refs.ambiguous && !refs.otherCurrency) {
                return anonymous;
            }
            typos.suggestions(p, refs, x, candidates);
        }
        int c = p.payer.customer();
        if (c >= 0) {
            for (int i : itemsWithAmount(x, c, p.currency, p.amount)) {
                candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, Scores.SUGGEST_SAME_AMOUNT_NOT_OPEN,
                        Reason.of(Reason.Code.NOT_OPEN, no(i), payer(p), namedInText(refs))));
            }
        }
        candidates.addAll(extra);
        return Proposal.open(c, candidates);
    }
}
