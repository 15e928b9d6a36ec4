package io.crmrecon.common;

import java.util.List;

/**
 * A file that cannot be imported as it is; answered with 422 and every error found, nothing stored. The summary
 * is a message code ({@link #summaryCode}) when the errors are coded, so the answer is in the caller's language.
 */
public class ImportException extends RuntimeException {

    /** The summary of several bad rows: "{0} rows are not valid". */
    public static final String ROWS_INVALID = "import.rows-invalid";

    private final List<ImportError> errors;
    private final String summaryCode;
    private final List<String> summaryArgs;

    public ImportException(String message, List<ImportError> errors) {
        this(message, errors, null, List.of());
    }

    public ImportException(String message) {
        this(message, List.of(ImportError.ofFile(message)));
    }

    private ImportException(String message, List<ImportError> errors, String summaryCode, List<String> summaryArgs) {
        super(message);
        this.errors = List.copyOf(errors);
        this.summaryCode = summaryCode;
        this.summaryArgs = List.copyOf(summaryArgs);
    }

    /** Rows or cells that are not valid; the summary names how many rows. */
    public static ImportException ofRows(List<ImportError> errors) {
        List<String> args = List.of(Long.toString(rowCount(errors)));
        return new ImportException(ImportMessages.english(ROWS_INVALID, args), errors, ROWS_INVALID, args);
    }

    /** Something wrong with the file as a whole, its text from a message code. */
    public static ImportException ofFile(String code, Object... args) {
        ImportError error = ImportError.file(code, args);
        return new ImportException(error.message(), List.of(error), null, List.of());
    }

    /** Several errors under one coded summary (e.g. the header's). */
    public static ImportException of(String summaryCode, List<ImportError> errors) {
        return new ImportException(ImportMessages.english(summaryCode, List.of()), errors, summaryCode, List.of());
    }

    public List<ImportError> errors() {
        return errors;
    }

    /** Null when the summary is plain text (the exception's message). */
    public String summaryCode() {
        return summaryCode;
    }

    public List<String> summaryArgs() {
        return summaryArgs;
    }

    /** How many distinct rows the errors name (errors without a row count once). */
    public long rowCount() {
        return rowCount(errors);
    }

    private static long rowCount(List<ImportError> errors) {
        return errors.stream().map(ImportError::row).distinct().count();
    }
}
