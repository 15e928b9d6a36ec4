package io.crmrecon.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the length of the request, so that engine-rest and the
 * application's own engine calls are checked by Camunda authorization as that user. Not a bean: as a bean
 * Spring Boot would also register it for every URL outside the security chains.
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute, and so the FreeMarker model entry, holding the logged-in user's id. */
    static final String USER_ATTRIBUTE = "reconUser";

    private final IdentityService identityService;

    CamundaAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
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
