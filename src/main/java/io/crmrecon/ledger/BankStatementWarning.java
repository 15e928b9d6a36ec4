package io.crmrecon.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.crmrecon.bankfile.ParsedStatement;
import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Something about an imported bank file that a person should check although nothing was refused: a statement
 * whose entries do not add up from its opening to its closing balance (the bank left lines out, or sent a
 * statement twice with different lines). {@code message} is in the language it was rendered for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankStatementWarning(String statement, String difference, String currency, String message,
        @JsonIgnore String code, @JsonIgnore List<String> args) {

    static final String UNBALANCED = "import.bank.warning.unbalanced";

    /** The warning for a statement whose balances and entries disagree, or null when they agree or are absent. */
    static BankStatementWarning of(ParsedStatement s) {
        BigDecimal difference = s.difference();
        if (difference == null || difference.signum() == 0) {
            return null;
        }
        String currency = s.currency() == null ? "" : s.currency();
        List<String> args = List.of(s.statementId() == null ? "" : s.statementId(), amount(s.openingBalance(), currency),
                amount(s.expectedClosing(), currency), amount(s.closingBalance(), currency),
                amount(difference, currency), currency);
        return new BankStatementWarning(s.statementId(), amount(difference, currency), s.currency(), null,
                UNBALANCED, args);
    }

    /** The same warning with its text rendered by {@code render(code, args)}. */
    BankStatementWarning rendered(BiFunction<String, Object[], String> render) {
        return new BankStatementWarning(statement, difference, currency, render.apply(code, args.toArray()), code,
                args);
    }

    private static String amount(BigDecimal amount, String currency) {
        if (Money.isCurrency(currency)) {
            return Money.format(amount, currency);
        }
        return amount.toPlainString();
    }
}
