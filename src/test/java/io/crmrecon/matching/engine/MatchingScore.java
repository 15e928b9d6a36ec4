package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.MatchOutcome.Application;
import io.crmrecon.matching.engine.MatchOutcome.Status;
import io.crmrecon.matching.engine.MatchOutcome.Suggestion;
import io.crmrecon.matching.engine.MatchingScenario.Pattern;
import io.crmrecon.matching.engine.MatchingScenario.Truth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores a matching run against the truth. An AUTO outcome is right iff, per document, its cash and write-off
 * equal the truth exactly (BigDecimal compareTo; a document missing on one side counts as zero), its onAccount
 * equals the truth's, and it names the truth's customer (a missing customer is tolerated when nothing goes on
 * account). For payments that should not be applied automatically, any AUTO is wrong and anything else is right.
 *
 * <p>precision = right AUTO / all AUTO; auto-match rate = right AUTO / payments that should be matched.
 */
public final class MatchingScore {

    /** Counts for one pattern, or for all. */
    public static final class Tally {
        long count;
        long shouldMatch;
        long auto;
        long right;
        long wrong;
        long suggested;
        long unmatched;
        /** payments to be matched that went to a clerk with the right documents among the suggestions */
        long clerkRightOffered;
        /** … and as the first suggestion */
        long clerkRightFirst;
        final long[] rightByRule = new long[MatchRule.values().length + 1];
        final long[] wrongByRule = new long[MatchRule.values().length + 1];

        void add(Tally other) {
            count += other.count;
            shouldMatch += other.shouldMatch;
            auto += other.auto;
            right += other.right;
            wrong += other.wrong;
            suggested += other.suggested;
            unmatched += other.unmatched;
            clerkRightOffered += other.clerkRightOffered;
            clerkRightFirst += other.clerkRightFirst;
            for (int i = 0; i < rightByRule.length; i++) {
                rightByRule[i] += other.rightByRule[i];
                wrongByRule[i] += other.wrongByRule[i];
            }
        }

        public long count() {
            return count;
        }

        public long auto() {
            return auto;
        }

        public long right() {
            return right;
        }

        public long wrong() {
            return wrong;
        }

        public long shouldMatch() {
            return shouldMatch;
        }

        /** right AUTO / all AUTO; NaN without any AUTO */
        public double precision() {
            return auto == 0 ? Double.NaN : (double) right / auto;
        }

        /**
         * For a clerk: of the payments to be matched that were not matched automatically but whose right documents
         * are among the suggestions, the share where they are the first suggestion; NaN when there are none.
         */
        public double firstSuggestionRight() {
            return clerkRightOffered == 0 ? Double.NaN : (double) clerkRightFirst / clerkRightOffered;
        }

        public long clerkRightOffered() {
            return clerkRightOffered;
        }

        /** right AUTO / payments that should be matched; NaN when none should */
        public double autoRate() {
            return shouldMatch == 0 ? Double.NaN : (double) right / shouldMatch;
        }

        /** "REFERENCE 2,598/0, AMOUNT_EXACT 3/1": the rules of the AUTO outcomes, right/wrong */
        public String rules() {
            List<String> parts = new ArrayList<>();
            MatchRule[] rules = MatchRule.values();
            for (int i = 0; i < rightByRule.length; i++) {
                if (rightByRule[i] + wrongByRule[i] > 0) {
                    String name = i < rules.length ? rules[i].name() : "(no rule)";
                    parts.add(String.format("%s %,d/%,d", name, rightByRule[i], wrongByRule[i]));
                }
            }
            return String.join(", ", parts);
        }
    }

    private final EnumMap<Pattern, Tally> byPattern = new EnumMap<>(Pattern.class);
    private final Tally overall = new Tally();
    private final EnumMap<Pattern, List<String>> wrongExamples = new EnumMap<>(Pattern.class);
    private final EnumMap<Pattern, List<String>> missedExamples = new EnumMap<>(Pattern.class);
    private long unbalanced;
    private long overApplied;
    private long unknownDocuments;
    private long missingOutcomes;

    private MatchingScore() {
        for (Pattern p : Pattern.values()) {
            byPattern.put(p, new Tally());
            wrongExamples.put(p, new ArrayList<>());
            missedExamples.put(p, new ArrayList<>());
        }
    }

