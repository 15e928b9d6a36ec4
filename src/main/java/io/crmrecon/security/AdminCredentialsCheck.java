package io.crmrecon.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start where {@code recon.security.require-admin} is set (the postgres profile) but the first
 * administrator is not named: the app would otherwise come up with Camunda's "create the first admin" page open to
 * whoever finds it first. Runs once the profiles' files are read, before anything connects to the database.
 */
class AdminCredentialsCheck implements EnvironmentPostProcessor, Ordered {

    static final String MESSAGE = "No administrator is configured: set RECON_ADMIN_USER and RECON_ADMIN_PASSWORD "
            + "(the first user of group camunda-admin, created at start-up when missing). This profile creates no "
            + "default users and will not start without them.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("recon.security.require-admin", Boolean.class, false)) {
            return;
        }
        String user = environment.getProperty("recon.security.admin.user", "");
        String password = environment.getProperty("recon.security.admin.password", "");
        if (user.isBlank() || password.isEmpty()) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    @Override
    public int getOrder() {
        // after the config files (ConfigDataEnvironmentPostProcessor) have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
