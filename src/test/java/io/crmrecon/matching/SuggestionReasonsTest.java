package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The engine's English reasons, read in Chinese or English from the matching bundle. */
class SuggestionReasonsTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages/matching");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static String zh(String reason) {
        return MESSAGES.getMessage(SuggestionReasons.of(reason), Locale.SIMPLIFIED_CHINESE);
    }

    static String en(String reason) {
        return MESSAGES.getMessage(SuggestionReasons.of(reason), Locale.ENGLISH);
    }

    @Test
    void aPossibleDuplicateReadsInChineseAndEnglish() {
        String reason = "INV-1 named in the text is already settled: possible duplicate payment";
        assertThat(zh(reason)).isEqualTo("附言中的 INV-1 已结清：可能重复付款");
        assertThat(en(reason)).isEqualTo("INV-1 named in the text is already settled: possible duplicate payment");
    }

    @Test
    void thePayerIsNamedWithHowItWasRecognised() {
        String reason = "same amount as INV-3, payer 深圳市电子科技有限公司 by account; 2 open items have it";
        assertThat(zh(reason)).isEqualTo("与 INV-3 金额相同，付款人 深圳市电子科技有限公司（按账号识别）；有 2 个未清项是这个金额");
        assertThat(en(reason)).isEqualTo(
                "Same amount as INV-3, payer 深圳市电子科技有限公司 (recognised by account); 2 open items have this amount");
    }

    @Test
    void quotedTextAndAmountsKeepTheirValues() {
        String reason = "INV-12 is one typo away from 'INV-21' in the text, short by 15.00";
        assertThat(zh(reason)).isEqualTo("INV-12 与附言中的“INV-21”只差一个字符，少付 15.00");
        assertThat(en(reason)).isEqualTo("INV-12 is one typo away from \u201cINV-21\u201d in the text, paid short by 15.00");
        assertThat(zh("named in the text: INV-1 + INV-2 (open 3000.00, paid 2500.00)"))
                .isEqualTo("附言中提到：INV-1 + INV-2（未清 3000.00，付款 2500.00）");
        assertThat(zh("INV-1 + INV-2 make the amount, payer ACME by name; other combinations do too"))
                .isEqualTo("INV-1 + INV-2 合计等于付款金额，付款人 ACME（按名称识别）；其他组合也符合");
        assertThat(zh("same amount as INV-9 of 某公司; payer unknown")).isEqualTo("与 某公司 的 INV-9 金额相同；付款人未知");
    }

    @Test
    void anUnknownSentenceIsShownAsTheEngineWroteIt() {
        assertThat(zh("a reason from a newer engine, it's new")).isEqualTo("a reason from a newer engine, it's new");
        assertThat(zh(null)).isEmpty();
    }

    @Test
    void everyRefusalAndReasonCodeHasChineseAndEnglish() throws Exception {
        var en = new java.util.Properties();
        var zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/messages/matching.properties");
                var b = getClass().getResourceAsStream("/messages/matching_zh.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }
}
