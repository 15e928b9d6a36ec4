package io.crmrecon.matching.engine;

import static io.crmrecon.matching.engine.EngineFixture.money;
import static io.crmrecon.matching.engine.ReferenceRulesTest.cash;
import static io.crmrecon.matching.engine.ReferenceRulesTest.writeOffs;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.MatchOutcome.Status;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** References shortened by the payer: series and serial without the year or the zero padding. */
class ShortenedReferenceRulesTest {

    static final String HUADONG = ReferenceRulesTest.HUADONG;
    static final String HUADONG_ACCOUNT = ReferenceRulesTest.HUADONG_ACCOUNT;

    final EngineFixture f = new EngineFixture();

    @BeforeEach
    void customers() {
        f.customer(1, HUADONG, HUADONG_ACCOUNT);
        f.customer(2, "深圳市星河电子科技有限公司", "755912345678901");
        // the series has short numbers too, so a five-digit serial looks like one of ours
        f.invoice(2, "INV-2026-000007", "10.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"付INV-40637货款", "INV 40637", "inv40637", "PAYMENT INV.40637"})
    void theSeriesAndSerialOfOneOfThePayersDocumentsWithTheAmountPayIt(String text) {
        OpenItem meant = f.invoice(1, "INV-2026-040637", "632.00");
        f.invoice(1, "INV-2026-040699", "632.00"); // the amount alone cannot tell
        MatchOutcome o = f.match(f.payment("632.00", HUADONG, HUADONG_ACCOUNT, text));
        assertThat(o.status()).as(text).isEqualTo(Status.AUTO);
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_SHORTENED);
        assertThat(cash(o)).containsOnly(Map.entry(meant.documentId(), money("632.00")));
    }

    @Test
    void shortByBankChargesTheRestIsWrittenOff() {
        OpenItem meant = f.invoice(1, "INV-2026-040637", "10000.00");
        f.invoice(1, "INV-2026-040699", "10000.00");
        MatchOutcome o = f.match(f.payment("9985.00", HUADONG, HUADONG_ACCOUNT, "INV-40637"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_SHORTENED);
        assertThat(writeOffs(o)).containsOnly(Map.entry(meant.documentId(), money("15.00")));
    }

    @Test
    void twoOfThePayersDocumentsWithThatSerialLeaveItToAClerk() {
        // the year is what was left out: both years have serial 40637
        f.invoice(1, "INV-2025-040637", "632.00");
        f.invoice(1, "INV-2026-040637", "632.00");
        MatchOutcome o = f.match(f.payment("632.00", HUADONG, HUADONG_ACCOUNT, "INV-40637"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    @Test
    void anAmountThatDoesNotConfirmTheReadingLeavesItToAClerkWithTheReadingSuggested() {
        OpenItem meant = f.invoice(1, "INV-2026-040637", "632.00");
        MatchOutcome o = f.match(f.payment("500.00", HUADONG, HUADONG_ACCOUNT, "INV-40637"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions()).anySatisfy(s -> {
            assertThat(s.rule()).isEqualTo(MatchRule.REFERENCE_SHORTENED);
            assertThat(s.documentIds()).containsExactly(meant.documentId());
            assertThat(s.reason()).isEqualTo("INV-2026-040637 is what 'INV-40637' in the text shortens, open 632.00");
        });
    }

    @Test
    void ofTwoDocumentsWithThatSerialTheAmountTellsWhich() {
        f.invoice(1, "INV-2025-040637", "1200.00");
        OpenItem meant = f.invoice(1, "INV-2026-040637", "632.00");
        f.invoice(1, "INV-2026-040699", "632.00");
        MatchOutcome o = f.match(f.payment("632.00", HUADONG, HUADONG_ACCOUNT, "INV-40637"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_SHORTENED);
        assertThat(cash(o)).containsOnlyKeys(meant.documentId());
    }

    @Test
    void anotherCustomersDocumentIsNotReadFromAShortenedNumber() {
        f.invoice(2, "INV-2026-040637", "632.00");
        f.invoice(1, "INV-2026-050000", "632.00");
        f.invoice(1, "INV-2026-050001", "632.00");
        MatchOutcome o = f.match(f.payment("632.00", HUADONG, HUADONG_ACCOUNT, "INV-40637"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    @Test
    void anUnknownPayerIsNotEnoughButTheReadingIsSuggestedFirst() {
        OpenItem meant = f.invoice(1, "INV-2026-040637", "632.00");
        f.invoice(1, "INV-2026-040699", "632.00");
        f.invoice(2, "INV-2026-000100", "632.00");
        MatchOutcome o = f.match(f.payment("632.00", "", null, "INV-40637"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions().get(0).documentIds()).containsExactly(meant.documentId());
        assertThat(o.suggestions().get(0).rule()).isEqualTo(MatchRule.REFERENCE_SHORTENED);
    }
}
