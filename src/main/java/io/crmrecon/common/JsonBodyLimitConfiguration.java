package io.crmrecon.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the JSON bodies of the API ({@code recon.import.max-json-size}): reading past the limit fails with
 * {@link TooLarge}, which {@link ApiExceptionHandler} answers with 413. The body is counted as it is read, never
 * buffered here, so a chunked body is capped as well as one with a Content-Length.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodyLimitConfiguration {

    /** After Spring Security: an anonymous caller gets 401 before any of its body is read. */
    @Bean
    FilterRegistrationBean<LimitFilter> jsonBodyLimit(ImportProperties limits) {
        FilterRegistrationBean<LimitFilter> registration =
                new FilterRegistrationBean<>(new LimitFilter(limits.maxJsonSize()));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** The body went past the limit; an IOException so that Spring MVC hands it on as the cause of its own. */
    static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("the JSON body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final long limit;

        LimitFilter(DataSize limit) {
            this.limit = limit.toBytes();
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            if (type == null) {
                return true;
            }
            try {
                MediaType media = MediaType.parseMediaType(type);
                return !(MediaType.APPLICATION_JSON.includes(media) || media.getSubtype().endsWith("+json"));
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new Limited(request, limit), response);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                if (getContentLengthLong() > limit) {
                    throw new TooLarge(limit);
                }
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
