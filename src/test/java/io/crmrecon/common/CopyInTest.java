package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyInTest {

    private static String line(CopyIn.Line line) {
        return new String(line.finish(), StandardCharsets.UTF_8);
    }

    @Test
    void aLineIsTabSeparatedWithNullsAndEscapedSpecialCharacters() {
        CopyIn.Line line = new CopyIn.Line(6);
        line.add(42L).add((Long) null).add("付款\t备注\\第二行\n结束\r").add(new BigDecimal("1234.50"))
                .add((String) null).add(Instant.parse("2026-11-27T03:15:00.123456789Z"));
        assertThat(line(line)).isEqualTo("42\t\\N\t付款\\t备注\\\\第二行\\n结束\\r\t1234.50\t\\N\t"
                + "2026-11-27T03:15:00.123456Z\n");
    }

    @Test
    void amountsAreWrittenInFullNeverInScientificNotation() {
        CopyIn.Line line = new CopyIn.Line(2);
        line.add(new BigDecimal("1E+3")).add(new BigDecimal("-0.0001"));
        assertThat(line(line)).isEqualTo("1000\t-0.0001\n");
    }

    @Test
    void aLineWithTheWrongNumberOfValuesIsRefusedRatherThanShifted() {
        CopyIn.Line line = new CopyIn.Line(3);
        line.add(1L).add("x");
        assertThatThrownBy(() -> line.finish()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 values for 3 columns");
    }

    @Test
    void aLineIsReusedForTheNextRow() {
        CopyIn.Line line = new CopyIn.Line(1);
        line.add("a");
        line(line);
        line.clear();
        line.add("b");
        assertThat(line(line)).isEqualTo("b\n");
    }
}
