package io.crmrecon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * One login for the whole application: the staff pages keep no login of their own but read the Camunda webapps'
 * one, which the webapps keep in the HTTP session ({@link Authentications} under "authenticatedUser", one
 * {@link UserAuthentication} per engine). So
 * <ul>
 *   <li>a user logged in to Tasklist, Cockpit or Admin is logged in on the staff pages (with the groups the
 *       webapps found for him);</li>
 *   <li>a form login on the app's own /login page is written there, so the webapps need no second login;</li>
 *   <li>Camunda's logout removes it, so the staff pages then see nobody; the app's /logout invalidates the
 *       session, which ends both.</li>
 * </ul>
 * Camunda's login gives the session a new id and carries only its authentications over; Spring Security's
 * session fixation protection changes the id and keeps every attribute. Either way the login survives.
 * HTTP Basic requests are not saved here (Spring keeps those per request), so a script never creates a login.
 */
class CamundaSessionSecurityContextRepository implements SecurityContextRepository {

    /** The attribute the webapps keep their authentications in (AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
    static final String SESSION_KEY = "authenticatedUser";

    private final ProcessEngine engine;

    CamundaSessionSecurityContextRepository(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;
            private boolean generated;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    Authentication authentication = read(request);
                    generated = authentication == null;
                    context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                    context.setAuthentication(authentication);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                get();
                return generated;
            }
        };
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ReconUser user)) {
            // nothing to keep; logging out invalidates the session, which ends the webapps' login as well
            return;
        }
        HttpSession session = request.getSession(true);
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        var existing = authentications.getAuthenticationForProcessEngine(engine.getName());
        if (existing != null && user.id().equals(existing.getIdentityId())) {
            return;
        }
        // the webapps' own login does the same: groups, tenants and the apps the user may open
        UserAuthentication webappLogin = AuthenticationUtil.createAuthentication(engine, user.id(),
                user.groupIds(), user.tenantIds());
        if (webappLogin != null) {
            authentications.addOrReplace(webappLogin);
            AuthenticationUtil.updateSession(session, authentications);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return read(request) != null;
    }

    private Authentication read(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof Authentications authentications)) {
            return null;
        }
        if (!(authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication login)) {
            return null;
        }
        List<String> groupIds = login.getGroupIds() == null ? List.of() : login.getGroupIds();
        List<String> tenantIds = login.getTenantIds() == null ? List.of() : login.getTenantIds();
        ReconUser user = new ReconUser(login.getIdentityId(), groupIds, tenantIds);
        var authorities = groupIds.stream()
                .map(g -> new SimpleGrantedAuthority(ReconGroups.AUTHORITY_PREFIX + g))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
