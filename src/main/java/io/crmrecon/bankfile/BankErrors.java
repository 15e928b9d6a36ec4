package io.crmrecon.bankfile;

import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of one bank file, each a message code ({@code import.bank.*} in messages/errors) with its line as the
 * first argument, so that the answer is in the caller's language. At most {@value #MAX} are kept: a file that is
 * wrong throughout is named by its first hundred errors.
 */
final class BankErrors {

    static final int MAX = 100;

    private final List<ImportError> errors = new ArrayList<>();

    /** An error on a line: the code's text gets the line as {0} and then {@code args}. */
    static ImportError at(Integer line, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = line == null ? "" : line;
        System.arraycopy(args, 0, all, 1, args.length);
        ImportError english = ImportError.file(code, all);
        return new ImportError(null, null, line, english.message(), english.code(), english.args());
    }

    /** The whole file refused for one error on a line. */
    static ImportException refuse(Integer line, String code, Object... args) {
        ImportError error = at(line, code, args);
        return new ImportException(error.message(), List.of(error));
    }

    void add(int line, String code, Object... args) {
        if (errors.size() < MAX) {
            errors.add(at(line, code, args));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    /**
     * Refuses the file with every error found, sorted by line. The summary ({@code summaryCode}, e.g. "errors in
     * the MT940 file, nothing was imported") does not count them: the answer adds the count once.
     */
    ImportException refuse(String summaryCode, boolean byLine) {
        List<ImportError> sorted = new ArrayList<>(errors);
        if (byLine) {
            sorted.sort(java.util.Comparator.comparing(ImportError::line));
        }
        if (sorted.size() == 1) {
            return new ImportException(sorted.get(0).message(), sorted);
        }
        return ImportException.of(summaryCode, sorted);
    }
}
