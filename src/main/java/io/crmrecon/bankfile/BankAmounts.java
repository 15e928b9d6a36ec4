package io.crmrecon.bankfile;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amount rules shared by the readers: a known ISO 4217 currency, and no more decimals than it has. */
final class BankAmounts {

    private BankAmounts() {
    }

    /** Message codes: {0} line, {1} where (tag or element), then the currency, text and digits as named. */
    static final String NO_CURRENCY = "import.bank.currency.missing";
    static final String UNKNOWN_CURRENCY = "import.bank.currency.unknown";
    static final String TOO_MANY_DECIMALS = "import.bank.amount.decimals";

    /** The message code of why the code is not usable as a currency ({1} where, {2} the code), or null. */
    static String currencyProblem(String currency) {
        if (currency == null || currency.isEmpty()) {
            return NO_CURRENCY;
        }
        if (!Money.isCurrency(currency)) {
            return UNKNOWN_CURRENCY;
        }
        return null;
    }

    /**
     * The amount at the scale the file wrote, or null when it has more decimals than the currency allows.
     * Trailing zeros beyond the minor digits are tolerated (banks pad "12.500" for EUR): they change nothing.
     */
    static BigDecimal fit(BigDecimal amount, String currency) {
        int digits = Money.minorDigits(currency);
        if (amount.scale() <= digits) {
            return amount;
        }
        try {
            return amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
