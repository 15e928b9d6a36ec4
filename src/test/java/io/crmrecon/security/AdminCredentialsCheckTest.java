package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.ReconApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AdminCredentialsCheckTest {

    @Test
    void thePostgresProfileDoesNotStartWithoutTheFirstAdministrator() {
        SpringApplication app = new SpringApplication(ReconApplication.class);
        // command-line arguments win over any RECON_ADMIN_* in the environment of the build
        assertThatThrownBy(() -> app.run("--spring.profiles.active=postgres", "--recon.security.admin.user=",
                "--recon.security.admin.password=", "--server.port=0"))
                .hasMessageContaining("set RECON_ADMIN_USER and RECON_ADMIN_PASSWORD");
    }

    @Test
    void startsWhenBothAreSetOrWhenNotRequired() {
        AdminCredentialsCheck check = new AdminCredentialsCheck();
        assertThatCode(() -> check.postProcessEnvironment(environment(Map.of("recon.security.require-admin", "true",
                "recon.security.admin.user", "boss", "recon.security.admin.password", "s3cret")), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(environment(Map.of()), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.postProcessEnvironment(environment(Map.of("recon.security.require-admin",
                "true", "recon.security.admin.user", "boss")), null))
                .hasMessage(AdminCredentialsCheck.MESSAGE);
    }

    @Test
    void thePostgresProfileHasNoDefaultDatabasePassword() throws Exception {
        String yml = new String(getClass().getResourceAsStream("/application-postgres.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yml).contains("password: ${RECON_DB_PASSWORD}").contains("require-admin: true");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
