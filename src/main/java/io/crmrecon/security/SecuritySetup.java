package io.crmrecon.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Groups, users, authorizations and Tasklist filters, created at start-up through the engine's services. It runs
 * without a Camunda authentication on this thread, so the engine does not check it; every step looks before it
 * writes, so a restart (or a second run) creates nothing twice. It runs once the engine exists and before the
 * web server takes requests: Camunda's webapps offer their "create the first admin" page to anyone who comes
 * while no administrator exists.
 */
@Component
class SecuritySetup implements SmartInitializingSingleton {

    private final IdentitySetup identity;
    private final AuthorizationSetup authorizations;
    private final TaskFilterSetup filters;

    SecuritySetup(IdentitySetup identity, AuthorizationSetup authorizations, TaskFilterSetup filters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        identity.run();
        authorizations.run();
        filters.run();
    }
}
