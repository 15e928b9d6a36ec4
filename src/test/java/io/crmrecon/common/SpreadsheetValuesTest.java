package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetValuesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-21      | 2026-11-21
            2026-1-5        | 2026-01-05
            2026/11/21      | 2026-11-21
            2026/1/5        | 2026-01-05
            2026年11月21日   | 2026-11-21
            2026年1月5日     | 2026-01-05
            2026 年 1 月 5 日 | 2026-01-05
            ２０２６/１１/２１ | 2026-11-21
            2028/2/29       | 2028-02-29
            """)
    void readsYearFirstDates(String text, String expected) {
        assertThat(SpreadsheetValues.date(text)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            21/11/2026
            11/21/2026
            21.11.2026
            2026.11.21
            26/11/21
            2026/11
            2026-11-21 00:00
            2026-11-21T00:00
            2026/02/30
            2026-13-01
            2026年11月21
            2026/11-21
            46347
            tomorrow
            """)
    void refusesDatesThatAreAmbiguousOrNoDay(String text) {
        assertThat(SpreadsheetValues.date(text)).isNull();
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1250.00     | CNY  | 1250.00
            1250        | CNY  | 1250
            0.5         | CNY  | 0.5
            -5.00       | CNY  | -5.00
            +5.00       | CNY  | 5.00
            '1,250.00'  | CNY  | 1250.00
            '12,800'    | CNY  | 12800
            '1,234,567.89' | CNY | 1234567.89
            '¥1,250.00' | CNY  | 1250.00
            '￥1,250.00' | CNY  | 1250.00
            '¥ 1,250.00' | CNY | 1250.00
            '-¥1,250.00' | CNY | -1250.00
            '¥-1,250.00' | CNY | -1250.00
            '¥1250'     | JPY  | 1250
            '$1,250.00' | USD  | 1250.00
            '$99.5'     | HKD  | 99.5
            '€10.00'    | EUR  | 10.00
            '£10.00'    | GBP  | 10.00
            '$10.00'    | null | 10.00
            '１２５０'   | CNY  | 1250
            '１，２５０．００' | CNY | 1250.00
            """)
    void readsAmountsAsSpreadsheetsWriteThem(String text, String currency, String expected) {
        var amount = SpreadsheetValues.amount(text, currency);
        assertThat(amount.problem()).isNull();
        assertThat(amount.value()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            '1.250,00'   | CNY  | FORMAT
            '1,25'       | CNY  | FORMAT
            '1,2500.00'  | CNY  | FORMAT
            '12,80,000'  | CNY  | FORMAT
            ',250'       | CNY  | FORMAT
            '1,250.'     | CNY  | FORMAT
            '.5'         | CNY  | FORMAT
            '1 250.00'   | CNY  | FORMAT
            '¥¥1,250.00' | CNY  | FORMAT
            '¥$1,250.00' | CNY  | FORMAT
            '1,250.00¥'  | CNY  | FORMAT
            '--5'        | CNY  | FORMAT
            '-¥-5'       | CNY  | FORMAT
            '(1,250.00)' | CNY  | FORMAT
            '1,250.00元' | CNY  | FORMAT
            '1e3'        | CNY  | FORMAT
            'abc'        | CNY  | FORMAT
            '¥'          | CNY  | FORMAT
            '$1,250.00'  | CNY  | SIGN
            '¥1,250.00'  | USD  | SIGN
            '€1,250.00'  | GBP  | SIGN
            '₩1,250'     | KRW  | SIGN
            """)
    void refusesAmountsThatCouldBeReadTwoWays(String text, String currency, SpreadsheetValues.AmountProblem problem) {
        var amount = SpreadsheetValues.amount(text, currency);
        assertThat(amount.value()).isNull();
        assertThat(amount.problem()).isEqualTo(problem);
    }

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
        assertThat(SpreadsheetValues.typedAmount(typed)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e5", "8,15", "8,1580.64", "1,2,3", ",158", "8158.", ".5", "--5",
            "-¥-5", "8.158,64", "1000000000000000", "12 EUR", "0x10"})
    void whatIsNoAmountOrCouldBeReadTwoWaysIsRefused(String typed) {
        assertThat(SpreadsheetValues.typedAmount(typed)).isNull();
    }
}
