package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"12800, CNY, '12,800.00'", "1250.5, USD, '1,250.50'", "1000, JPY, '1,000'"})
    void whatAPageShowsIsReadBackAsTheSameAmount(BigDecimal amount, String currency, String shown) {
        assertThat(Money.display(amount, currency)).isEqualTo(shown);
        assertThat(SpreadsheetValues.typedAmount(shown)).isEqualByComparingTo(amount);
    }
}
