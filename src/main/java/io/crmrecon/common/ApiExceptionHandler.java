package io.crmrecon.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem+json: a user's mistake is a 4xx that says what is wrong, never a 500.
 * An unexpected failure is a 500 with a generic detail and an error id that its log line carries; its message and
 * stack trace stay in the log.
 *
 * <p>Only requests under {@code /api/} get problem+json here. For the staff pages the same exceptions keep their
 * status but end on the error page ({@link ErrorPageConfiguration}).
 *
 * <p>Import errors are answered by {@link ImportExceptionHandler}, in the caller's language.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final long maxFileSize;

    /** An upload over {@code recon.import.max-file-size}, found so while it was read or from its declared length. */
    static ProblemDetail fileTooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the file is larger than the configured limit (recon.import.max-file-size)");
        problem.setTitle("File too large");
        return problem;
    }

    ApiExceptionHandler(ImportProperties limits) {
        this.maxFileSize = limits.maxFileSize().toBytes();
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e, NativeWebRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return answer(problem, request);
    }

    /** An unknown sort property or similar in a query string is the caller's mistake. */
    @ExceptionHandler(org.springframework.data.mapping.PropertyReferenceException.class)
    ResponseEntity<Object> unknownProperty(org.springframework.data.mapping.PropertyReferenceException e,
            NativeWebRequest request) throws IOException {
        return answer(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()), request);
    }

    /** The engine refused the caller (Camunda authorization): the same 403 as Spring Security's. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Object> notAllowed(AuthorizationException e, NativeWebRequest request) throws IOException {
        return answer(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You do not have the right to do this"),
                request);
    }

    /** Anything else is our fault: logged with an id, answered without its message. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, NativeWebRequest request) throws Exception {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        if (servletRequest == null || !isApi(servletRequest)
                || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
            // declined: Spring MVC answers an exception's own @ResponseStatus, and for a staff page
            // ErrorPageConfiguration logs it and shows the error page
            throw e;
        }
        if (DatabaseOutage.isCause(e)) {
            log.warn("{} {}: the database cannot be reached ({})", servletRequest.getMethod(),
                    servletRequest.getRequestURI(), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(DatabaseOutage.problem());
        }
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(internalError(ErrorPageConfiguration.logUnexpected(servletRequest, e)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            // an upload without a length (chunked) found too large while it was read: the rest of it is read here,
            // or Tomcat's swallow limit could close the connection before the client has our answer
            UploadLimitConfiguration.drain(servlet.getRequest(), 2 * maxFileSize);
        }
        return handleExceptionInternal(ex, fileTooLarge(), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** A JSON body over {@code recon.import.max-json-size} (JsonBodyLimitConfiguration) is 413, not a parse error. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonBodyLimitConfiguration.TooLarge tooLarge) {
                Locale locale = LocaleContextHolder.getLocale();
                String size = DataSize.ofBytes(tooLarge.limit()).toMegabytes() + " MB";
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        text("api.body.too-large", new Object[] {size}, locale));
                problem.setTitle(text("api.body.too-large.title", null, locale));
                return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    private String text(String code, Object[] args, Locale locale) {
        MessageSource messages = getMessageSource();
        return messages == null ? code : messages.getMessage(code, args, code, locale);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ImportError> errors = ex.getFieldErrors().stream()
                .map(f -> new ImportError(null, f.getField(), null, f.getField() + " " + f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(ImportError::message).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Where every answer of Spring MVC's standard exceptions passes: a page gets the error page with the same
     * status; a 5xx (a missing path variable, a response that could not be written) never shows its detail.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (statusCode.is5xxServerError() && servletRequest != null) {
            String id = ErrorPageConfiguration.logUnexpected(servletRequest, ex);
            body = internalError(id);
            ((ProblemDetail) body).setStatus(statusCode.value());
        }
        if (servletRequest != null && !isApi(servletRequest)) {
            return sendError(statusCode, (NativeWebRequest) request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, NativeWebRequest request) throws IOException {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        if (servletRequest != null && !isApi(servletRequest)) {
            return sendError(HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Hands a staff page's error to the servlet container's error page (/error), keeping its status. */
    private static ResponseEntity<Object> sendError(HttpStatusCode status, NativeWebRequest request) {
        HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status.value());
            }
        } catch (IOException e) {
            // the client went away
        }
        return null;
    }

    private static ProblemDetail internalError(String errorId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Please quote error id " + errorId + " when you report it.");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
