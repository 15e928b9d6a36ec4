package io.crmrecon.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts are BigDecimal at the currency's minor digits; this is where that rule lives. */
public final class Money {

    /**
     * An amount as a person types it, once full-width characters are folded and spaces dropped: a minus, a currency
     * sign, the integer part plain or with a comma between each three digits, a decimal point and decimals.
     */
    private static final Pattern TYPED = Pattern.compile("(-?)[¥$]?(-?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final int MAX_INTEGER_DIGITS = 15;

    private Money() {
    }

    /**
     * An amount as typed into a form, the way this system shows amounts ("8,158.64", "8158.64", "¥8,158.64",
     * full-width "８，１５８．６４", "-80.5"); null when the text is not one. Commas count only where they group
     * thousands: "8,15" may mean 8.15 to a European and is refused rather than read as 815.
     */
    public static BigDecimal typed(String text) {
        if (text == null) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u2007\\u202F]", "");
        Matcher m = TYPED.matcher(t);
        if (!m.matches() || (!m.group(1).isEmpty() && !m.group(2).isEmpty())) {
            return null;
        }
        String digits = m.group(3).replace(",", "");
        if (digits.length() > MAX_INTEGER_DIGITS) {
            return null;
        }
        return new BigDecimal(m.group(1) + m.group(2) + digits + (m.group(4) == null ? "" : m.group(4)));
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
