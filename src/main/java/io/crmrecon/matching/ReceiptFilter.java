package io.crmrecon.matching;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportError;
import io.crmrecon.common.SpreadsheetValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters, sort and page of the unapplied-receipts list, read from request parameters. Every bad value is
 * named with its parameter (400), so a filtered link that was typed by hand says what is wrong.
 */
public record ReceiptFilter(LocalDate from, LocalDate to, BigDecimal amountMin, BigDecimal amountMax,
        String customer, ReceiptStatus status, String q, String sort, boolean descending, int page, int size) {

    public static final int MAX_SIZE = 1000;
    static final int DEFAULT_SIZE = 50;

    /** Sort keys a caller may name, and the column of the list each sorts by (id breaks ties). */
    static final Map<String, String> SORTS = sorts();

    private static Map<String, String> sorts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bookingDate", "booking_date");
        m.put("age", "booking_date");
        m.put("amount", "amount");
        m.put("remaining", "remaining");
        m.put("currency", "currency");
        m.put("payer", "counterparty_name");
        m.put("customer", "customer_code");
        m.put("status", "status");
        m.put("bankStatement", "bank_statement_id");
        m.put("transactionId", "transaction_id");
        return m;
    }

    public static ReceiptFilter none() {
        return new ReceiptFilter(null, null, null, null, null, null, null, "bookingDate", false, 0, DEFAULT_SIZE);
    }

    /** Reads the parameters; blank ones are absent. Throws a 400 naming each bad parameter. */
    public static ReceiptFilter parse(Map<String, String> params) {
        List<ImportError> errors = new ArrayList<>();
        LocalDate from = date(params, "from", errors);
        LocalDate to = date(params, "to", errors);
        BigDecimal min = amount(params, "amountMin", errors);
        BigDecimal max = amount(params, "amountMax", errors);
        ReceiptStatus status = null;
        String statusText = value(params, "status");
        if (statusText != null) {
            status = ReceiptStatus.parse(statusText);
            if (status == null) {
                errors.add(error("status", "status: '" + statusText + "' is not one of PARTLY_APPLIED, SUGGESTED, "
                        + "UNMATCHED, WAITING"));
            }
        }
        String sort = "bookingDate";
        boolean descending = false;
        String sortText = value(params, "sort");
        if (sortText != null) {
            String[] parts = sortText.split(",", 2);
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (!SORTS.containsKey(parts[0].trim()) || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(error("sort", "sort: '" + sortText + "' is not one of " + String.join(", ", SORTS.keySet())
                        + " (optionally followed by ,asc or ,desc)"));
            } else {
                sort = parts[0].trim();
                descending = direction.equals("desc");
            }
        }
        int page = integer(params, "page", 0, 0, Integer.MAX_VALUE, errors);
        int size = integer(params, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(error("to", "to: " + to + " is before from: " + from));
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(error("amountMax", "amountMax: " + max.toPlainString() + " is less than amountMin: "
                    + min.toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    String.join("; ", errors.stream().map(ImportError::message).toList()), errors);
        }
        return new ReceiptFilter(from, to, min, max, value(params, "customer"), status, value(params, "q"), sort,
                descending, page, size);
    }

    /** The same filters on another page or with another sort: for the links of a page. */
    public ReceiptFilter withPage(int page) {
        return new ReceiptFilter(from, to, amountMin, amountMax, customer, status, q, sort, descending, page, size);
    }

    /** The filters as query parameters (no page, no sort), for links that keep them. */
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "from", from == null ? null : from.toString());
        put(m, "to", to == null ? null : to.toString());
        put(m, "amountMin", amountMin == null ? null : amountMin.toPlainString());
        put(m, "amountMax", amountMax == null ? null : amountMax.toPlainString());
        put(m, "customer", customer);
        put(m, "status", status == null ? null : status.name());
        put(m, "q", q);
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static LocalDate date(Map<String, String> params, String name, List<ImportError> errors) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(error(name, name + ": '" + v + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static BigDecimal amount(Map<String, String> params, String name, List<ImportError> errors) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        BigDecimal amount = SpreadsheetValues.typedAmount(v);
        if (amount == null) {
            errors.add(error(name, name + ": '" + v + "' is not an amount (e.g. 1250.00)"));
        }
        return amount;
    }

    private static int integer(Map<String, String> params, String name, int absent, int min, int max,
            List<ImportError> errors) {
        String v = value(params, name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error(name, name + ": '" + v + "' is not a whole number from " + min + " to " + max));
        return absent;
    }

    private static ImportError error(String parameter, String message) {
        return new ImportError(null, parameter, null, message);
    }
}
