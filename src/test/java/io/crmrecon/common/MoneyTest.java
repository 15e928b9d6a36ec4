package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8158.64 | 8158.64",
            "8,158.64 | 8158.64",
            "  8,158.64  | 8158.64",
            "1,234,567 | 1234567",
            "¥8,158.64 | 8158.64",
            "￥8,158.64 | 8158.64",
            "$12.5 | 12.5",
            "８，１５８．６４ | 8158.64",
            "8 158.64 | 8158.64",
            "8\u00A0158.64 | 8158.64",
            "-80.5 | -80.5",
            "¥-80.50 | -80.50",
            "0.005 | 0.005",
            "999999999999999 | 999999999999999"})
    void anAmountIsReadAsAPersonTypesIt(String typed, String expected) {
        assertThat(Money.typed(typed)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e5", "8,15", "8,1580.64", "1,2,3", ",158", "8158.", ".5", "--5",
            "-¥-5", "8.158,64", "1000000000000000", "12 EUR", "0x10"})
    void whatIsNoAmountOrCouldBeReadTwoWaysIsRefused(String typed) {
        assertThat(Money.typed(typed)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"12800, CNY, '12,800.00'", "1250.5, USD, '1,250.50'", "1000, JPY, '1,000'"})
    void whatAPageShowsIsReadBackAsTheSameAmount(BigDecimal amount, String currency, String shown) {
        assertThat(Money.display(amount, currency)).isEqualTo(shown);
        assertThat(Money.typed(shown)).isEqualByComparingTo(amount);
    }
}
