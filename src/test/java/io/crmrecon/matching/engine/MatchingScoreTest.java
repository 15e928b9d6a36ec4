package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.MatchingScenario.Pattern;
import io.crmrecon.matching.engine.MatchingScenario.Truth;
import io.crmrecon.matching.engine.MatchOutcome.Application;
import io.crmrecon.matching.engine.MatchOutcome.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MatchingScoreTest {

    private static final Truth SHORT = new Truth(Pattern.BANK_CHARGES, true, 7L, Map.of(1L, new BigDecimal("990.00")),
            Map.of(1L, new BigDecimal("10.00")), BigDecimal.ZERO);
    private static final Truth NET = new Truth(Pattern.NET_OF_CREDIT_NOTE, true, 7L,
            Map.of(1L, new BigDecimal("1000.00"), 2L, new BigDecimal("-200.00")), Map.of(), BigDecimal.ZERO);
    private static final Truth OVER = new Truth(Pattern.OVERPAYMENT, true, 7L, Map.of(1L, new BigDecimal("1000.00")),
            Map.of(), new BigDecimal("50.00"));

    private static MatchOutcome auto(Long customer, BigDecimal onAccount, Application... applications) {
        return new MatchOutcome(1, Status.AUTO, customer, List.of(applications), onAccount, MatchRule.REFERENCE,
                BigDecimal.ONE, List.of());
    }

    private static Application app(long id, String amount, String writeOff) {
        return new Application(id, new BigDecimal(amount), writeOff == null ? null : new BigDecimal(writeOff));
    }

    @Test
    void rightOnlyWhenCashWriteOffOnAccountAndCustomerAgree() {
        assertThat(MatchingScore.isRight(SHORT, auto(7L, BigDecimal.ZERO, app(1, "990", "10.0")))).isTrue();
        assertThat(MatchingScore.isRight(SHORT, auto(7L, null, app(1, "990.00", "10.00")))).isTrue();
        assertThat(MatchingScore.isRight(SHORT, auto(7L, BigDecimal.ZERO, app(1, "990.00", null)))).isFalse();
        assertThat(MatchingScore.isRight(SHORT, auto(7L, BigDecimal.ZERO, app(1, "1000.00", null)))).isFalse();
        assertThat(MatchingScore.isRight(SHORT, auto(8L, BigDecimal.ZERO, app(1, "990.00", "10.00")))).isFalse();
        assertThat(MatchingScore.isRight(SHORT, auto(7L, BigDecimal.ZERO, app(1, "990.00", "10.00"),
                app(3, "0.00", null)))).isTrue();
        assertThat(MatchingScore.isRight(NET, auto(7L, BigDecimal.ZERO, app(2, "-200.00", null),
                app(1, "1000.00", null)))).isTrue();
        assertThat(MatchingScore.isRight(NET, auto(7L, BigDecimal.ZERO, app(1, "800.00", null)))).isFalse();
        assertThat(MatchingScore.isRight(OVER, auto(7L, new BigDecimal("50"), app(1, "1000.00", null)))).isTrue();
        assertThat(MatchingScore.isRight(OVER, auto(null, new BigDecimal("50"), app(1, "1000.00", null)))).isFalse();
        assertThat(MatchingScore.isRight(OVER, auto(7L, BigDecimal.ZERO, app(1, "1050.00", null)))).isFalse();
    }

    @Test
    void anyAutoIsWrongForPaymentsThatShouldNotBeMatched() {
        Truth twins = new Truth(Pattern.AMBIGUOUS_TWINS, false, 7L, Map.of(), Map.of(), BigDecimal.ZERO);
        assertThat(MatchingScore.isRight(twins, auto(7L, BigDecimal.ZERO, app(1, "100.00", null)))).isFalse();
        MatchOutcome suggested = new MatchOutcome(1, Status.SUGGESTED, 7L, List.of(), BigDecimal.ZERO, null, null,
                List.of());
        assertThat(MatchingScore.isRight(SHORT, suggested)).isFalse();
    }

    @Test
    void scoresARunPerPatternAndOverall() {
        MatchingScenario scenario = MatchingScenario.generate(3, 1_000, 10_000);
        List<MatchOutcome> outcomes = IntStream.range(0, scenario.truths().size()).mapToObj(i -> {
            Truth t = scenario.truths().get(i);
            long id = i + 1L;
            return t.shouldAutoMatch()
                    ? new MatchOutcome(id, Status.AUTO, t.customerId(), t.cash().entrySet().stream()
                            .map(e -> new Application(e.getKey(), e.getValue(), t.writeOff().get(e.getKey())))
                            .toList(), t.onAccount(), MatchRule.REFERENCE, BigDecimal.ONE, List.of())
                    : new MatchOutcome(id, Status.UNMATCHED, null, List.of(), BigDecimal.ZERO, null, null, List.of());
        }).toList();
        MatchingScore perfect = MatchingScore.score(scenario, outcomes, 0);
        assertThat(perfect.overall().count()).isEqualTo(1_000);
        assertThat(perfect.overall().precision()).isEqualTo(1.0);
        assertThat(perfect.overall().autoRate()).isEqualTo(1.0);
        assertThat(perfect.unbalanced()).isZero();
        assertThat(perfect.overApplied()).isZero();
        assertThat(perfect.pattern(Pattern.NOISE).auto()).isZero();

        MatchingScore nothing = MatchingScore.score(scenario, List.of(), 1);
        assertThat(nothing.overall().auto()).isZero();
        assertThat(nothing.overall().autoRate()).isZero();
        assertThat(nothing.missingOutcomes()).isEqualTo(1_000);
        assertThat(nothing.missedExamples(Pattern.EXACT_REFERENCE)).hasSize(1);
    }
}
