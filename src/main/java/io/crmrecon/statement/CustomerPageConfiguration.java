package io.crmrecon.statement;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customer's pages are reached with a secret in their URL: nothing of them is cached, no other site learns the
 * URL as a referrer, and the page runs no script or style but its own files (CONTRACT.md §5).
 */
@Configuration(proxyBeanMethods = false)
class CustomerPageConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    FilterRegistrationBean<Headers> customerPageHeaders() {
        FilterRegistrationBean<Headers> registration = new FilterRegistrationBean<>(new Headers());
        registration.addUrlPatterns("/s/*");
        // after TrustedProxies, before Spring Security, which then leaves headers already set alone
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimited> customerPageRateLimit(StatementSettings settings, Clock clock,
            MeterRegistry meters) {
        FilterRegistrationBean<RateLimited> registration = new FilterRegistrationBean<>(new RateLimited(
                new PageRateLimit(settings.pageRateLimit(), clock),
                Counter.builder("recon.customer.page.refused").description(
                        "requests to the customer's pages refused because their address asked too often")
                        .register(meters)));
        registration.addUrlPatterns("/s/*");
        // after the headers (the refusal carries them too), before anything reads the request
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    PageConcurrency customerPageTurns(StatementSettings settings, MeterRegistry meters) {
        PageConcurrency concurrency = new PageConcurrency(settings.pageConcurrency(), settings.pageMaxWait());
        Gauge.builder("recon.customer.page.waiting", concurrency::waiting)
                .description("requests to the customer's pages waiting for their turn").register(meters);
        return concurrency;
    }

    @Bean
    FilterRegistrationBean<InTurn> customerPageConcurrency(PageConcurrency concurrency, MeterRegistry meters) {
        FilterRegistrationBean<InTurn> registration = new FilterRegistrationBean<>(new InTurn(concurrency,
                Counter.builder("recon.customer.page.busy").description(
                        "requests to the customer's pages answered 503: no turn came free in time").register(meters)));
        registration.addUrlPatterns("/s/*");
        // after the rate limit: a flood is refused at once instead of queueing
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * A refusal's page, laid out as the page for a link that opens nothing (customer/not-found.ftlh): both languages,
     * and neither the path nor the token echoed.
     */
    static String tryAgainPage(String id, String chinese, String english) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>请稍后再试 · Please try again shortly</title>"
                + "<link rel=\"stylesheet\" href=\"/css/customer.css\"></head><body>"
                + "<main class=\"not-found\" id=\"" + id + "\">"
                + "<section lang=\"zh-CN\"><h1>请稍后再试</h1><p>" + chinese + "</p></section>"
                + "<section lang=\"en\"><h1>Please try again shortly</h1><p>" + english + "</p></section>"
                + "</main></body></html>";
    }

    static void refuse(HttpServletResponse response, int status, long retryAfterSeconds, String page)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }

    /** Lets requests in a few at a time ({@link PageConcurrency}); 503 with Retry-After when the wait runs out. */
    static final class InTurn extends OncePerRequestFilter {

        private static final String PAGE = tryAgainPage("busy", "现在查看对账单的客户很多，请稍后再试。",
                "Many customers are looking at their statements right now. Please try again in a moment.");

        private final PageConcurrency concurrency;
        private final Counter busy;

        InTurn(PageConcurrency concurrency, Counter busy) {
            this.concurrency = concurrency;
            this.busy = busy;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var turn = concurrency.enter();
            if (turn.isPresent()) {
                try (PageConcurrency.Turn t = turn.get()) {
                    chain.doFilter(request, response);
                }
                return;
            }
            busy.increment();
            refuse(response, 503, 5, PAGE);
        }
    }

    /** Answers 429 with Retry-After to an address over its limit; it names neither the path nor the token. */
    static final class RateLimited extends OncePerRequestFilter {

        private static final String PAGE = tryAgainPage("too-many", "来自您网络的请求过于频繁，请一分钟后再试。",
                "Too many requests came from your network. Please try again in a minute.");

        private final PageRateLimit limit;
        private final Counter refused;

        RateLimited(PageRateLimit limit, Counter refused) {
            this.limit = limit;
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long wait = limit.waitSeconds(request.getRemoteAddr());
            if (wait == 0) {
                chain.doFilter(request, response);
                return;
            }
            refused.increment();
            refuse(response, 429, wait, PAGE);
        }
    }

    static final class Headers extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(request, response);
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }
}
