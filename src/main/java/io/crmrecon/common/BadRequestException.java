package io.crmrecon.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the user can correct: answered with its status (400 unless said otherwise) and the reason. */
public class BadRequestException extends RuntimeException {

    private final HttpStatus status;
    private final List<ImportError> errors;

    public BadRequestException(String message) {
        this(HttpStatus.BAD_REQUEST, message, List.of());
    }

    public BadRequestException(HttpStatus status, String message, List<ImportError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static BadRequestException notFound(String message) {
        return new BadRequestException(HttpStatus.NOT_FOUND, message, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<ImportError> errors() {
        return errors;
    }
}
