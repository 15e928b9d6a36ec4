package io.crmrecon.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the cells of an imported row by the rules of the contract, recording an error per bad cell instead of
 * stopping at the first, so that one answer names every bad row and column.
 */
public final class Cells {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final TabularFile.TabularRow row;
    private final List<ImportError> errors;

    public Cells(TabularFile.TabularRow row, List<ImportError> errors) {
        this.row = row;
        this.errors = errors;
        if (row.overflow()) {
            errors.add(ImportError.atRow(row.rowNumber(), "the row has more cells than the header: "
                    + "is a value with a comma (such as 12,800.00) not in quotes?"));
        }
    }

    public int row() {
        return row.rowNumber();
    }

    public boolean has(String column) {
        return row.has(column);
    }

    /** The text, or null when the column is absent or the cell empty. */
    public String text(String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    public String required(String column) {
        String v = text(column);
        if (v == null) {
            error(column, "is required");
        }
        return v;
    }

    public String maxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            error(column, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    public LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(column, "'" + v + "' is not a date in the form yyyy-MM-dd");
            return null;
        }
    }

    public Integer integer(String column, int min, int max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                error(column, "'" + v + "' must be between " + min + " and " + max);
                return null;
            }
            return i;
        } catch (NumberFormatException e) {
            error(column, "'" + v + "' is not a whole number");
            return null;
        }
    }

    public Boolean bool(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "是" -> Boolean.TRUE;
            case "false", "no", "0", "否" -> Boolean.FALSE;
            default -> {
                error(column, "'" + v + "' is not true or false");
                yield null;
            }
        };
    }

    /** A decimal with '.' as separator and at most the currency's minor digits (any currency if null). */
    public BigDecimal amount(String column, String currency, boolean positive) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (!DECIMAL.matcher(v).matches()) {
            error(column, "'" + v + "' is not an amount (digits with '.' as decimal separator)");
            return null;
        }
        BigDecimal amount = new BigDecimal(v);
        if (positive && amount.signum() <= 0) {
            error(column, "'" + v + "' must be greater than zero");
            return null;
        }
        if (currency != null && Money.isCurrency(currency) && amount.scale() > Money.minorDigits(currency)) {
            error(column, "'" + v + "' has more than " + Money.minorDigits(currency) + " decimals for " + currency);
            return null;
        }
        return amount;
    }

    public void error(String column, String message) {
        errors.add(ImportError.atCell(row.rowNumber(), column, column + " " + message));
    }
}
