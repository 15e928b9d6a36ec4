package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.OpenAmounts.Gathered;
import io.crmrecon.matching.engine.Proposal.Candidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The amount family, for payments without a usable reference: the payer's one item with the amount, else the
 * one smallest combination of its items, else the one item paid short; for an unknown payer only suggestions.
 */
final class AmountRules extends Rules {

    AmountRules(EngineIndex index, OpenAmounts state, Currencies currencies) {
        super(index, state, currencies);
    }

    /** Payer known, no usable reference: one item with the amount, else the one smallest combination, else short. */
    Proposal knownPayer(Prepared p, Reads x, List<Candidate> extra) {
        int c = p.payer.customer();
        boolean byAccount = p.payer.byAccount();
        int cur = p.currency;
        long amount = p.amount;
        String[] payer = payer(p);
        int[] exact = itemsWithAmount(x, c, cur, amount);
        if (exact.length == 1) {
            return full(p, exact, MatchRule.AMOUNT_EXACT,
                    byAccount ? Scores.AMOUNT_EXACT_ACCOUNT : Scores.AMOUNT_EXACT_NAME);
        }
        List<Candidate> candidates = new ArrayList<>();
        if (exact.length > 1) {
            for (int i : exact) {
                candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, Scores.SUGGEST_SAME_AMOUNT_MANY,
                        Reason.of(Reason.Code.SAME_AMOUNT_MANY, no(i), payer, exact.length)));
            }
            candidates.addAll(extra);
            return Proposal.open(c, candidates);
        }
        Gathered g = gather(x, c, cur, EngineIndex.EMPTY);
        int maxK = g == null ? 0 : CombinationSearch.significantSizes(g.amounts(), amount, 2,
                index.policy.maxCombinationSize(), unit(cur), 0, Scores.COMBINATION_BY_CHANCE, x.budget);
        CombinationSearch.Result res = g == null || x.budget.exhausted()
                ? new CombinationSearch.Result(CombinationSearch.Kind.EXHAUSTED, List.of())
                : CombinationSearch.search(g.amounts(), amount, 2, maxK, x.budget);
        if (maxK < 2 && g != null && index.policy.maxCombinationSize() >= 2) {
            // pairs too likely by chance to be taken: shown to the clerk all the same
            CombinationSearch.Result weak = CombinationSearch.search(g.amounts(), amount, 2, 2, x.budget);
            for (int[] sol : weak.solutions()) {
                int[] set = pick(g.items(), sol);
                candidates.add(candidate(set, MatchRule.AMOUNT_COMBINATION, Scores.SUGGEST_COMBINATION_COMMON,
                        Reason.of(Reason.Code.COMBINATION_COMMON, no(set), payer)));
            }
        }
        List<Integer> shorts = new ArrayList<>();
        if (g != null) {
            for (int k = 0; k < g.items().length; k++) {
                long diff = g.amounts()[k] - amount;
                if (diff > 0 && diff <= tolerance(g.amounts()[k], cur)) {
                    shorts.add(g.items()[k]);
                }
            }
        }
        if (res.kind() == CombinationSearch.Kind.UNIQUE && shorts.isEmpty()) {
            int[] set = pick(g.items(), res.solutions().get(0));
            return full(p, set, MatchRule.AMOUNT_COMBINATION,
                    byAccount ? Scores.AMOUNT_COMBINATION_ACCOUNT : Scores.AMOUNT_COMBINATION_NAME);
        }
        // without a reference only a whole-unit shortfall reads as a bank charge (15.00, not 6.27), and only
        // when two items could not make the amount as well (pairs are searched, and searching them means something)
        if (res.kind() == CombinationSearch.Kind.NONE && maxK >= 2 && shorts.size() == 1
                && (x.open(shorts.get(0)) - amount) % unit(cur) == 0) {
            int w = shorts.get(0);
            return shortPaid(p, new int[] {w}, w, x.open(w) - amount, MatchRule.AMOUNT_SHORT,
                    byAccount ? Scores.AMOUNT_SHORT_ACCOUNT : Scores.AMOUNT_SHORT_NAME);
        }
        for (int[] sol : res.solutions()) {
            int[] set = pick(g.items(), sol);
            candidates.add(candidate(set, MatchRule.AMOUNT_COMBINATION, Scores.SUGGEST_COMBINATION,
                    Reason.of(res.kind() == CombinationSearch.Kind.EXHAUSTED ? Reason.Code.COMBINATION_BUDGET
                            : res.solutions().size() > 1 ? Reason.Code.COMBINATION_OTHERS : Reason.Code.COMBINATION,
                            no(set), payer)));
        }
        for (int w : shorts) {
            candidates.add(candidate(new int[] {w}, MatchRule.AMOUNT_SHORT, Scores.SUGGEST_SHORT,
                    Reason.of(Reason.Code.SHORT_AGAINST, money(x.open(w) - amount, cur), no(w), payer)));
        }
        candidates.addAll(extra);
        return Proposal.open(c, candidates);
    }

    /** Payer unknown: only suggestions — the customers the name or account might be, any item with the amount. */
    Proposal unknownPayer(Prepared p, Reads x, List<Candidate> extra) {
        List<Candidate> candidates = new ArrayList<>(extra);
        int[] maybe = p.payer.candidates();
        for (int k = 0; k < maybe.length && k < 5; k++) {
            int c = maybe[k];
            for (int i : itemsWithAmount(x, c, p.currency, p.amount)) {
                candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, Scores.SUGGEST_SAME_AMOUNT_MAYBE,
                        Reason.of(Reason.Code.SAME_AMOUNT_MAYBE, no(i), customerName(c))));
            }
        }
        // all of the same score: only the oldest due can be shown, so only those get a reason written
        int[] same = byDue(anyItemsWithAmount(x, p.currency, p.amount));
        for (int k = 0; k < same.length && k < MatchRun.MAX_SUGGESTIONS; k++) {
            int i = same[k];
            candidates.add(candidate(new int[] {i}, MatchRule.AMOUNT_EXACT, Scores.SUGGEST_SAME_AMOUNT_UNKNOWN_PAYER,
                    Reason.of(Reason.Code.SAME_AMOUNT_UNKNOWN_PAYER, no(i), customerName(customerOf(i)))));
        }
        return Proposal.open(-1, candidates);
    }
}
