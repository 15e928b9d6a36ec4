package io.crmrecon.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Amounts are BigDecimal at the currency's minor digits; this is where that rule lives. */
public final class Money {

    private Money() {
    }

    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Scales to the currency's minor digits; the value must already fit (callers validate input first). */
    public static BigDecimal of(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.UNNECESSARY);
    }

    /** The JSON form of the contract: a string with exactly the minor digits, e.g. "12800.00". */
    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** How pages show an amount: thousands grouped, the currency's minor digits, e.g. "12,800.00" (same in zh and en). */
    public static String display(BigDecimal amount, String currency) {
        int digits = minorDigits(currency);
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(digits, RoundingMode.HALF_EVEN));
    }

    /** As a letter shows it: in Chinese ¥12,800.00 for yuan and "USD 1,250.00" for others; in English "CNY 12,800.00". */
    public static String inLetter(BigDecimal amount, String currency, boolean zh) {
        String figure = display(amount, currency);
        return zh && "CNY".equals(currency) ? "¥" + figure : currency + " " + figure;
    }
}
