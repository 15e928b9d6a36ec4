package io.crmrecon.matching.engine;

import static io.crmrecon.matching.engine.EngineFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.MatchOutcome.Application;
import io.crmrecon.matching.engine.MatchOutcome.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference rules: numbers in the text, however they are written, and what the amount says about them. */
class ReferenceRulesTest {

    static final String HUADONG = "上海华东机电设备有限公司";
    static final String HUADONG_ACCOUNT = "31001234567890123456";

    final EngineFixture f = new EngineFixture();

    ReferenceRulesTest() {
        f.customer(1, HUADONG, HUADONG_ACCOUNT);
        f.customer(2, "深圳市星河电子科技有限公司", "755912345678901");
        f.customer(3, "Pacific Trading Co., Ltd.", "808123456789");
    }

    static Map<Long, BigDecimal> cash(MatchOutcome o) {
        return o.applications().stream().collect(Collectors.toMap(Application::documentId, Application::amount));
    }

    static Map<Long, BigDecimal> writeOffs(MatchOutcome o) {
        return o.applications().stream().collect(Collectors.toMap(Application::documentId, Application::writeOff));
    }

    @Test
    void documentNumberInChineseTextPaysThatInvoice() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "12800.00");
        f.invoice(1, "INV-2026-000124", "12800.00");
        MatchOutcome o = f.match(f.payment("12800.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(o.status()).isEqualTo(Status.AUTO);
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(o.confidence()).isEqualByComparingTo("0.99");
        assertThat(o.customerId()).isEqualTo(1L);
        assertThat(cash(o)).containsExactly(Map.entry(inv.documentId(), money("12800.00")));
        assertThat(o.onAccount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inv2026123", "INV2026000123", "INV 2026 000123", "inv-2026-000123", "INV/2026/000123",
            "ＩＮＶ－２０２６－０００１２３", "货款 inv2026123", "PAYMENT FOR INV.2026.000123 THANK YOU", "还款INV-2026-000123",
            "INV-2026-0123"})
    void reformattedNumbersMeetTheDocument(String text) {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "5000.00");
        f.invoice(1, "INV-2026-000321", "5000.00");
        MatchOutcome o = f.match(f.payment("5000.00", "unknown payer", null, text));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PART PAYMENTINV-2026-000123", "1ST INSTALMENTINV-2026-000123",
            "INV-2026-000123PART PAYMENT", "首期款INV-2026-000123", "PAYMENTINV2026000123"})
    void numbersGluedToWordsAreFound(String text) {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "30000.00");
        f.invoice(1, "INV-2026-000321", "10000.00");
        MatchOutcome o = f.match(f.payment("10000.00", HUADONG, HUADONG_ACCOUNT, text));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_PARTIAL);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @Test
    void structuredReferenceCountsLikeTheText() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "5000.00");
        IncomingPayment p = new IncomingPayment(77, money("5000.00"), "CNY", EngineFixture.TODAY, HUADONG, null,
                "货款", "INV2026000123");
        MatchOutcome o = f.engine().matchAll(List.of(p)).get(0);
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"付10月发票04412345", "发票号 4412345", "04412345", "FAPIAO 0441-2345", "FP04412345",
            "NO.4412345"})
    void taxInvoiceNumberPaysItsInvoice(String text) {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "8888.00", "04412345", EngineFixture.TODAY);
        f.invoice(1, "INV-2026-000124", "8888.00", "04412346", EngineFixture.TODAY);
        MatchOutcome o = f.match(f.payment("8888.00", HUADONG, HUADONG_ACCOUNT, text));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @Test
    void severalNumbersInOneTextPayAllTheyName() {
        OpenItem a = f.invoice(1, "INV-2026-000123", "1000.00");
        OpenItem b = f.invoice(1, "INV-2026-000124", "2500.50");
        f.invoice(1, "INV-2026-000125", "3500.50");
        MatchOutcome o = f.match(f.payment("3500.50", HUADONG, HUADONG_ACCOUNT,
                "支付INV-2026-000123,INV-2026-000124货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnly(Map.entry(a.documentId(), money("1000.00")),
                Map.entry(b.documentId(), money("2500.50")));
    }

    @Test
    void statementNumberPaysTheStatementsOpenDocuments() {
        OpenItem a = f.invoice(1, "INV-2026-000123", "1000.00");
        OpenItem b = f.invoice(1, "INV-2026-000200", "2000.00");
        OpenItem cn = f.creditNote(1, "CN-2026-000010", "300.00");
        OpenItem paid = f.invoice(1, "INV-2026-000100", "999.00");
        f.invoice(1, "INV-2026-000300", "4000.00"); // not on the statement
        f.statement("ST-2026-10-C0001", 1, a, b, cn, paid);
        f.settle(paid);
        MatchOutcome o = f.match(f.payment("2700.00", HUADONG, HUADONG_ACCOUNT, "付对账单ST-2026-10-C0001"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnly(Map.entry(a.documentId(), money("1000.00")),
                Map.entry(b.documentId(), money("2000.00")), Map.entry(cn.documentId(), money("-300.00")));
    }

    @Test
    void statementNumberWrittenWithoutZerosOrSeparators() {
        OpenItem a = f.invoice(1, "INV-2026-000123", "1000.00");
        f.statement("ST-2026-10-C0001", 1, a);
        MatchOutcome o = f.match(f.payment("1000.00", HUADONG, HUADONG_ACCOUNT, "st202610c1"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
    }

    @Test
    void anUnambiguousReferenceMayPayAnotherCustomersInvoice() {
        // the group's parent pays its subsidiary's invoice from its own account
        OpenItem other = f.invoice(2, "INV-2026-000500", "7300.00");
        f.invoice(1, "INV-2026-000501", "7300.00");
        MatchOutcome o = f.match(f.payment("7300.00", HUADONG, HUADONG_ACCOUNT, "代付INV-2026-000500"));
        assertThat(o.status()).isEqualTo(Status.AUTO);
        assertThat(cash(o)).containsOnlyKeys(other.documentId());
    }

    @Test
    void oneReferenceEachForTwoCustomersOfAGroup() {
        OpenItem own = f.invoice(1, "INV-2026-000500", "1000.00");
        OpenItem subsidiary = f.invoice(2, "INV-2026-000777", "2000.00");
        MatchOutcome o = f.match(f.payment("3000.00", HUADONG, HUADONG_ACCOUNT, "INV-2026-000500、INV-2026-000777"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnlyKeys(own.documentId(), subsidiary.documentId());
    }

    @Test
    void aNumberTwoCustomersHaveIsTheirsWhoPays() {
        OpenItem own = f.invoice(1, "SO-7788-1234", "1000.00");
        f.invoice(2, "SO-7788-1234", "1000.00");
        f.invoice(1, "SO-7788-9999", "1000.00");
        MatchOutcome byPayer = f.match(f.payment("1000.00", HUADONG, HUADONG_ACCOUNT, "付款 SO77881234"));
        assertThat(byPayer.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(byPayer)).containsOnlyKeys(own.documentId());
        MatchOutcome unknown = f.match(f.payment("1000.00", "某公司", null, "付款 SO77881234"));
        assertThat(unknown.status()).isEqualTo(Status.SUGGESTED);
        assertThat(unknown.suggestions()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aBareNumberOfAnotherCustomerIsNoReference() {
        // an order number that happens to be another customer's tax invoice number
        f.invoice(2, "INV-2026-000600", "100.00", "10000456", EngineFixture.TODAY);
        OpenItem own = f.invoice(1, "INV-2026-000601", "4321.00");
        MatchOutcome o = f.match(f.payment("4321.00", HUADONG, HUADONG_ACCOUNT, "订单号10000456"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(cash(o)).containsOnlyKeys(own.documentId());
    }

    @Test
    void datesAndTheAmountInTheTextAreNoNumbers() {
        f.invoice(2, "INV-2026-000700", "1.00", "20261015", EngineFixture.TODAY);
        f.invoice(2, "INV-2026-000701", "2.00", "1280000", EngineFixture.TODAY);
        OpenItem own = f.invoice(1, "INV-2026-000702", "12800.00");
        MatchOutcome o = f.match(f.payment("12800.00", HUADONG, HUADONG_ACCOUNT, "2026-10-15 货款 12800.00"));
        assertThat(o.rule()).isEqualTo(MatchRule.AMOUNT_EXACT);
        assertThat(cash(o)).containsOnlyKeys(own.documentId());
    }

    @Test
    void partialPaymentGoesToTheNamedItemsOldestDueFirst() {
        OpenItem older = f.invoice(1, "INV-2026-000123", "30000.00", null, EngineFixture.TODAY.minusDays(40));
        OpenItem newer = f.invoice(1, "INV-2026-000124", "20000.00", null, EngineFixture.TODAY.minusDays(10));
        MatchOutcome o = f.match(f.payment("35000.00", HUADONG, HUADONG_ACCOUNT,
                "INV-2026-000124 INV-2026-000123 部分付款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_PARTIAL);
        assertThat(o.confidence()).isEqualByComparingTo("0.90");
        assertThat(cash(o)).containsOnly(Map.entry(older.documentId(), money("30000.00")),
                Map.entry(newer.documentId(), money("5000.00")));
    }

    @Test
    void aPartPaymentOfAnotherCustomersInvoiceIsLeftToAClerk() {
        f.invoice(2, "INV-2026-000123", "30000.00");
        MatchOutcome o = f.match(f.payment("10000.00", HUADONG, HUADONG_ACCOUNT, "INV-2026-000123 部分付款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
    }

    @Test
    void aNamedOpenInvoiceReadAsPartPaymentOrAsATypoIsLeftToAClerk() {
        // INV-2026-056895 is open (5,212.81) and named; 2,000.00 could be a first instalment of it, or pay
        // INV-2026-050895 (2,000.00), one digit away: two readings
        f.invoice(1, "INV-2026-056895", "5212.81");
        f.invoice(1, "INV-2026-050895", "2000.00");
        MatchOutcome o = f.match(f.payment("2000.00", HUADONG, HUADONG_ACCOUNT, "INV 2026-056895 分期付款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions()).extracting(MatchOutcome.Suggestion::rule)
                .contains(MatchRule.REFERENCE_TYPO, MatchRule.REFERENCE_PARTIAL);
    }

    @Test
    void aTypoThatFitsATwinIsNoPartPayment() {
        // the text names INV-2026-001243 (10,000.00); 500.00 fits INV-2026-001234, one swap away, but that fee
        // has a twin: neither a part payment of the named invoice nor the typo reading is certain
        f.invoice(1, "INV-2026-001243", "10000.00");
        f.invoice(1, "INV-2026-001234", "500.00");
        f.invoice(1, "INV-2026-001290", "500.00");
        MatchOutcome o = f.match(f.payment("500.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-001243服务费"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
    }

    @Test
    void bankChargeShortPaymentIsWrittenOff() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "10000.00");
        MatchOutcome o = f.match(f.payment("9985.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_SHORT);
        assertThat(cash(o)).containsOnly(Map.entry(inv.documentId(), money("9985.00")));
        assertThat(writeOffs(o)).containsOnly(Map.entry(inv.documentId(), money("15.00")));
    }

    @Test
    void shortBeyondTheToleranceIsAPartialPayment() {
        // 0.5 % of 2,000.00 is 10.00: 15.00 short is more
        OpenItem inv = f.invoice(1, "INV-2026-000123", "2000.00");
        MatchOutcome o = f.match(f.payment("1985.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_PARTIAL);
        assertThat(writeOffs(o)).containsOnly(Map.entry(inv.documentId(), money("0.00")));
    }

    @Test
    void overpaymentPaysTheItemAndLeavesTheRestOnAccount() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "8765.40");
        MatchOutcome o = f.match(f.payment("9000.00", HUADONG, HUADONG_ACCOUNT, "INV-2026-000123货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_OVERPAID);
        assertThat(cash(o)).containsOnly(Map.entry(inv.documentId(), money("8765.40")));
        assertThat(o.onAccount()).isEqualByComparingTo("234.60");
        assertThat(o.customerId()).isEqualTo(1L);
    }

    @Test
    void paymentNetOfACreditNoteNamingTheInvoiceOnly() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "10000.00");
        OpenItem cn = f.creditNote(1, "CN-2026-000045", "1200.00");
        f.creditNote(1, "CN-2026-000046", "700.00");
        f.invoice(1, "INV-2026-000130", "3000.00");
        MatchOutcome o = f.match(f.payment("8800.00", HUADONG, HUADONG_ACCOUNT, "INV-2026-000123货款 扣减退货及折让"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_COMBINED);
        assertThat(o.confidence()).isEqualByComparingTo("0.97");
        assertThat(cash(o)).containsOnly(Map.entry(inv.documentId(), money("10000.00")),
                Map.entry(cn.documentId(), money("-1200.00")));
    }

    @Test
    void paymentNamingInvoiceAndCreditNote() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "10000.00");
        OpenItem cn = f.creditNote(1, "CN-2026-000045", "1200.00");
        MatchOutcome o = f.match(f.payment("8800.00", HUADONG, HUADONG_ACCOUNT,
                "支付INV-2026-000123货款(已扣CN-2026-000045)"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId(), cn.documentId());
    }

    @Test
    void referencedInvoicePlusTwoEqualCreditNotesIsAmbiguous() {
        f.invoice(1, "INV-2026-000123", "10000.00");
        f.creditNote(1, "CN-2026-000045", "1200.00");
        f.creditNote(1, "CN-2026-000046", "1200.00");
        MatchOutcome o = f.match(f.payment("8800.00", HUADONG, HUADONG_ACCOUNT, "INV-2026-000123货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void fullyPaidReferencedInvoiceIsNotMatchedAgain() {
        OpenItem paid = f.invoice(1, "INV-2026-000123", "5000.00");
        f.invoice(1, "INV-2026-000124", "5000.00");
        f.settle(paid);
        MatchOutcome o = f.match(f.payment("5000.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions().get(0).reason()).contains("INV-2026-000123", "already settled");
    }

    @Test
    void theSameInvoicePaidTwiceInOneRunIsMatchedOnce() {
        OpenItem inv = f.invoice(1, "INV-2026-000123", "5000.00");
        f.invoice(1, "INV-2026-000124", "5000.00");
        List<MatchOutcome> out = f.matchAll(
                f.payment("5000.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"),
                f.payment("5000.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(out.get(0).status()).isEqualTo(Status.AUTO);
        assertThat(cash(out.get(0))).containsOnlyKeys(inv.documentId());
        assertThat(out.get(1).status()).isEqualTo(Status.SUGGESTED);
        assertThat(out.get(1).suggestions()).anySatisfy(s -> assertThat(s.reason()).contains("already settled"));
    }

    @Test
    void aNumberInAnotherCurrencyIsNotPaid() {
        f.add(new OpenItem(9, "INV-2026-000900", null, 3, OpenItem.ItemKind.INVOICE, "USD", money("1000.00"),
                EngineFixture.TODAY, EngineFixture.TODAY));
        MatchOutcome o = f.match(f.payment("1000.00", "PACIFIC TRADING CO LTD", null, "INV-2026-000900"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    // ------------------------------------------------------------------ typos

    @ParameterizedTest
    @ValueSource(strings = {
            "支付INV-2026-001243货款", // two adjacent digits swapped
            "支付INV-2026-00124货款", // one digit dropped
            "支付INV-2026-0012345货款", // one digit extra
            "支付INV-2026-001294货款", // one digit wrong
            "PAYMENT IVN-2026-001234"}) // two letters swapped
    void aReferenceOneTypoAwayThatTheAmountConfirms(String text) {
        OpenItem inv = f.invoice(1, "INV-2026-001234", "6180.00");
        f.invoice(1, "INV-2026-001299", "1000.00");
        f.invoice(2, "INV-2026-001235", "7000.00");
        MatchOutcome o = f.match(f.payment("6180.00", HUADONG, HUADONG_ACCOUNT, text));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_TYPO);
        assertThat(o.confidence()).isEqualByComparingTo("0.90");
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
    }

    @Test
    void aTypoFromAPayerNobodyKnowsIsTakenOnlyWithTheExactAmount() {
        OpenItem inv = f.invoice(2, "INV-2026-001234", "6180.00");
        f.invoice(2, "INV-2026-001299", "7000.00");
        MatchOutcome o = f.match(f.payment("6180.00", null, null, "INV-2026-001243"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_TYPO);
        assertThat(cash(o)).containsOnlyKeys(inv.documentId());
        assertThat(f.match(f.payment("6170.00", null, null, "INV-2026-001243")).status())
                .isEqualTo(Status.SUGGESTED);
        // a name that fits a customer is not nobody: then the item must be that customer's
        assertThat(f.match(f.payment("6180.00", HUADONG, "999", "INV-2026-001243")).status())
                .isEqualTo(Status.SUGGESTED);
    }

    @Test
    void aTypoThatTheAmountDoesNotConfirmIsNotMatched() {
        f.invoice(1, "INV-2026-001234", "6180.00");
        MatchOutcome o = f.match(f.payment("6000.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-001243货款"));
        assertThat(o.status()).isNotEqualTo(Status.AUTO);
    }

    @Test
    void aTypoNumberThatIsAnotherDocumentWithAnotherAmount() {
        // INV-2026-001243 exists but is 999.00; the amount says the payer meant INV-2026-001234
        OpenItem meant = f.invoice(1, "INV-2026-001234", "6180.00");
        f.invoice(1, "INV-2026-001243", "999.00");
        MatchOutcome o = f.match(f.payment("6180.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-001243货款"));
        assertThat(o.rule()).isEqualTo(MatchRule.REFERENCE_TYPO);
        assertThat(cash(o)).containsOnlyKeys(meant.documentId());
    }

    @Test
    void aTypoPointingAtATwinIsLeftToAClerk() {
        // monthly fees of the same amount: the typo might be the number of the fee already paid
        f.invoice(1, "INV-2026-001234", "500.00");
        f.invoice(1, "INV-2026-001290", "500.00");
        MatchOutcome o = f.match(f.payment("500.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-001243服务费"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
    }

    @Test
    void anUnknownNumberOfOurFormatBlocksTheAmountRule() {
        // the payer's only 5,000.00 item is another invoice than the one named: perhaps a duplicate payment
        f.invoice(1, "INV-2026-000900", "5000.00");
        MatchOutcome o = f.match(f.payment("5000.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-000123货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
        assertThat(o.suggestions().get(0).reason()).contains("not open");
    }

    @Test
    void aTypoOfAnotherCustomersNumberIsNotTakenForThePayer() {
        f.invoice(2, "INV-2026-001234", "6180.00");
        MatchOutcome o = f.match(f.payment("6180.00", HUADONG, HUADONG_ACCOUNT, "支付INV-2026-001243货款"));
        assertThat(o.status()).isEqualTo(Status.SUGGESTED);
    }
}
