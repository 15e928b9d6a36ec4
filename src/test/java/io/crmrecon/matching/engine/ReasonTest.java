package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.Reason.Code;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reason's English sentence reads back as the same code and arguments, whatever the code. */
class ReasonTest {

    @Test
    void everyCodeReadsBackFromItsSentence() {
        for (Code code : Code.values()) {
            Reason reason = Reason.of(code, (Object[]) argumentsFor(code));
            assertThat(Reason.parse(reason.text())).as(code.name()).contains(reason);
        }
    }

    @Test
    void thePayerIsTwoArgumentsAtItsPlace() {
        Reason r = Reason.of(Code.SHORT_AGAINST, "15.00", "INV-7", new String[] {"ACME", "account"});
        assertThat(r.text()).isEqualTo("short by 15.00 against INV-7, payer ACME by account");
        assertThat(Code.SHORT_AGAINST.payerArgument()).isEqualTo(2);
        assertThat(Code.TYPO.payerArgument()).isEqualTo(-1);
        assertThat(Code.NOT_OPEN.payerArgument()).isEqualTo(1);
    }

    @Test
    void aSentenceWithoutACodeIsNotRead() {
        assertThat(Reason.parse("a reason from a newer engine")).isEmpty();
        assertThat(Reason.parse(null)).isEmpty();
    }

    @Test
    void theMostSpecificFormWins() {
        Reason r = Reason.parse("INV-2 is one typo away from 'INV-3' in the text, short by 1.00").orElseThrow();
        assertThat(r.code()).isEqualTo(Code.TYPO_SHORT);
        assertThat(r.args()).containsExactly("INV-2", "INV-3", "1.00");
    }

    private static String[] argumentsFor(Code code) {
        // digits fit every kind of argument (text, quoted text, amount, count); each argument its own
        String[] args = new String[placeholders(code)];
        for (int k = 0; k < args.length; k++) {
            args[k] = String.valueOf(k + 1);
        }
        if (code.payerArgument() >= 0) {
            args[code.payerArgument() + 1] = "account";
        }
        return args;
    }

    private static int placeholders(Code code) {
        // the fewest arguments the template renders with
        for (int n = 0; n < 8; n++) {
            String[] args = new String[n];
            Arrays.fill(args, "7");
            if (code.payerArgument() >= 0 && n > code.payerArgument() + 1) {
                args[code.payerArgument() + 1] = "name";
            }
            try {
                String text = Reason.of(code, (Object[]) args).text();
                if (Reason.parse(text).map(Reason::args).map(List::size).orElse(-1) == n) {
                    return n;
                }
            } catch (IndexOutOfBoundsException tooFew) {
                // go on with more
            }
        }
        throw new AssertionError(code + " takes more than 7 arguments");
    }
}
