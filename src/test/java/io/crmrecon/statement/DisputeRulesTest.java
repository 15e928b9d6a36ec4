package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a customer may dispute on a version, and how the form's input is read. */
class DisputeRulesTest {

    static final StatementSnapshot SNAPSHOT = StatementCalculator.snapshot(StatementPeriod.parse("2026-10"), "CNY",
            new LedgerFacts(List.<PostedDocument>of(
                    StatementCalculatorTest.doc("INV-9", DocumentType.INVOICE, "2026-09-05", "2026-10-05", "300.00",
                            "2026-09-05T08:00:00Z"),
                    StatementCalculatorTest.doc("INV-1", DocumentType.INVOICE, "2026-10-02", "2026-11-01", "1280.50",
                            "2026-10-02T08:00:00Z"),
                    StatementCalculatorTest.doc("CN-1", DocumentType.CREDIT_NOTE, "2026-10-12", "2026-10-12", "80.50",
                            "2026-10-12T08:00:00Z")),
                    List.<AppliedCash>of(), Set.of()),
            null, Instant.parse("2026-11-01T02:00:00Z"));

    @Test
    void theLinesOfThePeriodAndOlderOpenItemsMayBeDisputedWithTheAmountsShown() {
        Map<String, BigDecimal> shown = DisputeRules.disputable(SNAPSHOT);
        assertThat(shown).containsKeys("INV-1", "CN-1", "INV-9");
        assertThat(shown.get("INV-1")).isEqualByComparingTo("1280.50");
        assertThat(shown.get("CN-1")).isEqualByComparingTo("-80.50");
    }

    @Test
    void aDisputeKeepsTheTickedLinesTheReasonTheCommentAndTheClaimedAmounts() {
        DisputeRules.Dispute d = DisputeRules.parse(new DisputeRules.Request(List.of("INV-1", " CN-1 ", "INV-1"),
                "AMOUNT_WRONG", "  we agreed 1,200  ", Map.of("INV-1", "¥1,200.5", "CN-1", " ")), SNAPSHOT);
        assertThat(d.reason()).isEqualTo(DisputeReason.AMOUNT_WRONG);
        assertThat(d.comment()).isEqualTo("we agreed 1,200");
        assertThat(d.lines()).extracting(DisputeRules.DisputedLine::documentNo).containsExactly("INV-1", "CN-1");
        assertThat(d.lines().get(0).claimedAmount()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(d.lines().get(0).amount()).isEqualByComparingTo("1280.50");
        assertThat(d.lines().get(1).claimedAmount()).isNull();
    }

    @Test
    void everyMistakeIsNamedByItsFieldAtOnce() {
        assertThatThrownBy(() -> DisputeRules.parse(new DisputeRules.Request(List.of(), "", "x".repeat(2001),
                Map.of()), SNAPSHOT))
                .isInstanceOf(AnswerInputException.class)
                .extracting(e -> ((AnswerInputException) e).errors(), map(String.class, String.class))
                .containsEntry("documentNo", "customerpage.error.noLines")
                .containsEntry("reason", "customerpage.error.reasonRequired")
                .containsEntry("comment", "customerpage.error.commentTooLong");
    }

    @Test
    void onlyThisVersionsDocumentsKnownReasonsAndAmountsAtTheCurrencysDigitsAreTaken() {
        assertThatThrownBy(() -> DisputeRules.parse(new DisputeRules.Request(List.of("INV-1", "OTHER-DOC"),
                "LOST_IT", null, Map.of("INV-1", "12.345")), SNAPSHOT))
                .isInstanceOf(AnswerInputException.class)
                .extracting(e -> ((AnswerInputException) e).errors(), map(String.class, String.class))
                .containsEntry("documentNo", "customerpage.error.unknownLine")
                .containsEntry("reason", "customerpage.error.reasonUnknown")
                .containsEntry("claimedAmount_INV-1", "customerpage.error.amount");
        assertThat(DisputeRules.amount("1e5", 2)).isNull();
        assertThat(DisputeRules.amount("abc", 2)).isNull();
        assertThat(DisputeRules.amount("-80.5", 2)).isEqualTo(new BigDecimal("-80.50"));
        assertThat(DisputeRules.amount("1280", 0)).isEqualTo(new BigDecimal("1280"));
        assertThat(DisputeRules.amount("1280.5", 0)).isNull();
    }

    @Test
    void aConfirmersNameAndTitleAreOptionalButNotEndless() {
        DisputeRules.checkConfirmer(null, "");
        DisputeRules.checkConfirmer("王芳", "财务经理");
        assertThatThrownBy(() -> DisputeRules.checkConfirmer("x".repeat(201), null))
                .isInstanceOf(AnswerInputException.class)
                .extracting(e -> ((AnswerInputException) e).errors(), map(String.class, String.class))
                .containsOnlyKeys("confirmerName");
    }
}
