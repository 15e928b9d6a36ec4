package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.MatchingScenario.Pattern;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The matching quality benchmark: generates {@link MatchingScenario}s, runs the matching engine over them, and
 * prints per pattern and overall the precision (right AUTO / all AUTO), the auto-match rate (right AUTO /
 * payments that should be matched) and the throughput. Prints figures, asserts nothing (see README, "Benchmarks").
 *
 * <pre>
 * MAVEN_OPTS=-Xmx3g mvn -q exec:java@matching-quality-benchmark [-Dsizes=10k/100k,100k/1M,1M/1M]
 *     [-Dseeds=20261101,77001] [-Dexamples=3]
 * </pre>
 *
 * <p>Seed 20261101 is the development seed; 77001 is reported beside it and never used to tune the engine. Wrong
 * and missed payments are printed as examples for the development seed only.
 */
public final class MatchingQualityBenchmark {

    static final String DEFAULT_SIZES = "10k/100k,100k/1M,1M/1M";
    static final double PRECISION_TARGET = 0.999;
    static final double AUTO_RATE_TARGET = 0.95;

    /** How the benchmark gets an engine: {@link MatchingEngine#create} unless a caller says otherwise. */
    @FunctionalInterface
    interface EngineFactory {
        MatchingEngine create(Collection<OpenItem> openItems, Collection<Payer> payers,
                Collection<StatementRef> statements, MatchingPolicy policy);
    }

    record Size(int transactions, int openItems) {
        String label() {
            return abbreviated(transactions) + "/" + abbreviated(openItems);
        }
    }

    private MatchingQualityBenchmark() {
    }

    public static void main(String[] args) {
        List<Size> sizes = parseSizes(System.getProperty("sizes", DEFAULT_SIZES));
        List<Long> seeds = parseSeeds(System.getProperty("seeds",
                MatchingScenario.DEVELOPMENT_SEED + "," + MatchingScenario.UNTUNED_SEED));
        int examples = Integer.getInteger("examples", 3);
        runAll(sizes, seeds, examples, MatchingEngine::create);
    }

