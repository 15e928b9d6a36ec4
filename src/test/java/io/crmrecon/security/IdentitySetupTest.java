package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.common.ReconProperties;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production case (no demo users): only the administrator named by the environment is created. */
class IdentitySetupTest {

    private static ProcessEngine engine;
    private static IdentityService identity;

    @BeforeAll
    static void engine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("identity-setup-test")
                .setJdbcUrl("jdbc:h2:mem:identity-setup-test;DB_CLOSE_DELAY=-1")
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        identity = engine.getIdentityService();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @BeforeEach
    void empty() {
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    }

    @Test
    void withoutDemoUsersOnlyTheConfiguredAdminExists() {
        setup(identity, false, "boss", "s3cret").run();

        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("boss");
        assertThat(identity.createUserQuery().userId("boss").memberOfGroup("camunda-admin").count()).isOne();
        assertThat(identity.checkPassword("boss", "s3cret")).isTrue();
        assertThat(identity.createGroupQuery().groupIdIn("clerks", "managers", "camunda-admin").count())
                .isEqualTo(3);
    }

    @Test
    void anExistingAdminKeepsItsPassword() {
        setup(identity, false, "boss", "first").run();
        setup(identity, false, "boss", "second").run();

        assertThat(identity.checkPassword("boss", "first")).isTrue();
        assertThat(identity.createUserQuery().count()).isOne();
    }

    @Test
    void noDemoUsersAndNoAdminCreatesNoUser() {
        setup(identity, false, "", "").run();

        assertThat(identity.createUserQuery().count()).isZero();
    }

    @Test
    void demoUsersHaveTheirNamesAsPasswords() {
        setup(identity, true, "", "").run();
        setup(identity, true, "", "").run();

        assertThat(identity.createUserQuery().count()).isEqualTo(3);
        assertThat(identity.checkPassword("manager", "manager")).isTrue();
        assertThat(identity.createUserQuery().userId("manager").memberOfGroup("managers").count()).isOne();
    }

    private static IdentitySetup setup(IdentityService identity, boolean demoUsers, String admin, String password) {
        return new IdentitySetup(identity,
                new ReconProperties(ZoneId.of("Asia/Shanghai"), "http://localhost", false, demoUsers),
                new SecurityProperties(new SecurityProperties.Admin(admin, password), false, List.of()));
    }
}
