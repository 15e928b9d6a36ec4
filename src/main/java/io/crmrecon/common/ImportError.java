package io.crmrecon.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with an imported file, located the way a person finds it: spreadsheet row (header = 1) and
 * column for tables, line for XML and MT940. Absent coordinates are left out of the JSON.
 *
 * <p>An error made with a message code carries the code and its arguments: {@code message} is the English text,
 * and the API answers in the caller's language from the same code. Errors without a code keep their text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(Integer row, String column, Integer line, String message,
        @JsonIgnore String code, @JsonIgnore List<String> args) {

    public ImportError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public ImportError(Integer row, String column, Integer line, String message) {
        this(row, column, line, message, null, List.of());
    }

    public static ImportError atCell(int row, String column, String message) {
        return new ImportError(row, column, null, message);
    }

    public static ImportError atRow(int row, String message) {
        return new ImportError(row, null, null, message);
    }

    public static ImportError atLine(Integer line, String message) {
        return new ImportError(null, null, line, message);
    }

    public static ImportError ofFile(String message) {
        return new ImportError(null, null, null, message);
    }

    /** An error in one cell, its text from {@code code} (messages/errors, customer or ledger). */
    public static ImportError cell(int row, String column, String code, Object... args) {
        return coded(row, column, null, code, args);
    }

    /** An error of a whole row. */
    public static ImportError inRow(int row, String code, Object... args) {
        return coded(row, null, null, code, args);
    }

    /** An error of the file as a whole. */
    public static ImportError file(String code, Object... args) {
        return coded(null, null, null, code, args);
    }

    /** The same error reported under another column name (e.g. a JSON field for a CSV column). */
    public ImportError inColumn(String name) {
        return new ImportError(row, name, line, message, code, args);
    }

    private static ImportError coded(Integer row, String column, Integer line, String code, Object... args) {
        List<String> texts = Arrays.stream(args).map(a -> Objects.toString(a, "")).toList();
        return new ImportError(row, column, line, ImportMessages.english(code, texts), code, texts);
    }
}
