package io.crmrecon.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an imported file, located the way a person finds it: spreadsheet row (header = 1) and
 * column for tables, line for XML and MT940. Absent coordinates are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(Integer row, String column, Integer line, String message) {

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
}
