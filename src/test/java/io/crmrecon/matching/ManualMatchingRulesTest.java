package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.OpenDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules a clerk's lines must keep, without a database. */
class ManualMatchingRulesTest {

    static final OpenDocument INVOICE = new OpenDocument(1, "INV-1", null, 10, DocumentType.INVOICE, "CNY",
            new BigDecimal("1000.00"), new BigDecimal("600.00"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
    static final OpenDocument CREDIT = new OpenDocument(2, "CN-1", null, 10, DocumentType.CREDIT_NOTE, "CNY",
            new BigDecimal("50.00"), new BigDecimal("-50.00"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));

    @Test
    void aLineWithinTheOpenAmountAndTheToleranceIsKept() {
        var line = ManualMatching.checkLine(line("590.00", "10.00"), INVOICE, "CNY", new BigDecimal("10.00"));
        assertThat(line.amount()).isEqualByComparingTo("590.00");
        assertThat(line.writeOff()).isEqualByComparingTo("10.00");
    }

    @Test
    void moreThanOpenOverToleranceWrongSignOrTooManyDecimalsAreRefusedWithTheirCodes() {
        assertRefused(line("600.01", "0"), INVOICE, "matching.refused.moreThanOpen");
        assertRefused(line("500.00", "20.00"), INVOICE, "matching.refused.overTolerance");
        assertRefused(line("-5.00", "0"), INVOICE, "matching.refused.sign");
        assertRefused(line("-50.00", "1.00"), CREDIT, "matching.refused.writeOffKind");
        assertRefused(line("1.001", "0"), INVOICE, "matching.refused.decimals");
        assertRefused(new ManualMatching.Line("INV-1", null, BigDecimal.ZERO), INVOICE, "matching.refused.missing");
        assertRefused(line("0", "0"), INVOICE, "matching.refused.emptyLine");
    }

    @Test
    void theLinesNeverAddUpToMoreThanThePaymentOrLessThanNothing() {
        ManualMatching.checkTotal(new BigDecimal("100.00"), new BigDecimal("100.00"), "CNY");
        assertThatThrownBy(() -> ManualMatching.checkTotal(new BigDecimal("100.01"), new BigDecimal("100.00"), "CNY"))
                .isInstanceOfSatisfying(ManualMatching.RefusedChoice.class, e -> {
                    assertThat(e.code()).isEqualTo("matching.refused.moreThanPayment");
                    assertThat(e.args()).containsExactly("100.01", "100.00");
                });
        assertThatThrownBy(() -> ManualMatching.checkTotal(new BigDecimal("-1.00"), new BigDecimal("100.00"), "CNY"))
                .hasMessageContaining("matching.refused.negative");
    }

    @Test
    void whatIsLeftGoesToTheDocumentsCustomerElseTheNamedElseTheIdentifiedNeverToNobody() {
        BigDecimal rest = new BigDecimal("5.00");
        assertThat(ManualMatching.onAccountOf(rest, 1L, 2L, () -> 3L)).isEqualTo(1L);
        assertThat(ManualMatching.onAccountOf(rest, null, 2L, () -> 3L)).isEqualTo(2L);
        assertThat(ManualMatching.onAccountOf(rest, null, null, () -> 3L)).isEqualTo(3L);
        assertThatThrownBy(() -> ManualMatching.onAccountOf(rest, null, null, () -> null))
                .hasMessageContaining("matching.refused.nobodyOnAccount");
        // nothing left over: nobody needed
        assertThat(ManualMatching.onAccountOf(BigDecimal.ZERO, null, null, () -> null)).isNull();
    }

    private static void assertRefused(ManualMatching.Line line, OpenDocument d, String code) {
        assertThatThrownBy(() -> ManualMatching.checkLine(line, d, "CNY", new BigDecimal("10.00")))
                .isInstanceOfSatisfying(ManualMatching.RefusedChoice.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static ManualMatching.Line line(String amount, String writeOff) {
        return new ManualMatching.Line("INV-1", new BigDecimal(amount), new BigDecimal(writeOff));
    }
}
