package io.crmrecon.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations each group needs (authorization is enabled). Grants are added: a permission an
 * administrator added in Camunda Admin stays, one already there is not written twice. The one exception is
 * starting the processes the application starts itself ({@link #STARTED_BY_THE_APP}), which clerks and managers
 * must not have; clerks start statement runs only ({@link #STARTED_BY_CLERKS}).
 *
 * <p>Clerks need no task grant here: the engine gives a task's candidate groups, candidate users and assignee
 * READ and the default task permission (UPDATE: claim, complete) on that task when the link is made (its
 * DefaultAuthorizationProvider). So clerks see and work exactly the tasks the BPMN offers to {@code clerks};
 * managers read them all (below).
 */
@Component
class AuthorizationSetup {

    /**
     * Process definitions that only the application starts (an import, POST /api/matching/runs): a clerk or manager
     * who could create instances of them could start one with any variables through engine-rest or Tasklist.
     * Earlier versions granted CREATE_INSTANCE on them; start-up takes it back.
     */
    static final List<String> STARTED_BY_THE_APP = List.of("paymentMatching", "matchingRun", "manualMatchBatch",
            "customerStatement", "monthlyStatementRun", "disputeHandling", "settlement");

    /** What clerks start themselves: a statement run, from Tasklist's start form (CONTRACT.md §1). */
    static final String STARTED_BY_CLERKS = "statementRun";

    private record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    /** What a clerk and a manager both need for Tasklist and a read-only Cockpit; they start no process themselves. */
    private static final List<Grant> STAFF = List.of(
            new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            // Cockpit lists definitions, their running instances and history; Tasklist shows process names
            new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
            // BPMN diagrams in Cockpit and the deployed Camunda Forms in Tasklist are deployment resources
            new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
            // the DMN tables (routing, approval limits, reminder schedule) in Cockpit
            new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            // names instead of ids for assignees, and picking a colleague when delegating a task
            new Grant(Resources.USER, ANY, Permissions.READ));

    /**
     * Managers watch every task read-only: Cockpit's Human Tasks (the engine's task report demands READ on every
     * task) and a process instance's User Tasks tab, with the counts clerks see in Tasklist. READ gives no claim
     * or complete; the BPMN's candidate groups still decide who works a task.
     */
    private static final List<Grant> MANAGERS_ONLY = List.of(
            new Grant(Resources.TASK, ANY, Permissions.READ));

    private final AuthorizationService authorizationService;

    AuthorizationSetup(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    void run() {
        // Camunda Admin's own set-up gives camunda-admin ALL on every resource; the starter does so only with
        // camunda.bpm.admin-user, which we do not use (it would put a password into every profile).
        for (Resources resource : Resources.values()) {
            grant(ReconGroups.ADMINS, new Grant(resource, ANY, Permissions.ALL));
        }
        for (String group : List.of(ReconGroups.CLERKS, ReconGroups.MANAGERS)) {
            STAFF.forEach(g -> grant(group, g));
            STARTED_BY_THE_APP.forEach(key -> revoke(group, Resources.PROCESS_DEFINITION, key,
                    ProcessDefinitionPermissions.CREATE_INSTANCE));
        }
        revoke(ReconGroups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        revoke(ReconGroups.MANAGERS, Resources.PROCESS_DEFINITION, STARTED_BY_CLERKS,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        // starting an instance takes both: CREATE on instances, CREATE_INSTANCE on that one definition only
        grant(ReconGroups.CLERKS, new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
        grant(ReconGroups.CLERKS, new Grant(Resources.PROCESS_DEFINITION, STARTED_BY_CLERKS,
                ProcessDefinitionPermissions.CREATE_INSTANCE));
        MANAGERS_ONLY.forEach(g -> grant(ReconGroups.MANAGERS, g));
    }

    /** Grants READ on one Tasklist filter to a group; without it the group does not see the filter. */
    void grantFilterRead(String group, String filterId) {
        grant(group, new Grant(Resources.FILTER, filterId, Permissions.READ));
    }

    /** Takes back a permission that earlier versions granted. */
    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing == null || !existing.isPermissionGranted(permission)) {
            return;
        }
        existing.removePermission(permission);
        authorizationService.saveAuthorization(existing);
    }

    private void grant(String group, Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean changed = existing == null;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