    static void runAll(List<Size> sizes, List<Long> seeds, int examples, EngineFactory factory) {
        System.out.printf(Locale.ROOT, "%nMatching quality benchmark: sizes %s, seeds %s; max heap %,d MB, %d cores%n",
                sizes.stream().map(Size::label).toList(), seeds,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.println("seed " + MatchingScenario.DEVELOPMENT_SEED + " is the development seed; seed "
                + MatchingScenario.UNTUNED_SEED + " was never used to tune the engine (its figures are reported "
                + "as they come)");
        List<String> summaries = new ArrayList<>();
        for (Size size : sizes) {
            for (long seed : seeds) {
                String summary = run(seed, size, examples, factory);
                if (summary == null) {
                    printSummaries(summaries);
                    return;
                }
                summaries.add(summary);
            }
        }
        printSummaries(summaries);
    }

    private static void printSummaries(List<String> summaries) {
        if (summaries.isEmpty()) {
            return;
        }
        System.out.printf("%nSummary (targets: precision >= %.1f%%, auto-match rate >= %.0f%%)%n",
                PRECISION_TARGET * 100, AUTO_RATE_TARGET * 100);
        summaries.forEach(System.out::println);
    }

    static String seedLabel(long seed) {
        if (seed == MatchingScenario.DEVELOPMENT_SEED) {
            return "development seed";
        }
        if (seed == MatchingScenario.UNTUNED_SEED) {
            return "never-tuned seed";
        }
        return "other seed";
    }

    /** One run; returns its summary line, or null when there is no engine to run. */
    static String run(long seed, Size size, int examples, EngineFactory factory) {
        System.out.printf(Locale.ROOT, "%n==== seed %d (%s), %,d transactions against %,d open items%n", seed,
                seedLabel(seed), size.transactions(), size.openItems());
        long g0 = System.nanoTime();
        MatchingScenario scenario = MatchingScenario.generate(seed, size.transactions(), size.openItems());
        double generated = seconds(g0);
        long heapScenario = usedHeapAfterGc();
        int items = scenario.openItems().size();
        System.out.printf(Locale.ROOT,
                "scenario: %,d payments, %,d open items%s, %,d customers, %,d statements; generated in %.1f s; "
                        + "heap after GC %,d MB%n",
                scenario.payments().size(), items,
                items == size.openItems() ? ""
                        : String.format(Locale.ROOT, " (asked for %,d, but these payments in the fixed mix settle "
                                + "%,d and at least 10%% stay open)", size.openItems(),
                                ScenarioGenerator.itemsSettled(size.transactions())),
                scenario.payers().size(), scenario.statements().size(), generated, heapScenario >> 20);

        resetPeaks();
        long c0 = System.nanoTime();
        MatchingEngine engine;
        try {
            engine = factory.create(scenario.openItems(), scenario.payers(), scenario.statements(),
                    MatchingPolicy.defaults());
        } catch (UnsupportedOperationException e) {
            System.out.println("the matching engine is not available yet (MatchingEngine.create: " + e.getMessage()
                    + "); nothing to measure. The scenario's mix:");
            for (Pattern p : Pattern.values()) {
                long n = scenario.truths().stream().filter(t -> t.pattern() == p).count();
                System.out.printf(Locale.ROOT, "  %-24s %5s %,9d%n", p.label(), p.percent() + "%", n);
            }
            return null;
        }
        double created = seconds(c0);
        long m0 = System.nanoTime();
        List<MatchOutcome> outcomes = engine.matchAll(scenario.payments());
        double matched = seconds(m0);
        long peak = peakHeap();
        long heapAll = usedHeapAfterGc();
        double perSecond = size.transactions() / matched;
        System.out.printf(Locale.ROOT,
                "create(): %.2f s   matchAll(): %.2f s   %,.0f payments/s (%,.0f with create)%n"
                        + "heap after GC with scenario, engine and outcomes: %,d MB (engine and outcomes ~%,d MB); "
                        + "peak during the run ~%,d MB%n",
                created, matched, perSecond, size.transactions() / (created + matched), heapAll >> 20,
                (heapAll - heapScenario) >> 20, peak >> 20);

        boolean development = seed == MatchingScenario.DEVELOPMENT_SEED;
        MatchingScore score = MatchingScore.score(scenario, outcomes, development ? examples : 0);
        printTable(score);
        if (development && examples > 0) {
            printExamples(score);
        }
        MatchingScore.Tally all = score.overall();
        String summary = String.format(Locale.ROOT,
                "SUMMARY seed=%d (%s) size=%s tx=%,d items=%,d precision=%s auto-rate=%s first-suggestion=%s "
                        + "create=%.2fs match=%.2fs %,.0f payments/s heap=%,dMB",
                seed, seedLabel(seed), size.label(), size.transactions(), items, percent(all.precision(), 3),
                percent(all.autoRate(), 2), percent(all.firstSuggestionRight(), 1), created, matched, perSecond, heapAll >> 20);
        System.out.println(summary);
        return summary;
    }

    static void printTable(MatchingScore score) {
        String head = String.format(Locale.ROOT, "%-24s %5s %9s %9s %9s %7s %8s %8s %9s %9s %9s  %s", "pattern",
                "share", "count", "auto", "right", "wrong", "suggest", "unmatch", "precision", "auto rate", "1st right",
                "rules of the AUTO outcomes (right/wrong)");
        System.out.println();
        System.out.println(head);
        System.out.println("-".repeat(head.length()));
        for (Pattern p : Pattern.values()) {
            System.out.println(row(p.label(), p.percent() + "%", score.pattern(p), p.shouldAutoMatch()));
        }
        System.out.println("-".repeat(head.length()));
        MatchingScore.Tally all = score.overall();
        System.out.println(row("all", "100%", all, true));
        System.out.printf(Locale.ROOT, "targets: precision %s >= %.1f%%: %s; auto-match rate %s >= %.0f%%: %s%n",
                percent(all.precision(), 3), PRECISION_TARGET * 100,
                Double.isNaN(all.precision()) ? "n/a" : all.precision() >= PRECISION_TARGET ? "met" : "NOT met",
                percent(all.autoRate(), 2), AUTO_RATE_TARGET * 100,
                all.autoRate() >= AUTO_RATE_TARGET ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "to a clerk with the right documents among the suggestions: %,d; the first "
                + "suggestion right in %s of them (target >= 90%%)%n", all.clerkRightOffered(),
                percent(all.firstSuggestionRight(), 1));
        System.out.printf(Locale.ROOT, "noise and twins left for a clerk (right): %,d of %,d; engine guarantees: "
                        + "%,d AUTO outcomes not adding up to the payment, %,d documents over-applied, %,d "
                        + "applications to unknown documents, %,d payments without an outcome%n",
                score.pattern(Pattern.NOISE).count() - score.pattern(Pattern.NOISE).auto()
                        + score.pattern(Pattern.AMBIGUOUS_TWINS).count()
                        - score.pattern(Pattern.AMBIGUOUS_TWINS).auto(),
                score.pattern(Pattern.NOISE).count() + score.pattern(Pattern.AMBIGUOUS_TWINS).count(),
                score.unbalanced(), score.overApplied(), score.unknownDocuments(), score.missingOutcomes());
    }

    private static String row(String label, String share, MatchingScore.Tally t, boolean shouldMatch) {
        return String.format(Locale.ROOT, "%-24s %5s %,9d %,9d %,9d %,7d %,8d %,8d %9s %9s %9s  %s", label, share,
                t.count(), t.auto(), t.right(), t.wrong(), t.suggested, t.unmatched, percent(t.precision(), 3),
                shouldMatch ? percent(t.autoRate(), 2) : "-", firstRight(t), t.rules());
    }

    /** "87.5% of 24": the first suggestion right, of the clerk's cases where the right one is offered at all */
    private static String firstRight(MatchingScore.Tally t) {
        return t.clerkRightOffered() == 0 ? "-"
                : percent(t.firstSuggestionRight(), 0) + "/" + t.clerkRightOffered();
    }

    private static void printExamples(MatchingScore score) {
        for (Pattern p : Pattern.values()) {
            for (String e : score.wrongExamples(p)) {
                System.out.println("  WRONG  [" + p.label() + "] " + e);
            }
            for (String e : score.missedExamples(p)) {
                System.out.println("  MISSED [" + p.label() + "] " + e);
            }
        }
    }

    static String percent(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f%%", value * 100);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** the sum of the heap pools' peaks: an upper bound of the heap's peak since {@link #resetPeaks()} */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static List<Size> parseSizes(String text) {
        List<Size> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("/");
            if (pair.length != 2) {
                throw new IllegalArgumentException("sizes are transactions/openItems, e.g. 10k/100k: " + part);
            }
            sizes.add(new Size(count(pair[0]), count(pair[1])));
        }
        return sizes;
    }

    static List<Long> parseSeeds(String text) {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",")) {
            seeds.add(Long.parseLong(part.trim()));
        }
        return seeds;
    }

    static int count(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        long factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.toIntExact(Math.round(Double.parseDouble(t) * factor));
    }

    private static String abbreviated(int n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Integer.toString(n);
    }
}
