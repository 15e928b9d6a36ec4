package io.crmrecon.common;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An import that fails answers 422 problem+json naming every bad row and column, its texts in the caller's
 * language (LocaleConfiguration: {@code ?lang=}, cookie, Accept-Language, else Chinese). The shape of each
 * error stays {@code row, column, line, message}. First among the advices, so no catch-all takes these.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportExceptionHandler {

    private final MessageSource messages;

    ImportExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportException.class)
    ProblemDetail importFailed(ImportException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ImportError> errors = e.errors().stream()
                .map(error -> new ImportError(error.row(), error.column(), error.line(), text(error, locale)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                summary(e, errors, locale));
        problem.setTitle(messages.getMessage("import.title", null, "The file cannot be imported", locale));
        problem.setProperty("errors", errors);
        return problem;
    }

    private String text(ImportError error, Locale locale) {
        return error.code() == null ? error.message()
                : messages.getMessage(error.code(), error.args().toArray(), error.message(), locale);
    }

    private String summary(ImportException e, List<ImportError> localised, Locale locale) {
        if (localised.size() == 1) {
            return localised.get(0).message();
        }
        if (e.summaryCode() == null) {
            return e.getMessage() + " (" + localised.size() + " errors)";
        }
        String summary = messages.getMessage(e.summaryCode(), e.summaryArgs().toArray(), e.getMessage(), locale);
        return e.summaryCode().equals(ImportException.ROWS_INVALID) ? summary : summary + " (" + localised.size() + ")";
    }
}
