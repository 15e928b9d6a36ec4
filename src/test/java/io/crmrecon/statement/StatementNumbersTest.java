package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class StatementNumbersTest {

    static final YearMonth OCT = YearMonth.of(2026, 10);

    @Test
    void aNumberIsShortCarriesItsPeriodAndEndsInACheckDigit() {
        String no = StatementNumbers.of(OCT, 42);
        assertThat(no).matches("S2610-0042\\d").hasSizeLessThanOrEqualTo(11);
        assertThat(StatementNumbers.of(OCT, 123456)).startsWith("S2610-123456");
        assertThatThrownBy(() -> StatementNumbers.of(OCT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuotedNumberIsFoundHoweverItIsWritten() {
        String no = StatementNumbers.of(OCT, 427);
        String bare = no.replace("-", "");
        assertThat(StatementNumbers.find("支付对账单" + no + "款项")).contains(no);
        assertThat(StatementNumbers.find("payment " + bare.toLowerCase())).contains(no);
        assertThat(StatementNumbers.find("ref: S 2610 " + no.substring(6))).contains(no);
        String fullWidth = no.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０'))
                : String.valueOf((char) c)).reduce("", String::concat);
        assertThat(StatementNumbers.find("对账单号" + fullWidth)).contains(no);
    }

    @Test
    void aNumberKeyedWrongOrPartOfAnotherIsNotTakenForOne() {
        String no = StatementNumbers.of(OCT, 427);
        char last = no.charAt(no.length() - 1);
        String wrongCheck = no.substring(0, no.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertThat(StatementNumbers.find(wrongCheck)).isEmpty();
        // every single wrong digit and every swap of two different neighbours in the serial is caught
        String digits = no.substring(1).replace("-", "");
        for (int i = 0; i < digits.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(i)) {
                    String typo = digits.substring(0, i) + d + digits.substring(i + 1);
                    assertThat(StatementNumbers.find("S" + typo).filter(no::equals)).as(typo).isEmpty();
                }
            }
        }
        assertThat(StatementNumbers.find("INVS26100427")).isEmpty();
        assertThat(StatementNumbers.find("S2613-00011")).isEmpty();
        assertThat(StatementNumbers.find(null)).isEmpty();
    }
}
