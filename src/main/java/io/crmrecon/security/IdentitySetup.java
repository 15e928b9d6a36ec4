package io.crmrecon.security;

import io.crmrecon.common.ReconProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The groups, and the users that exist before anyone can log in to Camunda Admin: the demo users, or in
 * production only the first administrator named by {@code RECON_ADMIN_USER}/{@code RECON_ADMIN_PASSWORD}
 * ({@code recon.security.admin.*}; the postgres profile does not start without them: {@link AdminCredentialsCheck}).
 * Existing users and memberships are left as they are, so a password changed in Admin survives a restart.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private record Person(String id, String firstName, String lastName, String email, String group) {
    }

    private static final List<Person> DEMO_USERS = List.of(
            new Person("admin", "Wang", "Admin", "admin@example.com", ReconGroups.ADMINS),
            new Person("clerk", "Li", "Clerk", "clerk@example.com", ReconGroups.CLERKS),
            new Person("manager", "Zhang", "Manager", "manager@example.com", ReconGroups.MANAGERS));

    private final IdentityService identityService;
    private final boolean demoUsers;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identityService, ReconProperties settings, SecurityProperties security) {
        this.identityService = identityService;
        this.demoUsers = settings.demoUsers();
        this.adminUser = security.admin().user().trim();
        this.adminPassword = security.admin().password();
    }

    void run() {
        ensureGroup(ReconGroups.ADMINS, "Camunda 管理员 / Administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(ReconGroups.CLERKS, "对账专员 / Clerks", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ReconGroups.MANAGERS, "财务经理 / Managers", Groups.GROUP_TYPE_WORKFLOW);
        if (demoUsers) {
            // the password is the user name: for the zero-install demo only, never in the postgres profile
            DEMO_USERS.forEach(p -> ensureUser(p, p.id()));
        }
        if (!adminUser.isEmpty() && !adminPassword.isEmpty()) {
            ensureUser(new Person(adminUser, adminUser, null, null, ReconGroups.ADMINS), adminPassword);
        }
        if (identityService.createUserQuery().memberOfGroup(ReconGroups.ADMINS).count() == 0) {
            log.warn("No user in group {}: set RECON_ADMIN_USER and RECON_ADMIN_PASSWORD to create the first one",
                    ReconGroups.ADMINS);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        log.info("Created group {}", id);
    }

    private void ensureUser(Person person, String password) {
        if (identityService.createUserQuery().userId(person.id()).count() == 0) {
            User user = identityService.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(person.id(), person.group());
            log.info("Created user {} in group {}", person.id(), person.group());
        }
    }
}
