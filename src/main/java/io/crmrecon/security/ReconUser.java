package io.crmrecon.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * The logged-in Camunda identity user as Spring Security's principal. It carries the groups and tenants so that
 * each request can hand them to the engine without querying the identity tables again. Serializable because
 * form logins keep it in the HTTP session.
 */
record ReconUser(String id, List<String> groupIds, List<String> tenantIds) implements Principal, Serializable {

    ReconUser {
        groupIds = List.copyOf(groupIds);
        tenantIds = List.copyOf(tenantIds);
    }

    @Override
    public String getName() {
        return id;
    }
}
