package io.crmrecon.bankfile;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amount rules shared by the readers: a known ISO 4217 currency, and no more decimals than it has. */
final class BankAmounts {

    private BankAmounts() {
    }

    /** Why the code is not usable as a currency, or null when it is. */
    static String currencyProblem(String currency) {
        if (currency == null || currency.isEmpty()) {
            return "has no currency";
        }
        if (!Money.isCurrency(currency)) {
            return "currency '" + currency + "' is not an ISO 4217 currency code";
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

    static String tooManyDecimals(String text, String currency) {
        int digits = Money.minorDigits(currency);
        return "amount " + text + " has more decimals than " + currency + " allows (" + digits + ")";
    }
}
