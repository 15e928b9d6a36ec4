package io.crmrecon.common;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and amounts as a Chinese spreadsheet writes them, read only where the reading is unambiguous
 * (CONTRACT.md §2): the year first ({@code 2026-11-21}, {@code 2026-1-5}, {@code 2026/11/21},
 * {@code 2026年11月21日}); amounts with {@code .} as decimal separator, optionally {@code ,} between every group
 * of three digits and one leading currency sign ({@code ¥1,250.00}). Day-first or month-first dates, decimal
 * commas and misplaced separators are refused: {@code 1,250} could be either reading.
 */
public final class SpreadsheetValues {

    /** Why an amount was refused; the message code says it to the user. */
    enum AmountProblem {
        FORMAT("import.amount.format"),
        SIGN("import.amount.sign");

        final String code;

        AmountProblem(String code) {
            this.code = code;
        }
    }

    record Amount(BigDecimal value, AmountProblem problem) {
    }

    private static final Pattern DASHED = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final List<Pattern> DATES = List.of(DASHED, SLASHED, CHINESE);

    /** Digits, optionally grouped by three with commas (the first group 1 to 3 digits), then a fraction. */
    private static final Pattern NUMBER = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)\\s*(\\p{Sc})?\\s*([+-]?)\\s*([\\d.,]+)");

    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u3000]");
    private static final int MAX_TYPED_DIGITS = 15;

    /** Currency signs and the ISO codes each may stand for; a sign the table lacks is refused. */
    private static final Map<Character, List<String>> SIGNS = Map.of(
            '¥', List.of("CNY", "JPY"),
            '$', List.of("USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD"),
            '€', List.of("EUR"),
            '£', List.of("GBP"));

    private SpreadsheetValues() {
    }

    /** The date, or null when the text is not one of the accepted forms or not a day of the calendar. */
    static LocalDate date(String text) {
        String s = halfWidth(text).strip();
        for (Pattern form : DATES) {
            Matcher m = form.matcher(s);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The amount, its scale as written.
     *
     * @param currency the row's currency, to check a currency sign against; null accepts any known sign
     */
    static Amount amount(String text, String currency) {
        String s = halfWidth(text).strip();
        Matcher m = AMOUNT.matcher(s);
        if (!m.matches() || !m.group(1).isEmpty() && !m.group(3).isEmpty()) {
            return new Amount(null, AmountProblem.FORMAT);
        }
        if (!NUMBER.matcher(m.group(4)).matches()) {
            return new Amount(null, AmountProblem.FORMAT);
        }
        if (m.group(2) != null) {
            List<String> meant = SIGNS.get(m.group(2).charAt(0));
            if (meant == null || currency != null && !meant.contains(currency)) {
                return new Amount(null, AmountProblem.SIGN);
            }
        }
        String sign = m.group(1).isEmpty() ? m.group(3) : m.group(1);
        return new Amount(new BigDecimal(sign + m.group(4).replace(",", "")), null);
    }

    /**
     * An amount typed into a form, read as a spreadsheet cell is ({@link #amount}: {@code 8,158.64}, {@code ¥8,158.64},
     * full-width digits; a comma that groups no thousands refused), blanks between its digits dropped
     * ({@code 8 158.64}); null when it is none, or has more than {@value #MAX_TYPED_DIGITS} digits before the point.
     */
    public static BigDecimal typedAmount(String text) {
        if (text == null) {
            return null;
        }
        BigDecimal value = amount(BLANKS.matcher(text).replaceAll(""), null).value();
        return value == null || value.precision() - value.scale() > MAX_TYPED_DIGITS ? null : value;
    }

    /** Full-width digits and punctuation (as a Chinese input method types them) as their ASCII twins. */
    public static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\uFFE5') {
                out.append('¥');
            } else if (c == '\u2212') {
                out.append('-');
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