    /**
     * Scores {@code outcomes} (one per payment, in the order of the payments; a missing or misplaced outcome is
     * looked up by transaction id and, failing that, counted as UNMATCHED).
     *
     * @param examples how many wrong and how many missed payments to keep per pattern for printing
     */
    public static MatchingScore score(MatchingScenario scenario, List<MatchOutcome> outcomes, int examples) {
        MatchingScore score = new MatchingScore();
        List<IncomingPayment> payments = scenario.payments();
        Map<Long, MatchOutcome> byId = null;
        long[] applied = new long[scenario.openItems().size() + 1];
        for (int i = 0; i < payments.size(); i++) {
            IncomingPayment payment = payments.get(i);
            MatchOutcome outcome = i < outcomes.size() ? outcomes.get(i) : null;
            if (outcome == null || outcome.transactionId() != payment.transactionId()) {
                if (byId == null) {
                    byId = new TreeMap<>();
                    for (MatchOutcome o : outcomes) {
                        if (o != null) {
                            byId.put(o.transactionId(), o);
                        }
                    }
                }
                outcome = byId.get(payment.transactionId());
                if (outcome == null) {
                    score.missingOutcomes++;
                }
            }
            Truth truth = scenario.truths().get(i);
            score.add(scenario, payment, truth, outcome, applied, examples);
        }
        for (Tally t : score.byPattern.values()) {
            score.overall.add(t);
        }
        for (int id = 1; id < applied.length; id++) {
            long open = cents(scenario.openItem(id).open());
            long a = applied[id];
            if (a != 0 && (Long.signum(a) != Long.signum(open) || Math.abs(a) > Math.abs(open))) {
                score.overApplied++;
            }
        }
        return score;
    }

    private void add(MatchingScenario scenario, IncomingPayment payment, Truth truth, MatchOutcome outcome,
            long[] applied, int examples) {
        Tally t = byPattern.get(truth.pattern());
        t.count++;
        if (truth.shouldAutoMatch()) {
            t.shouldMatch++;
        }
        Status status = outcome == null ? Status.UNMATCHED : outcome.status();
        if (status == Status.SUGGESTED) {
            t.suggested++;
        } else if (status == Status.UNMATCHED) {
            t.unmatched++;
        }
        if (status != Status.AUTO && truth.shouldAutoMatch() && outcome != null) {
            Set<Long> right = truthDocuments(truth);
            List<Suggestion> suggestions = nullSafe(outcome.suggestions());
            for (int k = 0; k < suggestions.size(); k++) {
                if (new TreeSet<>(suggestions.get(k).documentIds()).equals(right)) {
                    t.clerkRightOffered++;
                    if (k == 0) {
                        t.clerkRightFirst++;
                    }
                    break;
                }
            }
        }
        if (status != Status.AUTO) {
            if (truth.shouldAutoMatch() && missedExamples.get(truth.pattern()).size() < examples) {
                missedExamples.get(truth.pattern()).add(describe(scenario, payment, truth, outcome));
            }
            return;
        }
        t.auto++;
        int rule = outcome.rule() == null ? MatchRule.values().length : outcome.rule().ordinal();
        boolean right = isRight(truth, outcome);
        if (right) {
            t.right++;
            t.rightByRule[rule]++;
        } else {
            t.wrong++;
            t.wrongByRule[rule]++;
            if (wrongExamples.get(truth.pattern()).size() < examples) {
                wrongExamples.get(truth.pattern()).add(describe(scenario, payment, truth, outcome));
            }
        }
        BigDecimal total = orZero(outcome.onAccount());
        for (Application a : nullSafe(outcome.applications())) {
            total = total.add(orZero(a.amount()));
            if (a.documentId() < 1 || a.documentId() >= applied.length) {
                unknownDocuments++;
            } else {
                applied[(int) a.documentId()] += cents(orZero(a.amount())) + cents(orZero(a.writeOff()));
            }
        }
        if (total.compareTo(payment.amount()) != 0) {
            unbalanced++;
        }
    }

    /** The documents the payment pays (cash or write-off). */
    static Set<Long> truthDocuments(Truth truth) {
        Set<Long> docs = new TreeSet<>();
        truth.cash().forEach((d, a) -> {
            if (a.signum() != 0) {
                docs.add(d);
            }
        });
        truth.writeOff().forEach((d, a) -> {
            if (a.signum() != 0) {
                docs.add(d);
            }
        });
        return docs;
    }

