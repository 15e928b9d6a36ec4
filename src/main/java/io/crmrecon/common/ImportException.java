package io.crmrecon.common;

import java.util.List;

/**
 * A file that cannot be imported as it is; answered with 422 and every error found, nothing stored.
 */
public class ImportException extends RuntimeException {

    private final List<ImportError> errors;

    public ImportException(String message, List<ImportError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public ImportException(String message) {
        this(message, List.of(ImportError.ofFile(message)));
    }

    public List<ImportError> errors() {
        return errors;
    }
}
