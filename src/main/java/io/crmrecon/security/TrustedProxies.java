package io.crmrecon.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} headers (client address, scheme, host) believed only from the
 * configured reverse proxies ({@code recon.security.trusted-proxies}); from any other peer they are dropped, so
 * nobody can claim another client address (a confirmation records the customer's IP for auditors) or make the app
 * build links to another host. The first filter of all, before Spring Security.
 */
class TrustedProxies extends OncePerRequestFilter {

    private final List<IpAddressMatcher> proxies;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter drop = new ForwardedHeaderFilter();

    TrustedProxies(List<String> proxies) {
        this.proxies = proxies.stream().map(String::trim).filter(p -> !p.isEmpty()).map(IpAddressMatcher::new)
                .toList();
        drop.setRemoveOnly(true);
    }

    boolean isTrusted(String peer) {
        return peer != null && proxies.stream().anyMatch(p -> p.matches(peer));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        (isTrusted(request.getRemoteAddr()) ? honour : drop).doFilter(request, response, chain);
    }

    // the forwarded view of the request must hold in error and async dispatches too (ForwardedHeaderFilter's own
    // handling of them applies)
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