    /** The benchmark's yardstick for one outcome. */
    public static boolean isRight(Truth truth, MatchOutcome outcome) {
        if (outcome == null || outcome.status() != Status.AUTO || !truth.shouldAutoMatch()) {
            return false;
        }
        Map<Long, BigDecimal[]> got = new TreeMap<>();
        for (Application a : nullSafe(outcome.applications())) {
            BigDecimal[] sums = got.computeIfAbsent(a.documentId(), k -> new BigDecimal[] {BigDecimal.ZERO,
                BigDecimal.ZERO});
            sums[0] = sums[0].add(orZero(a.amount()));
            sums[1] = sums[1].add(orZero(a.writeOff()));
        }
        for (Map.Entry<Long, BigDecimal[]> e : got.entrySet()) {
            if (e.getValue()[0].compareTo(truth.cash().getOrDefault(e.getKey(), BigDecimal.ZERO)) != 0
                    || e.getValue()[1].compareTo(truth.writeOff().getOrDefault(e.getKey(), BigDecimal.ZERO)) != 0) {
                return false;
            }
        }
        for (Map.Entry<Long, BigDecimal> e : truth.cash().entrySet()) {
            if (!got.containsKey(e.getKey()) && e.getValue().signum() != 0) {
                return false;
            }
        }
        for (Map.Entry<Long, BigDecimal> e : truth.writeOff().entrySet()) {
            if (!got.containsKey(e.getKey()) && e.getValue().signum() != 0) {
                return false;
            }
        }
        BigDecimal onAccount = orZero(outcome.onAccount());
        if (onAccount.compareTo(truth.onAccount()) != 0) {
            return false;
        }
        if (outcome.customerId() == null) {
            return onAccount.signum() == 0;
        }
        return outcome.customerId().equals(truth.customerId());
    }

    private static String describe(MatchingScenario scenario, IncomingPayment p, Truth truth, MatchOutcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("tx %d %s | %s | %s | \"%s\"", p.transactionId(), p.amount().toPlainString(),
                p.counterpartyName(), p.counterpartyAccount(), p.remittanceInfo()));
        if (p.structuredReference() != null) {
            sb.append(" ref \"").append(p.structuredReference()).append('"');
        }
        sb.append("\n        truth: customer ").append(truth.customerId());
        truth.cash().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            OpenItem item = scenario.openItem(e.getKey());
            sb.append(", ").append(item.documentNo()).append(" (open ").append(item.open().toPlainString())
                    .append(") ").append(e.getValue().toPlainString());
            BigDecimal w = truth.writeOff().get(e.getKey());
            if (w != null) {
                sb.append(" + write-off ").append(w.toPlainString());
            }
        });
        if (truth.onAccount().signum() != 0) {
            sb.append(", on account ").append(truth.onAccount().toPlainString());
        }
        sb.append("\n        engine: ");
        if (o == null) {
            sb.append("no outcome");
            return sb.toString();
        }
        sb.append(o.status()).append(' ').append(o.rule() == null ? "" : o.rule()).append(" customer ")
                .append(o.customerId());
        for (Application a : nullSafe(o.applications())) {
            OpenItem item = a.documentId() >= 1 && a.documentId() <= scenario.openItems().size()
                    ? scenario.openItem(a.documentId()) : null;
            sb.append(", ").append(item == null ? "#" + a.documentId() : item.documentNo()).append(' ')
                    .append(orZero(a.amount()).toPlainString());
            if (orZero(a.writeOff()).signum() != 0) {
                sb.append(" + write-off ").append(a.writeOff().toPlainString());
            }
        }
        if (orZero(o.onAccount()).signum() != 0) {
            sb.append(", on account ").append(o.onAccount().toPlainString());
        }
        if (o.status() != Status.AUTO && o.suggestions() != null && !o.suggestions().isEmpty()) {
            MatchOutcome.Suggestion s = o.suggestions().get(0);
            sb.append(", first suggestion ").append(s.rule()).append(' ').append(s.documentIds().stream()
                    .map(id -> id >= 1 && id <= scenario.openItems().size() ? scenario.openItem(id).documentNo()
                            : "#" + id)
                    .toList()).append(" \"").append(s.reason()).append('"');
        }
        return sb.toString();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    public Tally pattern(Pattern p) {
        return byPattern.get(p);
    }

    public Tally overall() {
        return overall;
    }

    public List<String> wrongExamples(Pattern p) {
        return wrongExamples.get(p);
    }

    public List<String> missedExamples(Pattern p) {
        return missedExamples.get(p);
    }

    /** AUTO outcomes whose cash and onAccount do not add up to the payment */
    public long unbalanced() {
        return unbalanced;
    }

    /** documents that received more than their open amount (cash and write-off) over the whole run */
    public long overApplied() {
        return overApplied;
    }

    /** applications to document ids that are not open items of the scenario */
    public long unknownDocuments() {
        return unknownDocuments;
    }

    /** payments without an outcome (counted as UNMATCHED) */
    public long missingOutcomes() {
        return missingOutcomes;
    }
}
