package io.crmrecon.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Mail's place in health, with the health settings of application.yml: reported in /actuator/health, never in
 * readiness, so a mail server that is down leaves the application in service. The database and the engine are
 * stand-ins here (MonitoringIT checks the real ones).
 */
class MailHealthTest {

    private final WebApplicationContextRunner app = new WebApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class, EndpointAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    MailHealthContributorAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class))
            .withUserConfiguration(MailConfiguration.class)
            .withBean("dbHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
            .withBean("processEngineHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
            // the capturing sender's; never used here
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new SimpleDriverDataSource()))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void aMailServerThatIsDownIsReportedButLeavesTheAppReady() throws IOException {
        app.withPropertyValues("recon.mail.capture=false", "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + closedPort()).run(context -> {
                    HealthEndpoint health = ready(context);

                    CompositeHealth readiness = (CompositeHealth) health.healthForPath("readiness");
                    assertThat(readiness.getStatus()).isEqualTo(Status.UP);
                    assertThat(readiness.getComponents()).containsOnlyKeys("readinessState", "db", "processEngine");

                    CompositeHealth all = (CompositeHealth) health.health();
                    assertThat(all.getComponents().get("mail").getStatus()).isEqualTo(Status.DOWN);
                    assertThat(((CompositeHealth) health.healthForPath("liveness")).getComponents())
                            .containsOnlyKeys("livenessState");
                });
    }

    @Test
    void capturedMailHasNoServerToCheckAndSaysSo() {
        app.withPropertyValues("recon.mail.capture=true").run(context -> {
            HealthEndpoint health = ready(context);

            Health mail = (Health) health.healthForPath("mail");
            assertThat(mail.getStatus()).isEqualTo(Status.UP);
            assertThat(mail.getDetails()).containsKey("delivery");
            assertThat(((CompositeHealth) health.healthForPath("readiness")).getComponents()).doesNotContainKey("mail");
        });
    }

    /** Outside SpringApplication nobody announces readiness: the test does, as the application does at start. */
    private static HealthEndpoint ready(AssertableWebApplicationContext context) {
        assertThat(context).hasNotFailed();
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        return context.getBean(HealthEndpoint.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
