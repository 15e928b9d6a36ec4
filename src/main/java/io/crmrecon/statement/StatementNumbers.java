package io.crmrecon.statement;

import io.crmrecon.common.SpreadsheetValues;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement numbers a person can type into a bank transfer: {@code S2610-00427} — S, the period (yymm), a
 * sequence within the period and a last check digit (Luhn), so that a quoted number can be told from one keyed
 * wrong when matching learns statement numbers (not wired yet). Read back leniently: lower case, without the hyphen, with spaces or full-width digits.
 */
final class StatementNumbers {

    private static final Pattern QUOTED = Pattern.compile("(?<![A-Z0-9])S[\\s-]?(\\d{4})[\\s-]?(\\d{4,9})(?![0-9])");

    private StatementNumbers() {
    }

    /** The number of the {@code sequence}-th statement (from 1) of a period. */
    static String of(YearMonth period, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("a statement sequence starts at 1: " + sequence);
        }
        String serial = String.format("%04d", sequence);
        String body = String.format("%02d%02d", period.getYear() % 100, period.getMonthValue()) + serial;
        return "S" + body.substring(0, 4) + "-" + serial + checkDigit(body);
    }

    /** A statement number written in a text, normalised to its canonical form, when its check digit holds. */
    static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = QUOTED.matcher(SpreadsheetValues.halfWidth(text).toUpperCase(java.util.Locale.ROOT));
        while (m.find()) {
            String period = m.group(1);
            String rest = m.group(2);
            String serial = rest.substring(0, rest.length() - 1);
            int check = rest.charAt(rest.length() - 1) - '0';
            int month = Integer.parseInt(period.substring(2));
            if (month >= 1 && month <= 12 && checkDigit(period + serial) == check) {
                return Optional.of("S" + period + "-" + serial + check);
            }
        }
        return Optional.empty();
    }

    /** Luhn over the digits, so one wrong digit and most swaps of neighbours are caught. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
