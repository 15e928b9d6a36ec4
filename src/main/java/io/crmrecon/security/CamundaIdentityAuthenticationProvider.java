package io.crmrecon.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the Camunda identity service, so there is one user store for the API,
 * the staff pages and the Camunda webapps. Camunda's own lock-out after failed attempts applies here as well.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return check(authentication);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // the user store could not be read (the database is down): no verdict on the password, so no 401
            throw new InternalAuthenticationServiceException("the user store cannot be read", e);
        }
    }

    private Authentication check(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? null : credentials.toString();
        if (userId == null || userId.isBlank() || password == null
                || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        List<String> tenantIds = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream()
                .map(Tenant::getId)
                .toList();
        ReconUser user = new ReconUser(userId, groupIds, tenantIds);
        var authorities = groupIds.stream()
                .map(g -> new SimpleGrantedAuthority(ReconGroups.AUTHORITY_PREFIX + g))
                .toList();
        var result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
