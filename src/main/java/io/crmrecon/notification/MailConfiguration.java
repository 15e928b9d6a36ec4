package io.crmrecon.notification;

import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * How mail leaves. Its health ({@code mail} in /actuator/health) is Spring Boot's SMTP connection check when mail is
 * sent; it is not part of readiness (application.yml): a mail server that is down delays mail, which the outbox
 * retries, and is no reason to take the application out of service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    /** recon.mail.capture=true (the default profile): keep mail in the dev mailbox instead of sending it. */
    @Bean
    @ConditionalOnProperty(name = "recon.mail.capture", havingValue = "true")
    JavaMailSender capturingMailSender(JdbcTemplate jdbc, Clock clock) {
        return new CapturingMailSender(jdbc, clock);
    }

    /** Captured mail has no server to check: health says so instead of checking nothing (replaces Boot's). */
    @Bean
    @ConditionalOnProperty(name = "recon.mail.capture", havingValue = "true")
    @ConditionalOnEnabledHealthIndicator("mail")
    HealthIndicator mailHealthIndicator() {
        Health captured = Health.up().withDetail("delivery", "captured in /dev/mailbox, not sent").build();
        return () -> captured;
    }
}
