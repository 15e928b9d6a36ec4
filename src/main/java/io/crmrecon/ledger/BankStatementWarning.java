package io.crmrecon.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.crmrecon.bankfile.ParsedStatement;
import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Something about an imported bank file that a person should check although nothing was refused: a statement
 * whose entries do not add up from its opening to its closing balance (the bank left lines out, or sent a
 * statement twice with different lines), or entries the bank gave only as pending or for information, which are
 * not imported (a notification of nothing but those reads as an empty file otherwise). {@code message} is in the
 * language it was rendered for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankStatementWarning(String statement, String difference, String currency, String message,
        @JsonIgnore String code, @JsonIgnore List<String> args) {

    static final String UNBALANCED = "import.bank.warning.unbalanced";
    static final String NOT_BOOKED = "import.bank.warning.not-booked";

    /** What a person should check about one statement: none, one or both of the warnings. */
    static List<BankStatementWarning> of(ParsedStatement s) {
        List<BankStatementWarning> warnings = new ArrayList<>(2);
        BankStatementWarning unbalanced = unbalanced(s);
        if (unbalanced != null) {
            warnings.add(unbalanced);
        }
        if (s.notBooked() > 0) {
            warnings.add(new BankStatementWarning(s.statementId(), null, null, null, NOT_BOOKED,
                    List.of(s.statementId() == null ? "" : s.statementId(), String.valueOf(s.notBooked()))));
        }
        return warnings;
    }

    /** The warning for a statement whose balances and entries disagree, or null when they agree or are absent. */
    private static BankStatementWarning unbalanced(ParsedStatement s) {
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
