package io.crmrecon.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the length of the request, so that engine-rest, the webapps'
 * pages and the staff pages' engine calls are checked by Camunda authorization as that user. Not for the app's JSON
 * API: what it starts (a matching run's paymentMatching) it starts itself, after Spring Security's rules, so clerks
 * need no CREATE_INSTANCE, which would also let them start those processes with any variables through engine-rest
 * or Tasklist. Not a bean: as a bean Spring Boot would also register it for every URL outside the security chains.
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute, and so the FreeMarker model entry, holding the logged-in user's id. */
    static final String USER_ATTRIBUTE = "reconUser";

    private final IdentityService identityService;
    private final RequestMatcher applies;

    CamundaAuthenticationFilter(IdentityService identityService) {
        this(identityService, AnyRequestMatcher.INSTANCE);
    }

    /** @param applies the requests whose engine calls are the user's; others run as the application */
    CamundaAuthenticationFilter(IdentityService identityService, RequestMatcher applies) {
        this.identityService = identityService;
        this.applies = applies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ReconUser user)) {
            chain.doFilter(request, response);
            return;
        }
        // the staff pages' top bar (templates/layout.ftlh) names the user
        request.setAttribute(USER_ATTRIBUTE, user.id());
        identityService.setAuthentication(user.id(), user.groupIds(), user.tenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
