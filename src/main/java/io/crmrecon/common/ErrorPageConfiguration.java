package io.crmrecon.common;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.SimpleHash;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.freemarker.FreeMarkerProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerViewResolver;

/**
 * No error ever shows a browser or an API client an internal message or a stack trace. Every error that reaches
 * Spring Boot's {@code /error} (staff pages, 403s and 404s, failures outside a controller) gets an error id that
 * the page ({@code templates/error.ftlh}, in the user's language) shows and the log line of the failure carries.
 * The API's errors are problem+json from {@link ApiExceptionHandler}, with the same kind of id for a 5xx.
 *
 * <p>Templates are rendered into a buffer before anything is written, so a template that fails half way never
 * sends half a page: the response is still empty and the error page takes its place (FreeMarker rethrows,
 * {@code spring.freemarker.settings.template_exception_handler: rethrow}).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

    /** The request attribute that hands an error id from where the failure was logged to the error page. */
    static final String ERROR_ID = ErrorPageConfiguration.class.getName() + ".errorId";

    private static final Logger log = LoggerFactory.getLogger(ErrorPageConfiguration.class);

    @Bean
    ErrorAttributes errorAttributes() {
        return new WithErrorId();
    }

    /** Replaces Spring Boot's resolver (same name, same settings) only to buffer the rendering. */
    @Bean
    FreeMarkerViewResolver freeMarkerViewResolver(FreeMarkerProperties properties) {
        FreeMarkerViewResolver resolver = new FreeMarkerViewResolver();
        properties.applyToMvcViewResolver(resolver);
        resolver.setViewClass(BufferedFreeMarkerView.class);
        return resolver;
    }

    /**
     * Staff pages: a controller's unexpected exception is logged once, with its id, and becomes the 500 page.
     * Runs after Spring MVC's own resolvers (and {@link ApiExceptionHandler}) have declined it.
     */
    @Bean
    HandlerExceptionResolver unexpectedPageErrorHandler() {
        return new UnexpectedPageErrorHandler();
    }

    /** Logs an unexpected failure of a request with a new error id, and remembers the id for the error page. */
    static String logUnexpected(HttpServletRequest request, Throwable error) {
        String id = ErrorIds.next();
        request.setAttribute(ERROR_ID, id);
        log.error("Error id {}: {} {} failed", id, request.getMethod(), loggable(request.getRequestURI()), error);
        return id;
    }

    /** A path as logs and error pages may show it: the key in a customer's link ({@code /s/{token}}) left out. */
    static String loggable(String path) {
        return path == null ? null : path.replaceFirst("^(/s/)[^/]*", "$1…");
    }

    static final class UnexpectedPageErrorHandler implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                Object handler, Exception ex) {
            if (response.isCommitted()) {
                return null;
            }
            logUnexpected(request, ex);
            try {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Spring Boot's error attributes (never a message, an exception or a trace: see server.error in
     * application.yml) plus the error id, and for a 4xx that our own code raised with a reason meant for the user
     * ({@link ResponseStatusException}), that reason.
     */
    static final class WithErrorId extends DefaultErrorAttributes {

        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes = super.getErrorAttributes(request, options);
            Throwable error = getError(request);
            int status = attributes.get("status") instanceof Integer s ? s : 500;
            Object id = request.getAttribute(ERROR_ID, RequestAttributes.SCOPE_REQUEST);
            if (id == null) {
                id = ErrorIds.next();
                request.setAttribute(ERROR_ID, id, RequestAttributes.SCOPE_REQUEST);
                String path = loggable(String.valueOf(attributes.get("path")));
                if (status >= 500) {
                    log.error("Error id {}: {} on {}", id, status, path, error);
                } else {
                    log.info("Error id {}: {} on {}", id, status, path);
                }
            }
            if (attributes.get("path") instanceof String path) {
                attributes.put("path", loggable(path));
            }
            attributes.put("errorId", id);
            if (status < 500 && error instanceof ResponseStatusException e && e.getReason() != null) {
                attributes.put("reason", e.getReason());
            }
            return attributes;
        }
    }

    /** A FreeMarker view that writes nothing until the whole page rendered. */
    static class BufferedFreeMarkerView extends FreeMarkerView {

        /**
         * A view exposes its model as request attributes; when it failed, the error page comes in the same request
         * and must not meet them (its own helper, a "status" or "error" of the failed page).
         */
        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                request.removeAttribute(SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE);
                if (model != null) {
                    model.keySet().forEach(request::removeAttribute);
                }
            }
            super.render(model, request, response);
        }

        @Override
        protected void processTemplate(Template template, SimpleHash model, HttpServletResponse response)
                throws IOException, TemplateException {
            StringWriter page = new StringWriter(16 * 1024);
            template.process(model, page);
            response.getWriter().write(page.toString());
        }
    }
}
