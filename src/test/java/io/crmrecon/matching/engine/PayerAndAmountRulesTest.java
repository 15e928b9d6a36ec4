package io.crmrecon.matching.engine;

import static io.crmrecon.matching.engine.EngineFixture.money;
import static io.crmrecon.matching.engine.ReferenceRulesTest.cash;
import static io.crmrecon.matching.engine.ReferenceRulesTest.writeOffs;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.MatchOutcome.Status;
import io.crmrecon.matching.engine.MatchOutcome.Suggestion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payer identification (account, tolerant name) and the amount rules that need a unique payer. */
class PayerAndAmountRulesTest {

    final EngineFixture f = new EngineFixture();

    PayerAndAmountRulesTest() {
        f.customer(1, "上海华东机电设备有限公司", "6222 0212 3456 7890");
        f.customer(2, "深圳市星河电子科技有限公司", "755912345678901");
        f.customer(3, "Pacific Trading Co., Ltd.", "808123456789");
        f.customer(4, "北京中科软件有限责任公司", "110912345678");
        f.customer(5, "Orient Materials B.V.", "NL91ABNA0417164300");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6222021234567890", "6222-0212-3456-7890", "6222.0212.3456.7890", "6222/0212/3456/7890"})
    void registeredAccountAndExactAmount(String account) {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "45678.90");
        f.invoice(1, "INV-2026-000124", "12000.00");
        f.invoice(2, "INV-2026-000125", "45678.90");
        MatchOutcome o = f.match(f.payment("45678.90", "某某", account, "货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(o.confidence()).isEqualByComparingTo("0.95");
        assertThat(o.customerId()).isEqualTo(1L);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PACIFIC TRADING CO LTD|3",
            "Pacific Trading Company Limited|3",
            "ＰＡＣＩＦＩＣ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．|3",
            "pacific-trading co. ltd|3",
            "华东机电设备公司|1",
            "上海市华东机电设备有限公司|1",
            "上海华东机电设备股份有限公司|1",
            "星河电子科技有限公司|2",
            "广东省深圳市星河电子科技公司|2",
            "北京中科软件有限公司|4",
            "ORIENT MATERIALS|5",
            "Orient Materials BV|5"})
    void tolerantNameFromAnUnregisteredAccount(String name, long customer) {
        OpenItem inv = f.invoice(customer, "INV-2026-0001" + customer, "3333.33");
        MatchOutcome o = f.match(f.payment("3333.33", name, "9999888877776666", "PAYMENT"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(o.confidence()).isEqualByComparingTo("0.90");
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @Test
    void aNameThatFitsTwoCustomersIdentifiesNobody() {
        f.customer(5, "北京华东机电设备有限公司", "110900000001");
        f.invoice(1, "INV-2026-000123", "3333.33");
        MatchOutcome o = f.match(f.payment("3333.33", "华东机电设备公司", "9999888877776666", "货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.customerId()).isNull();
    }

    @Test
    void anExactNameWinsOverItsTolerantTwin() {
        f.customer(5, "北京华东机电设备有限公司", "110900000001");
        OpenItem inv = f.invoice(5, "INV-2026-000123", "3333.33");
        MatchOutcome o = f.match(f.payment("3333.33", "北京华东机电设备有限公司", null, "货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @Test
    void anAmountMatchNeverCrossesCustomers() {
        f.invoice(2, "INV-2026-000200", "777.00");
        f.invoice(1, "INV-2026-000201", "900.00");
        MatchOutcome o = f.match(f.payment("777.00", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    @Test
    void unknownPayerWithoutReferenceGetsOnlySuggestions() {
        OpenItem inv = f.invoice(2, "INV-2026-000200", "777.00");
        MatchOutcome o = f.match(f.payment("777.00", "上海瑞丰商贸有限公司", "436000000000001", "往来款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions()).extracting(Suggestion::documentIds).containsExactly(List.of(inv.documentId()));
        assertThat(o.suggestions().get(0).score()).isLessThan(new BigDecimal("0.5"));
    }

    @Test
    void noiseIsUnmatched() {
        f.invoice(1, "INV-2026-000123", "1000.00");
        assertThat(f.match(f.payment("1234.56", null, null, "活期存款利息")).status()).isEqualTo(Status.UNMATCHED);
        MatchOutcome o = f.match(f.payment("100.00", "上海华东机电设备有限公司", "6222021234567890", "往来款"));
        assertThat(o.status()).isEqualTo(Status.UNMATCHED);
        assertThat(o.customerId()).isEqualTo(1L);
    }

    @Test
    void twoEqualMonthlyFeesWithoutReferenceAreSuggestedOldestFirst() {
        OpenItem september = f.invoice(1, "INV-2026-000901", "2000.00", null, EngineFixture.TODAY.minusDays(50));
        OpenItem october = f.invoice(1, "INV-2026-001001", "2000.00", null, EngineFixture.TODAY.minusDays(20));
        MatchOutcome o = f.match(f.payment("2000.00", "上海华东机电设备有限公司", "6222021234567890", "服务费"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.customerId()).isEqualTo(1L);
        assertThat(o.suggestions()).extracting(Suggestion::documentIds)
                .startsWith(List.of(september.documentId()), List.of(october.documentId()));
        assertThat(o.suggestions().get(0).reason()).contains("same amount as INV-2026-000901",
                "payer 上海华东机电设备有限公司 by account");
    }

    @Test
    void aTwinPaidByReferenceLeavesTheOtherOneUnique() {
        OpenItem september = f.invoice(1, "INV-2026-000901", "2000.00", null, EngineFixture.TODAY.minusDays(50));
        OpenItem october = f.invoice(1, "INV-2026-001001", "2000.00", null, EngineFixture.TODAY.minusDays(20));
        // the payment without a reference comes first: only after the other is applied is it unique
        IncomingPayment noReference = f.payment("2000.00", "上海华东机电设备有限公司", "6222021234567890", "服务费");
        IncomingPayment byNumber = f.payment("2000.00", "上海华东机电设备有限公司", "6222021234567890", "INV-2026-000901");
        List<MatchOutcome> out = f.matchAll(noReference, byNumber);
        assertThat(cash(out.get(1))).containsOnlyKeys(september.documentId());
        assertThat(out.get(0).rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(cash(out.get(0))).containsOnlyKeys(october.documentId());
    }

    @Test
    void theOneSmallestCombination() {
        OpenItem a = f.invoice(1, "INV-2026-000101", "1236.40");
        OpenItem b = f.invoice(1, "INV-2026-000102", "3418.75");
        f.invoice(1, "INV-2026-000103", "5020.13");
        f.invoice(1, "INV-2026-000104", "777.00");
        MatchOutcome o = f.match(f.payment("4655.15", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_COMBINATION);
        assertThat(o.confidence()).isEqualByComparingTo("0.90");
        assertThat(cash(o)).containsOnlyKeys(a.documentId(), b.documentId());
    }

    @Test
    void combinationWithACreditNote() {
        OpenItem a = f.invoice(1, "INV-2026-000101", "1236.40");
        OpenItem cn = f.creditNote(1, "CN-2026-000001", "61.82");
        f.invoice(1, "INV-2026-000103", "5020.13");
        MatchOutcome o = f.match(f.payment("1174.58", "上海华东机电设备有限公司", "6222021234567890", ""));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_COMBINATION);
        assertThat(cash(o)).containsOnly(Map.entry(a.documentId(), money("1236.40")),
                Map.entry(cn.documentId(), money("-61.82")));
    }

    @Test
    void twoCombinationsOfTheSameSizeAreAmbiguous() {
        f.invoice(1, "INV-2026-000101", "1000.10");
        f.invoice(1, "INV-2026-000102", "3000.31");
        f.invoice(1, "INV-2026-000103", "1500.20");
        f.invoice(1, "INV-2026-000104", "2500.21");
        MatchOutcome o = f.match(f.payment("4000.41", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions()).filteredOn(s -> s.rule() == MatchRule.AMOUNT_COMBINATION).hasSize(2);
    }

    @Test
    void roundAmountsThatManyCombinationsCouldMakeProveNothing() {
        // forty open items in round hundreds: one pair makes 2,700.00 (700.00 + 2,000.00), but with amounts like
        // these some pair makes most round amounts: the pair proves nothing
        for (int i = 0; i < 40; i++) {
            f.invoice(1, String.format("INV-2026-%06d", 300 + i), (i * 1300 + 700) + ".00");
        }
        MatchOutcome o = f.match(f.payment("2700.00", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
        f.items.clear();
        OpenItem a = f.invoice(1, "INV-2026-000401", "1500.00");
        OpenItem b = f.invoice(1, "INV-2026-000402", "2000.00");
        for (int i = 0; i < 40; i++) {
            f.invoice(1, String.format("INV-2026-%06d", 300 + i), String.format("%d.%02d", i * 397 + 5000, i + 7));
        }
        // among amounts to the cent, one pair of round ones is still a match
        assertThat(cash(f.match(f.payment("3500.00", "上海华东机电设备有限公司", "6222021234567890", "货款"))))
                .containsOnlyKeys(a.documentId(), b.documentId());
    }

    @Test
    void aCombinationLargerThanAllowedIsNotSearched() {
        f.policy = new MatchingPolicy(money("50.00"), money("0.5"), 20_000, 2);
        f.invoice(1, "INV-2026-000101", "1000.10");
        f.invoice(1, "INV-2026-000102", "2000.20");
        f.invoice(1, "INV-2026-000103", "4000.40");
        MatchOutcome o = f.match(f.payment("7000.70", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.status()).isEqualTo(Status.UNMATCHED);
    }

    @Test
    void whenTheBudgetRunsOutBeforeUniquenessIsProvenNothingIsApplied() {
        for (int i = 0; i < 30; i++) {
            f.invoice(1, String.format("INV-2026-%06d", 200 + i), String.format("%d.%02d", 1000 + i * 37, 13 + i * 3));
        }
        // 1000.13 + 1037.16 + 1074.19: three of thirty items
        IncomingPayment p = f.payment("3111.48", "上海华东机电设备有限公司", "6222021234567890", "货款");
        f.policy = new MatchingPolicy(money("50.00"), money("0.5"), 100_000, 3);
        assertThat(f.match(p).rule()).isEqualTo(MatchRule.AMOUNT_COMBINATION);
        f.policy = new MatchingPolicy(money("50.00"), money("0.5"), 60, 3);
        MatchOutcome o = f.match(p);
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    @Test
    void shortPaymentWithoutReference() {
        OpenItem inv = f.invoice(1, "INV-2026-000101", "12000.00");
        f.invoice(1, "INV-2026-000102", "3000.00");
        MatchOutcome o = f.match(f.payment("11975.00", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_SHORT);
        assertThat(o.confidence()).isEqualByComparingTo("0.85");
        assertThat(cash(o)).containsOnly(Map.entry(inv.documentId(), money("11975.00")));
        assertThat(writeOffs(o)).containsOnly(Map.entry(inv.documentId(), money("25.00")));
    }

    @Test
    void withoutAReferenceOnlyAWholeShortfallIsABankCharge() {
        f.invoice(1, "INV-2026-000101", "12000.00");
        MatchOutcome o = f.match(f.payment("11993.73", "上海华东机电设备有限公司", "6222021234567890", "货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions().get(0).rule()).isEqualTo(MatchRule.AMOUNT_SHORT);
    }

    @Test
    void otherCurrenciesAreInvisible() {
        f.add(new OpenItem(9, "INV-2026-000900", null, 3, OpenItem.ItemKind.INVOICE, "USD", money("1000.00"),
                EngineFixture.TODAY, EngineFixture.TODAY));
        MatchOutcome o = f.match(f.payment("1000.00", "PACIFIC TRADING CO LTD", "808123456789", "PAYMENT"));
        assertThat(o.status()).isEqualTo(Status.UNMATCHED);
    }
}
