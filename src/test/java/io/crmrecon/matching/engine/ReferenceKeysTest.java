package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How numbers are normalised, hashed and compared for typos. */
class ReferenceKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INV-2026-000123|INV2026000123|INV2026123",
            "inv 2026/000123|INV2026000123|INV2026123",
            "04412345|04412345|4412345",
            "ST-2026-10-C0001|ST202610C0001|ST202610C1",
            "INV-BM-00000000|INVBM00000000|INVBM0",
            "ＩＮＶ－２０２６－０００１２３|INV2026000123|INV2026123",
            "A-0-0-7|A007|A007"})
    void keysAndStrippedKeys(String number, String key, String stripped) {
        assertThat(ReferenceKeys.key(number)).isEqualTo(key);
        assertThat(ReferenceKeys.stripped(number)).isEqualTo(stripped);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("0123456789ABCinv-/. 0０１Ｉ").ofMaxLength(16);
    }

    @Property(tries = 2000)
    void theDigestIsTheHashOfTheKeys(@ForAll("numbers") String number) {
        ReferenceKeys.Digest d = new ReferenceKeys.Digest();
        String key = ReferenceKeys.key(number);
        assertThat(ReferenceKeys.digest(number, d)).isEqualTo(!key.isEmpty());
        if (key.isEmpty()) {
            return;
        }
        String stripped = ReferenceKeys.stripped(number);
        assertThat(d.hash).isEqualTo(ReferenceKeys.hash(key));
        assertThat(d.check).isEqualTo(ReferenceKeys.check(key));
        assertThat(d.strippedHash).isEqualTo(stripped.equals(key) ? 0 : ReferenceKeys.hash(stripped));
        assertThat(d.strippedCheck).isEqualTo(stripped.equals(key) ? 0 : ReferenceKeys.check(stripped));
        assertThat(d.digits).isEqualTo(ReferenceKeys.digits(key));
        assertThat(d.strippedDigits).isEqualTo(ReferenceKeys.digits(stripped));
        assertThat(d.family).isEqualTo(ReferenceKeys.family(key));
    }

    @Test
    void oneTypo() {
        assertThat(ReferenceKeys.oneTypo("INV2026001243", "INV2026001234")).as("swap").isTrue();
        assertThat(ReferenceKeys.oneTypo("IVN2026001234", "INV2026001234")).as("swap of letters").isTrue();
        assertThat(ReferenceKeys.oneTypo("INV202600124", "INV2026001234")).as("digit dropped").isTrue();
        assertThat(ReferenceKeys.oneTypo("INV20260012345", "INV2026001234")).as("digit added").isTrue();
        assertThat(ReferenceKeys.oneTypo("INV2026001294", "INV2026001234")).as("digit wrong").isTrue();
        assertThat(ReferenceKeys.oneTypo("INV2026001234", "INV2026001234")).as("equal").isFalse();
        assertThat(ReferenceKeys.oneTypo("INV2026001299", "INV2026001234")).as("two wrong").isFalse();
        assertThat(ReferenceKeys.oneTypo("INV2026004321", "INV2026001234")).as("reversed").isFalse();
        assertThat(ReferenceKeys.oneTypo("INX2026001234", "INV2026001234")).as("letter wrong").isFalse();
        assertThat(ReferenceKeys.oneTypo("IN2026001234", "INV2026001234")).as("letter dropped").isFalse();
    }
}
