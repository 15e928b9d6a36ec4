package io.crmrecon.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload that says it is larger than {@code recon.import.max-file-size} is answered 413 without being stored: a
 * client that asks {@code Expect: 100-continue} (curl does for bodies over 1 MB) sends nothing at all; one that does
 * not has up to twice the limit read and thrown away, so it sees the answer (a larger one gets the 413 at once, and
 * Tomcat closes the connection after {@code server.tomcat.max-swallow-size}). An upload without a length (chunked)
 * is cut off by the multipart limits as it is read, and ApiExceptionHandler reads the rest of it (up to twice the
 * limit) before its 413, for the same reason. Callers who have not signed in never get here: Spring Security
 * answers them 401 first, and Tomcat reads no more than the swallow size of what they send.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitConfiguration {

    /** After Spring Security: an anonymous caller gets 401, and a clerk's oversized file 413, unread alike. */
    @Bean
    FilterRegistrationBean<DeclaredSize> uploadLimit(ImportProperties limits, ObjectMapper json) {
        FilterRegistrationBean<DeclaredSize> registration =
                new FilterRegistrationBean<>(new DeclaredSize(limits.maxFileSize().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} at once by default, before anyone has looked at the request: only
     * when the body is read, so that a refusal (401, 413) reaches the client before it sends anything.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueWhenTheBodyIsRead() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    /** Reads what is left of the request's body, up to {@code atMost} bytes, and keeps none of it. */
    static void drain(HttpServletRequest request, long atMost) {
        byte[] sink = new byte[64 * 1024];
        try {
            var in = request.getInputStream();
            for (long read = 0; read < atMost; ) {
                int n = in.read(sink);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was read another way: nothing left to do
        }
    }

    static final class DeclaredSize extends OncePerRequestFilter {

        private final long limit;
        private final ObjectMapper json;

        DeclaredSize(long limit, ObjectMapper json) {
            this.limit = limit;
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !StreamedUploadHandler.isMultipart(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared <= limit) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getHeader("Expect") == null && declared <= 2 * limit) {
                // a signed-in client that sends its body regardless (no Expect: 100-continue) reads our answer only
                // once it has sent it: read to the end, keeping nothing, so it gets the 413 and not a reset
                drain(request, declared);
            }
            // the same answer as for a file found too large while it was read
            ProblemDetail problem = ApiExceptionHandler.fileTooLarge();
            problem.setInstance(URI.create(request.getRequestURI()));
            byte[] body = json.writeValueAsBytes(problem);
            response.setStatus(413);
            response.setHeader("Connection", "close");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
