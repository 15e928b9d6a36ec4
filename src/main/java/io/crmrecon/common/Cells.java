package io.crmrecon.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Parses the cells of an imported row by the rules of the contract, recording an error per bad cell instead of
 * stopping at the first, so that one answer names every bad row and column. Errors carry message codes
 * (messages/errors.properties, keys {@code import.*}); the column is always the first argument.
 */
public final class Cells {

    private final TabularFile.TabularRow row;
    private final List<ImportError> errors;

    public Cells(TabularFile.TabularRow row, List<ImportError> errors) {
        this.row = row;
        this.errors = errors;
        if (row.overflow()) {
            errors.add(ImportError.inRow(row.rowNumber(), "import.row.overflow"));
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
            invalid(column, "import.cell.required");
        }
        return v;
    }

    public String maxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            invalid(column, "import.cell.too-long", max);
            return null;
        }
        return value;
    }

    /** ISO dates, and the year-first forms spreadsheets write (yyyy/M/d, yyyy-M-d, yyyy年M月d日). */
    public LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        LocalDate date = SpreadsheetValues.date(v);
        if (date == null) {
            invalid(column, "import.date.format", v);
        }
        return date;
    }

    public Integer integer(String column, int min, int max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(SpreadsheetValues.halfWidth(v));
            if (i < min || i > max) {
                invalid(column, "import.cell.range", v, min, max);
                return null;
            }
            return i;
        } catch (NumberFormatException e) {
            invalid(column, "import.cell.integer", v);
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
                invalid(column, "import.cell.boolean", v);
                yield null;
            }
        };
    }

    /**
     * A decimal with '.' as separator and at most the currency's minor digits (any currency if null); ','
     * between thousands and one leading currency sign that fits the currency are allowed.
     */
    public BigDecimal amount(String column, String currency, boolean positive) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        SpreadsheetValues.Amount parsed = SpreadsheetValues.amount(v, currency);
        if (parsed.problem() != null) {
            invalid(column, parsed.problem().code, v, currency == null ? "" : currency);
            return null;
        }
        BigDecimal amount = parsed.value();
        if (positive && amount.signum() <= 0) {
            invalid(column, "import.amount.positive", v);
            return null;
        }
        if (currency != null && Money.isCurrency(currency) && amount.scale() > Money.minorDigits(currency)) {
            invalid(column, "import.amount.decimals", v, Money.minorDigits(currency), currency);
            return null;
        }
        return amount;
    }

    /** An error in this row's cell; the code's first argument is the column, then {@code args}. */
    public void invalid(String column, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = column;
        System.arraycopy(args, 0, all, 1, args.length);
        errors.add(ImportError.cell(row.rowNumber(), column, code, all));
    }

    /** An error in plain text, prefixed with the column (for readers whose texts have no code yet). */
    public void error(String column, String message) {
        errors.add(ImportError.atCell(row.rowNumber(), column, column + " " + message));
    }
}
