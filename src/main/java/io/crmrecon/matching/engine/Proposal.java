package io.crmrecon.matching.engine;

import java.util.List;

/**
 * What the rules propose for one payment against one state of the open amounts, with what they read of that
 * state (so that a later change to it is noticed) — amounts in minor units, items and customers by index.
 */
final class Proposal {

    /**
     * One candidate set of documents for a clerk.
     *
     * @param due the earliest due (or issue) day of its documents: among equal scores, the oldest first
     */
    record Candidate(int customer, long[] documentIds, MatchRule rule, double score, long due, Reason reason) {
    }

    final MatchOutcome.Status status;
    /** the customer the payment is taken to come from, -1 when unknown */
    final int customer;
    final int[] items;
    final long[] cash;
    /** null when nothing is written off */
    private final long[] writeOff;
    final long onAccount;
    final MatchRule rule;
    final double confidence;
    final List<Candidate> candidates;

    // what the proposal read: set by the run
    int time;
    int[] depItems;
    int[] depCustomers;
    int[] depAmounts;

    private Proposal(MatchOutcome.Status status, int customer, int[] items, long[] cash, long[] writeOff,
            long onAccount, MatchRule rule, double confidence, List<Candidate> candidates) {
        this.status = status;
        this.customer = customer;
        this.items = items;
        this.cash = cash;
        this.writeOff = writeOff;
        this.onAccount = onAccount;
        this.rule = rule;
        this.confidence = confidence;
        this.candidates = candidates;
    }

    static Proposal auto(int customer, int[] items, long[] cash, long[] writeOff, long onAccount, MatchRule rule,
            double confidence) {
        boolean any = false;
        for (long w : writeOff) {
            any |= w != 0;
        }
        writeOff = any ? writeOff : null;
        return new Proposal(MatchOutcome.Status.AUTO, customer, items, cash, writeOff, onAccount, rule, confidence,
                List.of());
    }

    /** SUGGESTED when there are candidates, else UNMATCHED. */
    static Proposal open(int customer, List<Candidate> candidates) {
        return new Proposal(candidates.isEmpty() ? MatchOutcome.Status.UNMATCHED : MatchOutcome.Status.SUGGESTED,
                customer, new int[0], new long[0], new long[0], 0, null, 0, List.copyOf(candidates));
    }

    /** What item k gets written off (none recorded: zero). */
    long writeOff(int k) {
        return writeOff == null ? 0 : writeOff[k];
    }

    boolean isAuto() {
        return status == MatchOutcome.Status.AUTO;
    }

    boolean isReferenceRule() {
        return rule != null && rule.name().startsWith("REFERENCE");
    }
}
