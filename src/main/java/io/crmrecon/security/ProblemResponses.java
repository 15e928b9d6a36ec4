package io.crmrecon.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as RFC 9457 problem details; a 401 never redirects, it asks for Basic credentials. */
final class ProblemResponses {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    static final String REALM = "crm-recon";

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof InternalAuthenticationServiceException) {
                // the password could not be checked at all: the caller is asked to come back, not to log in again
                if (DatabaseOutage.isCause(e)) {
                    log.warn("{} {}: the database cannot be reached to check a login ({})", request.getMethod(),
                            request.getRequestURI(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                } else {
                    log.error("{} {}: a login could not be checked", request.getMethod(), request.getRequestURI(), e);
                }
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
                write(json, request, response, DatabaseOutage.problem());
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            write(json, request, response,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Authentication required"));
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) ->
                write(json, request, response,
                        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You do not have the right to do this"));
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException ignored) {
            // a path that is not a valid URI reference: leave instance out
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
